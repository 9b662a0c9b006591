import { describe, expect, it } from 'vitest';
import { ConfigError, ENVIRONMENT_KEY, ENVIRONMENTS_KEY, EnvironmentConfig, cronTime, loadConfig } from '../../infra/config.ts';
import { cdkJson, defaultRawConfig } from './synth.ts';

/** Loads `raw` as the only environment, returning the error's problem lines (or [] when valid). */
function problems(raw: unknown, name = 'default'): string[] {
  const ctx: Record<string, unknown> = { [ENVIRONMENT_KEY]: name, [ENVIRONMENTS_KEY]: { default: raw } };
  try {
    loadConfig((k) => ctx[k]);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

function withChange(change: (c: Record<string, any>) => void): Record<string, unknown> {
  const raw = defaultRawConfig();
  change(raw);
  return raw;
}

describe('infra config (cdk.json context)', () => {
  it('accepts the default environment in cdk.json and fills the function defaults', () => {
    const { name, config } = loadConfig((k) => cdkJson.context[k]);
    expect(name).toBe('default');
    expect(config.laCode).toMatch(/^E(06|08|09|10)\d{6}$/);
    expect(config.schedule).toEqual({ expression: 'cron(0 7 ? * MON-FRI *)', timezone: 'Europe/London' });
    expect(config.functions.distribute.reservedConcurrency).toBe(1);
    expect(config.functions.ingest.reservedConcurrency).toBe(1);
    expect(config.functions.render.reservedConcurrency).toBeUndefined();
    for (const addresses of Object.values(config.lists)) for (const a of addresses) expect(a).toMatch(/@example\.org$/);
    expect(config.alarmEmail).toMatch(/@example\.org$/);
  });

  it('names the unknown environment and the known ones', () => {
    const ctx: Record<string, unknown> = { [ENVIRONMENT_KEY]: 'prod', [ENVIRONMENTS_KEY]: { default: defaultRawConfig() } };
    expect(() => loadConfig((k) => ctx[k])).toThrow(/no environment "prod".*known: default/);
  });

  it('reports a missing environments block', () => {
    expect(() => loadConfig(() => undefined)).toThrow(/asc-report-cards:environments" is missing/);
  });

  it.each([
    ['a bad alarm email', (c: any) => (c.alarmEmail = 'not-an-address'), /^alarmEmail: must be an email address$/],
    ['a bad la code', (c: any) => (c.laCode = 'E12000001'), /^laCode: .*ONS code/],
    ['a recipient that is not an address', (c: any) => (c.lists.board = ['board']), /^lists\.board\.0: /],
    ['an empty list', (c: any) => (c.lists.clerks = []), /^lists\.clerks: each list needs at least one address$/],
    ['a badly named list', (c: any) => (c.lists['Board Members'] = ['a@example.org']), /^lists\.Board Members: list names are lower-case/],
    ['no performance-team list', (c: any) => delete c.lists['performance-team'], /^lists\.performance-team: list "performance-team" is required/],
    ['noncurrent versions kept as long as extracts', (c: any) => (c.retentionDays.noncurrentVersions = c.retentionDays.rawExtracts), /^retentionDays\.noncurrentVersions: must be shorter than rawExtracts/],
    ['reports kept no longer than extracts', (c: any) => (c.retentionDays.reports = 10), /^retentionDays\.reports: must be longer than rawExtracts/],
    ['a fractional retention', (c: any) => (c.retentionDays.rawExtracts = 1.5), /^retentionDays\.rawExtracts: .*whole number of days/],
    ['a log retention CloudWatch does not offer', (c: any) => (c.retentionDays.functionLogs = 100), /^retentionDays\.functionLogs: must be one of 1, 3, 5, .*CloudWatch Logs/],
    ['a From address outside the identity', (c: any) => (c.sender.fromAddress = 'reports@elsewhere.org'), /^sender\.fromAddress: must belong to the SES identity example\.org$/],
    ['a rate expression', (c: any) => (c.schedule.expression = 'rate(1 day)'), /^schedule\.expression: .*cron/],
    ['a schedule in the clock-change hours', (c: any) => (c.schedule.expression = 'cron(30 1 ? * MON-FRI *)'), /^schedule\.expression: fire outside 01:00-02:59/],
    ['an unknown time zone', (c: any) => (c.schedule.timezone = 'Mars/Olympus'), /^schedule\.timezone: must be an IANA time zone/],
    ['a configuration set name SES rejects', (c: any) => (c.sesConfigurationSetName = 'has spaces'), /^sesConfigurationSetName: /],
  ])('rejects %s with a message naming the field', (_what, change, message) => {
    const found = problems(withChange(change));
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((p) => message.test(p)), found.join('\n')).toBe(true);
  });

  it('puts every problem in one error so a deployer fixes them in one pass', () => {
    const raw = withChange((c) => {
      c.alarmEmail = 'nope';
      c.laCode = 'X';
    });
    const error = (() => {
      try {
        loadConfig((k) => ({ [ENVIRONMENTS_KEY]: { default: raw } })[k]);
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.message).toContain('cdk.json context for environment "default" is invalid');
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['alarmEmail', 'laCode']);
  });

  it('accepts an email-address identity when the From address is that address', () => {
    const raw = withChange((c) => (c.sender = { identity: 'reports@example.org', fromAddress: 'reports@example.org' }));
    expect(EnvironmentConfig.safeParse(raw).success).toBe(true);
    const other = withChange((c) => (c.sender = { identity: 'reports@example.org', fromAddress: 'other@example.org' }));
    expect(problems(other)).toEqual(['sender.fromAddress: must belong to the SES identity reports@example.org']);
  });
});

describe('cronTime', () => {
  it("gives the functions the schedule's time of day when the cron names one", () => {
    expect(cronTime('cron(0 7 ? * MON-FRI *)')).toBe('07:00');
    expect(cronTime('cron(30 18 ? * MON-FRI *)')).toBe('18:30');
    // Lists, ranges and wildcards name no single time: the preview then says "the morning of".
    expect(cronTime('cron(0 7,9 ? * MON-FRI *)')).toBeUndefined();
    expect(cronTime('cron(0/15 7 ? * MON-FRI *)')).toBeUndefined();
    expect(cronTime('cron(0 * ? * MON-FRI *)')).toBeUndefined();
  });
});
