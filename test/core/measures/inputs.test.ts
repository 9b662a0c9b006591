import { describe, expect, it } from 'vitest';
import { assembleInputs, type ParsedFile } from '../../../functions/core/measures/inputs.ts';
import type { FinanceData, WaitingData } from '../../../functions/core/uploads/parsed.ts';

// assembleInputs reads only what the registry says about each kind: the data is passed through.
const events = (name: string): ParsedFile => ({ kind: 'events', name, data: { tag: name } });
const finance = (name: string, ...periods: string[]): ParsedFile => ({
  kind: 'finance',
  name,
  data: { lines: periods.map((period) => ({ period, budgetLine: name })) } as unknown as FinanceData,
});
const waiting = (name: string, ...asAt: number[]): ParsedFile => ({
  kind: 'waiting',
  name,
  data: { laCode: 'E08000018', rows: asAt.map((d) => ({ asAt: d })) } as unknown as WaitingData,
});

describe('assembleInputs', () => {
  it('is null without the kind that sets the period', () => {
    expect(assembleInputs([finance('f.csv', '2021-11')])).toBeNull();
  });

  it('a single-file kind reads its last file; a snapshot kind every file that wins a month, oldest first', () => {
    const got = assembleInputs([
      events('old.csv'),
      finance('a.csv', '2021-09', '2021-10'),
      finance('b.csv', '2021-09'),
      finance('c.csv', '2021-10'),
      events('new.csv'),
    ]);
    expect(got?.used).toEqual({ events: 'new.csv', finance: ['b.csv', 'c.csv'] });
    expect(got?.inputs.events).toEqual({ tag: 'new.csv' });
    expect(got?.inputs.finance?.map((f) => f.lines[0].budgetLine)).toEqual(['b.csv', 'c.csv']);
  });

  it("finds a waiting row's month from its as-at day (day 0 is 1970-01-01)", () => {
    // 2021-11-30 and 2021-12-31 as day numbers: a.csv holds both months, b.csv only November.
    const nov30 = Date.UTC(2021, 10, 30) / 86_400_000;
    const dec31 = Date.UTC(2021, 11, 31) / 86_400_000;
    const got = assembleInputs([events('e.csv'), waiting('a.csv', nov30, dec31), waiting('b.csv', nov30)]);
    expect(got?.used.waiting).toEqual(['a.csv', 'b.csv']);
    const later = assembleInputs([events('e.csv'), waiting('a.csv', nov30), waiting('b.csv', nov30, dec31)]);
    expect(later?.used.waiting).toEqual(['b.csv']);
  });
});
