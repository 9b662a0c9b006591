/** `report-cards sample` (cli.md) through the real binary: paths printed, files written, usage errors exit 2. */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../../functions/core/sample/sample-files.ts';
import { UPLOAD_KINDS } from '../../functions/core/uploads/kinds/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let tmp: string;
/** Usage errors must write nothing; this directory is never created. */
const NEVER = path.join(os.tmpdir(), 'sample-cli-never-written');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'bin/report-cards.mjs'), 'sample', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sample-cli-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('report-cards sample', () => {
  it('writes one upload of every kind and prints their paths', async () => {
    const out = path.join(tmp, 'a');
    const r = await cli('--out', out, '--people', '300', '--months', '13', '--seed', '5', '--end', '2022-03');
    expect(r.code).toBe(0);
    // In SAMPLE_FILES order; one file per kind of the registry (extract-spec's kinds, registry.test.ts).
    const names = [...SAMPLE_FILES];
    expect([...names].sort()).toEqual(UPLOAD_KINDS.map((k) => `${k}.csv`).sort());
    expect(r.stdout.trim().split('\n')).toEqual(names.map((n) => path.join(out, n)));
    expect((await readdir(out)).sort()).toEqual([...names].sort());
    const events = await readFile(path.join(out, 'events.csv'), 'utf8');
    expect(events.split('\n')[1]).toContain(',2021-03-01,2022-03-31,');
  });

  it('gives the same bytes on a second run with the same options', async () => {
    const [a, b] = [path.join(tmp, 'b1'), path.join(tmp, 'b2')];
    expect((await cli('--out', a, '--people', '200')).code).toBe(0);
    expect((await cli('--out', b, '--people', '200')).code).toBe(0);
    for (const f of await readdir(a)) expect((await readFile(path.join(a, f))).equals(await readFile(path.join(b, f))), f).toBe(true);
  });

  it('prints its help and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--people N');
  });

  it.each([
    [[], '--out DIR is required'],
    [['--out', NEVER, '--people', 'many'], '--people must be a whole number'],
    [['--out', NEVER, '--seed', '-3'], '--seed'],
    [['--out', NEVER, '--seed', '1.5'], '--seed must be a whole number'],
    [['--out', NEVER, '--end', '2021-13'], '--end'],
    [['--out', NEVER, '--months', '0'], '--months'],
    [['--out', NEVER, '--colour', 'red'], 'colour'],
    [['--out', NEVER, 'extra'], 'extra'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
    await expect(readdir(NEVER)).rejects.toThrow();
  });

  it('exits 2 when the directory cannot be written', async () => {
    const file = path.join(tmp, 'not-a-dir');
    await writeFile(file, 'x');
    const r = await cli('--out', path.join(file, 'inside'), '--people', '10');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write');
  });
});
