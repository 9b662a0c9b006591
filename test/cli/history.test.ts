import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../functions/cli/commands/history.ts';
import type { RunRecord } from '../../functions/core/pipeline/runs.ts';
import { captureCli } from '../support/cli.ts';

let dir: string;
const rec = (stage: RunRecord['stage'], startedAt: string, notes: string[]): RunRecord => ({
  stage,
  trigger: `${stage}-trigger`,
  startedAt,
  finishedAt: startedAt,
  outcome: 'ok',
  notes,
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rc-history-'));
  await writeFile(path.join(dir, 'b.json'), JSON.stringify(rec('render', '2021-12-01T10:00:02Z', ['scrutiny-board: rendered v1'])));
  await writeFile(path.join(dir, 'a.json'), JSON.stringify(rec('ingest', '2021-12-01T10:00:01Z', ['accepted 10 rows'])));
  await writeFile(path.join(dir, 'c.json'), JSON.stringify({ not: 'a run' }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const capture = (args: string[]) => captureCli(run, args);

describe('report-cards history', () => {
  it('prints runs oldest first with their notes, skipping files that are not run records', async () => {
    const r = await capture(['--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^2021-12-01T10:00:01Z {2}ingest +ok +ingest-trigger$/);
    expect(r.stdout).toContain('    scrutiny-board: rendered v1');
    expect(r.stdout.indexOf('ingest')).toBeLessThan(r.stdout.indexOf('render'));
  });

  it('limits and prints JSON', async () => {
    const r = await capture(['--dir', dir, '--limit', '1', '--json']);
    expect(JSON.parse(r.stdout).map((x: RunRecord) => x.stage)).toEqual(['render']);
  });

  it('exits 2 on usage errors and on an unreadable folder', async () => {
    expect((await capture(['--limit', 'x', '--dir', dir])).code).toBe(2);
    expect((await capture(['--bogus'])).code).toBe(2);
    expect((await capture(['--dir', path.join(dir, 'missing')])).code).toBe(2);
  });
});
