import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../functions/cli/commands/history.ts';
import type { RunRecord } from '../../functions/core/pipeline/runs.ts';

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

async function capture(args: string[]) {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await run(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('report-cards history', () => {
  it('prints runs oldest first with their notes, skipping files that are not run records', async () => {
    const r = await capture(['--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^2021-12-01T10:00:01Z {2}ingest +ok +ingest-trigger$/);
    expect(r.out).toContain('    scrutiny-board: rendered v1');
    expect(r.out.indexOf('ingest')).toBeLessThan(r.out.indexOf('render'));
  });

  it('limits and prints JSON', async () => {
    const r = await capture(['--dir', dir, '--limit', '1', '--json']);
    expect(JSON.parse(r.out).map((x: RunRecord) => x.stage)).toEqual(['render']);
  });

  it('exits 2 on usage errors and on an unreadable folder', async () => {
    expect((await capture(['--limit', 'x', '--dir', dir])).code).toBe(2);
    expect((await capture(['--bogus'])).code).toBe(2);
    expect((await capture(['--dir', path.join(dir, 'missing')])).code).toBe(2);
  });
});
