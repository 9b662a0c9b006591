/**
 * infra/app.ts as the CDK CLI runs it (`npx tsx infra/app.ts` with the context in CDK_CONTEXT_JSON):
 * a bad cdk.json environment stops synth with the list of problems and exit code 1.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_KEY, ENVIRONMENTS_KEY } from '../../infra/config.ts';
import { PROJECT_ROOT } from '../../infra/constructs/report-function.ts';
import { cdkJson, defaultRawConfig } from './synth.ts';

const run = promisify(execFile);

async function synthWith(context: Record<string, unknown>): Promise<{ code: number; stderr: string }> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-app-'));
  try {
    await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'infra/app.ts')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_OUTDIR: outdir },
    });
    return { code: 0, stderr: '' };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('infra/app.ts', () => {
  it('stops synth on an invalid environment, listing every problem by field', async () => {
    const raw = defaultRawConfig() as Record<string, any>;
    raw.alarmEmail = 'ops';
    raw.retentionDays.noncurrentVersions = 9999;
    const { code, stderr } = await synthWith({ ...cdkJson.context, [ENVIRONMENTS_KEY]: { default: raw } });
    expect(code).toBe(1);
    expect(stderr).toContain('cdk.json context for environment "default" is invalid');
    expect(stderr).toContain('alarmEmail: must be an email address');
    expect(stderr).toContain('retentionDays.noncurrentVersions: must be shorter than rawExtracts');
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('stops synth when the selected environment does not exist', async () => {
    const { code, stderr } = await synthWith({ ...cdkJson.context, [ENVIRONMENT_KEY]: 'prod' });
    expect(code).toBe(1);
    expect(stderr).toContain('no environment "prod"');
  });
});
