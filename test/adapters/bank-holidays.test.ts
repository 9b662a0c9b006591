import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBankHolidays } from '../../functions/adapters/bank-holidays.ts';
import { TEMPLATES_DIR } from '../support/project-files.ts';

describe('loadBankHolidays', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('reads templates/bank-holidays.json', async () => {
    const holidays = await loadBankHolidays(TEMPLATES_DIR);
    expect(holidays.has('2026-12-28')).toBe(true);
    expect(holidays.has('2026-12-29')).toBe(false);
  });

  it('a broken file is an error naming its path', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-holidays-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'bank-holidays.json'), '{"dates": "soon"}');
    await expect(loadBankHolidays(dir)).rejects.toThrow(path.join(dir, 'bank-holidays.json'));
  });
});
