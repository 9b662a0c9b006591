import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { eventsCsv, GOLDEN } from '../core/uploads/fixtures.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/report-cards.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'validate-cli-'));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, 'validate', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('report-cards validate', () => {
  it('accepts the golden extract: exit 0, warnings only', async () => {
    const r = await cli(path.join(GOLDEN, 'events.csv'), '--kind', 'events');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('accepted (events, 1622 rows, 0 errors');
    expect(r.stderr).not.toMatch(/: error: /);
  });

  it('rejects a bad file: exit 1 and FILE:ROW:COLUMN lines on stderr', async () => {
    const f = file('bad.csv', eventsCsv([{}, { event_start_date: '2021-02-30' }]));
    const r = await cli(f, '--kind', 'events');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2:event_start_date: error: event_start_date is not a real calendar date (value "2021-02-30")`);
  });

  it('prints JSON with --json', async () => {
    const f = file('pop.csv', 'la_code,year,age_band,population\nE08000018,2021,65+,54800\nE08000018,2021,65+,1\n');
    const r = await cli(f, '--kind', 'population', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ kind: 'population', rows: 2, warnings: [] });
    expect(json.errors).toEqual([{ row: 2, column: '', value: null, rule: 'duplicate-row', message: 'A second row for the same la_code, year and age_band (the first is row 1)' }]);
  });

  it('says a UTF-16 file must be saved as CSV UTF-8 (row 0)', async () => {
    const f = file('u16.csv', new Uint8Array([0xff, 0xfe, ...Buffer.from('la_code,year\r\n', 'utf16le')]));
    const r = await cli(f, '--kind', 'population');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:0:: error: .*CSV UTF-8`, 'm'));
  });

  it('exits 2 for a file that cannot be opened, an unknown kind or missing arguments', async () => {
    expect((await cli(path.join(dir, 'missing.csv'), '--kind', 'events')).code).toBe(2);
    expect((await cli(dir, '--kind', 'events')).code).toBe(2);
    expect((await cli(path.join(GOLDEN, 'events.csv'), '--kind', 'event')).code).toBe(2);
    expect((await cli(path.join(GOLDEN, 'events.csv'))).code).toBe(2);
    expect((await cli('--kind', 'events')).code).toBe(2);
  });

  it('has --help', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('validate FILE --kind KIND');
  });
});
