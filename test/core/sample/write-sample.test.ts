/**
 * writeSample: deterministic bytes, every file valid under extract-spec.md (no errors, no
 * warnings), and the streaming events form identical to the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsCsvLines, peopleForRows, SAMPLE_FILES } from '../../../functions/core/sample/index.ts';
import { KINDS, removeDir, validateAll, writeTempSample } from './fixture.ts';

const OPTIONS = { seed: 7, people: 1500, end: '2021-11', months: 36 };
const dirs: string[] = [];

async function bytesOf(options: typeof OPTIONS): Promise<Buffer[]> {
  const { dir, paths } = await writeTempSample(options);
  dirs.push(dir);
  return Promise.all(paths.map((p) => readFile(p)));
}

afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

describe('writeSample', () => {
  let first: Buffer[];
  beforeAll(async () => {
    first = await bytesOf(OPTIONS);
  });

  it('writes the eight uploads, in the documented order, into the directory', async () => {
    const { dir, paths } = await writeTempSample({ ...OPTIONS, people: 50 });
    dirs.push(dir);
    expect(paths).toEqual(SAMPLE_FILES.map((f) => path.join(dir, f)));
    expect(SAMPLE_FILES).toEqual(KINDS.map((k) => `${k}.csv`));
  });

  it('gives the same bytes for the same options', async () => {
    const again = await bytesOf(OPTIONS);
    again.forEach((bytes, i) => expect(bytes.equals(first[i]), SAMPLE_FILES[i]).toBe(true));
  });

  it('gives different events, waiting list and finance for another seed', async () => {
    const other = await bytesOf({ ...OPTIONS, seed: 8 });
    for (const file of ['events.csv', 'waiting.csv', 'finance.csv', 'providers.csv']) {
      const i = SAMPLE_FILES.indexOf(file as (typeof SAMPLE_FILES)[number]);
      expect(other[i].equals(first[i]), file).toBe(false);
    }
  });

  it('streams exactly the bytes of events.csv from eventsCsvLines', () => {
    const streamed = Buffer.from([...eventsCsvLines(OPTIONS)].join(''), 'utf8');
    expect(streamed.equals(first[0])).toBe(true);
  });

  it('writes files that validate with no errors and no warnings', async () => {
    const { dir } = await writeTempSample(OPTIONS);
    dirs.push(dir);
    const results = await validateAll(dir);
    for (const kind of KINDS) {
      const r = results[kind];
      expect({ kind, errors: r.errors.slice(0, 5), warnings: r.warnings.slice(0, 5) }).toEqual({ kind, errors: [], warnings: [] });
      expect(r.data, kind).not.toBeNull();
      expect(r.rows, kind).toBeGreaterThan(0);
    }
    const events = results.events.data!;
    expect(events.laCode).toBe('E08000018');
    // About N people in contact.
    expect(events.persons.length).toBeGreaterThan(OPTIONS.people * 0.9);
    expect(events.persons.length).toBeLessThan(OPTIONS.people * 1.1);
  });

  it('also validates for a short window ending in another month and a leap year', async () => {
    const { dir } = await writeTempSample({ seed: 3, people: 400, end: '2024-02', months: 13 });
    dirs.push(dir);
    const results = await validateAll(dir);
    for (const kind of KINDS) expect({ kind, errors: results[kind].errors.slice(0, 5) }).toEqual({ kind, errors: [] });
    expect(results.waiting.data!.asAt).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(results.finance.data!.period).toBe('2024-02');
  });
});

describe('eventsCsvLines with targetRows', () => {
  it('sizes the people to give about the requested number of rows', () => {
    const people = peopleForRows({ seed: 1 }, 20_000);
    let rows = -1; // the header
    for (const _ of eventsCsvLines({ seed: 1, targetRows: 20_000 })) rows++;
    expect(people).toBeGreaterThan(1000);
    expect(rows).toBeGreaterThan(18_000);
    expect(rows).toBeLessThan(22_000);
  });

  it('yields lines ending in a newline, the header first', () => {
    const it = eventsCsvLines({ people: 5 })[Symbol.iterator]();
    const header = it.next().value as string;
    expect(header.startsWith('LA_Code,Reporting_Period_Start_Date,')).toBe(true);
    expect(header.endsWith('\n')).toBe(true);
    expect((it.next().value as string).startsWith('E08000018,')).toBe(true);
  });
});
