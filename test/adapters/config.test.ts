import { describe, expect, it } from 'vitest';
import { ConfigError, readBouncesConfig, readConfig } from '../../functions/adapters/config.ts';
import { fixedClock } from '../../functions/adapters/clock.ts';

describe('readConfig', () => {
  const env = { BUCKET: 'report-cards-data', LEDGER_TABLE: 'ledger', SENDER: 'rc@example.org', TEMPLATES_DIR: '/var/task/templates' };
  it('reads a complete environment, defaulting the region', () => {
    expect(readConfig(env)).toMatchObject({ ...env, AWS_REGION: 'eu-west-2' });
  });
  it('names every missing or malformed variable', () => {
    expect(() => readConfig({ ...env, SENDER: 'nobody' })).toThrow(ConfigError);
    expect(() => readConfig({ BUCKET: 'b' })).toThrow(/LEDGER_TABLE[\s\S]*SENDER/);
    expect(() => readConfig({ ...env, S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/);
  });
  it("reads the schedule's time and zone (Europe/London unless said), refusing a time or zone that is not one", () => {
    expect(readConfig({ ...env, DISTRIBUTION_TIME: '07:00' })).toMatchObject({ DISTRIBUTION_TIME: '07:00', DISTRIBUTION_TIMEZONE: 'Europe/London' });
    expect(readConfig({ ...env, DISTRIBUTION_TIME: '07:30', DISTRIBUTION_TIMEZONE: 'UTC' })).toMatchObject({ DISTRIBUTION_TIME: '07:30', DISTRIBUTION_TIMEZONE: 'UTC' });
    expect(readConfig(env).DISTRIBUTION_TIME).toBeUndefined();
    expect(() => readConfig({ ...env, DISTRIBUTION_TIME: '7' })).toThrow(/DISTRIBUTION_TIME/);
    expect(() => readConfig({ ...env, DISTRIBUTION_TIME: '24:00' })).toThrow(/DISTRIBUTION_TIME/);
    expect(() => readConfig({ ...env, DISTRIBUTION_TIMEZONE: 'BST' })).toThrow(/DISTRIBUTION_TIMEZONE/);
  });
});

describe('readBouncesConfig', () => {
  it('needs only the ledger table (and a local endpoint when there is one)', () => {
    expect(readBouncesConfig({ LEDGER_TABLE: 'ledger', PATH: '/usr/bin' })).toEqual({ LEDGER_TABLE: 'ledger' });
    expect(readBouncesConfig({ LEDGER_TABLE: 'ledger', DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567' })).toEqual({ LEDGER_TABLE: 'ledger', DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567' });
  });
  it('names a missing or malformed variable', () => {
    expect(() => readBouncesConfig({})).toThrow(ConfigError);
    expect(() => readBouncesConfig({})).toThrow(/LEDGER_TABLE/);
    expect(() => readBouncesConfig({ LEDGER_TABLE: 'ledger', DYNAMODB_ENDPOINT: 'not a url' })).toThrow(/DYNAMODB_ENDPOINT/);
  });
});

describe('fixedClock', () => {
  it('always says the same instant', () => {
    const c = fixedClock('2021-12-07T09:00:00Z');
    expect(c.now().toISOString()).toBe('2021-12-07T09:00:00.000Z');
    expect(c.now().getTime()).toBe(c.now().getTime());
  });
});
