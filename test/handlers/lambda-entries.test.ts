/**
 * The Lambda entries parse their environment at module scope: a bad deployment fails the cold start
 * with the variable named, rather than the first event (which Lambda would retry and dead-letter).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const STAGES = ['ingest', 'render', 'distribute', 'schedule'] as const;
const GOOD = { BUCKET: 'report-cards-data', LEDGER_TABLE: 'ledger', SENDER: 'rc@example.org', TEMPLATES_DIR: '/var/task/templates', AWS_REGION: 'eu-west-2' };

function stub(env: Record<string, string | undefined>) {
  for (const k of ['BUCKET', 'LEDGER_TABLE', 'SENDER', 'TEMPLATES_DIR', 'AWS_REGION']) vi.stubEnv(k, env[k]);
}

beforeEach(() => vi.resetModules());
afterEach(() => vi.unstubAllEnvs());

describe('Lambda entries', () => {
  it.each(STAGES)('%s: importing with a complete environment gives the handler', async (stage) => {
    stub(GOOD);
    const m = (await import(`../../functions/handlers/lambda/${stage}.ts`)) as { handler: unknown };
    expect(typeof m.handler).toBe('function');
  });

  it.each(STAGES)('%s: importing with a malformed environment fails, naming the variable', async (stage) => {
    stub({ ...GOOD, SENDER: 'not-an-address', BUCKET: undefined });
    await expect(import(`../../functions/handlers/lambda/${stage}.ts`)).rejects.toThrow(/Invalid environment configuration[\s\S]*BUCKET[\s\S]*SENDER/);
  });

  it('bounces: needs only the ledger table, and fails without it', async () => {
    stub({ LEDGER_TABLE: 'ledger', AWS_REGION: 'eu-west-2' });
    expect(typeof ((await import('../../functions/handlers/lambda/bounces.ts')) as { handler: unknown }).handler).toBe('function');
    vi.resetModules();
    stub({ AWS_REGION: 'eu-west-2' });
    await expect(import('../../functions/handlers/lambda/bounces.ts')).rejects.toThrow(/LEDGER_TABLE/);
  });
});
