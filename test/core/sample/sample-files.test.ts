/**
 * sampleFiles: deterministic bytes, every file valid under extract-spec.md (no errors, no
 * warnings), the streaming events form identical to the file, and the same bytes however the
 * files are read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsCsvLines, peopleForRows, sampleFiles, SAMPLE_FILES } from '../../../functions/core/sample/index.ts';
import { KINDS, sampleBytes, validateAll, type SampleBytes } from './fixture.ts';

const OPTIONS = { seed: 7, people: 1500, end: '2021-11', months: 36 };

describe('sampleFiles', () => {
  let first: SampleBytes;
  beforeAll(() => {
    first = sampleBytes(OPTIONS);
  });

  it('gives one upload of every kind, the events extract first, in SAMPLE_FILES order', () => {
    expect(sampleFiles({ ...OPTIONS, people: 50 }).map((f) => f.fileName)).toEqual([...SAMPLE_FILES]);
    expect([...SAMPLE_FILES].sort()).toEqual(KINDS.map((k) => `${k}.csv`).sort());
    expect(SAMPLE_FILES[0]).toBe('events.csv');
  });

  it('gives the same bytes for the same options', () => {
    const again = sampleBytes(OPTIONS);
    for (const f of SAMPLE_FILES) expect(again[f].equals(first[f]), f).toBe(true);
  });

  it('gives the same bytes when the snapshot files are read before the events, and when a file is read twice', () => {
    const files = sampleFiles(OPTIONS);
    const text = (name: string) => [...files.find((f) => f.fileName === name)!.chunks].join('');
    expect(Buffer.from(text('providers.csv')).equals(first['providers.csv'])).toBe(true);
    expect(Buffer.from(text('waiting.csv')).equals(first['waiting.csv'])).toBe(true);
    expect(Buffer.from(text('events.csv')).equals(first['events.csv'])).toBe(true);
    expect(Buffer.from(text('events.csv')).equals(first['events.csv'])).toBe(true);
  });

  it('gives the events in pieces of about 1 MB, so a full-size extract never sits in memory whole', () => {
    const pieces = [...sampleFiles(OPTIONS)[0].chunks];
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThan(1 << 20);
    for (const piece of pieces) expect(piece.length).toBeLessThan((1 << 20) + 64 * 1024);
  });

  it('gives different events, waiting list and finance for another seed', () => {
    const other = sampleBytes({ ...OPTIONS, seed: 8 });
    for (const file of ['events.csv', 'waiting.csv', 'finance.csv', 'providers.csv'] as const) {
      expect(other[file].equals(first[file]), file).toBe(false);
    }
  });

  it('streams exactly the bytes of events.csv from eventsCsvLines', () => {
    const streamed = Buffer.from([...eventsCsvLines(OPTIONS)].join(''), 'utf8');
    expect(streamed.equals(first['events.csv'])).toBe(true);
  });

  it('gives files that validate with no errors and no warnings', async () => {
    const results = await validateAll(first);
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
    const results = await validateAll(sampleBytes({ seed: 3, people: 400, end: '2024-02', months: 13 }));
    for (const kind of KINDS) expect({ kind, errors: results[kind].errors.slice(0, 5) }).toEqual({ kind, errors: [] });
    // A 13-month window: the snapshot files hold its 13 months, ending at the leap day.
    const asAts = [...new Set(results.waiting.data!.rows.map((r) => r.asAt))];
    expect(asAts.at(-1)).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(asAts.at(0)).toBe(Date.UTC(2023, 1, 28) / 86_400_000);
    const periods = [...new Set(results.finance.data!.lines.map((l) => l.period))];
    expect(periods).toEqual(['2023-02', '2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01', '2024-02']);
    expect(new Set(results.providers.data!.rows.map((r) => r.asAt)).size).toBe(13);
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
