import { describe, expect, it } from 'vitest';
import { filterPersonRows, groupByPerson } from '../../../functions/core/measures/person-index.ts';
import { community, events, request } from './builder.ts';

describe('groupByPerson', () => {
  it('groups kept rows by person, sorted by start then file order', () => {
    const data = events({ start: '2021-01-01', end: '2021-12-31' }, [
      request('B', '2021-03-01', '2021-03-02'),
      request('A', '2021-02-01', '2021-02-02'),
      community('A', '2021-01-01', null),
      request('A', '2021-02-01', '2021-02-05'),
      request('C', '2021-01-01', '2021-01-02'),
    ]);
    const index = groupByPerson(data.events, data.persons.length, () => true);
    const rowsOf = (p: number) => index.rows.slice(index.offsets[p], index.offsets[p + 1]).map((r) => r.row);
    // Person 0 is B, 1 is A, 2 is C (interned in order of first use).
    expect(rowsOf(0)).toEqual([1]);
    expect(rowsOf(1)).toEqual([3, 2, 4]);
    expect(rowsOf(2)).toEqual([5]);
  });

  it('keeps only the rows asked for, and sorts long segments too', () => {
    // 80 rows in scrambled start order, half kept: a 40-row segment takes the long-segment path.
    const specs = Array.from({ length: 80 }, (_, i) => request('A', `2021-01-${String(((i * 7) % 28) + 1).padStart(2, '0')}`, `2021-02-${String((i % 28) + 1).padStart(2, '0')}`));
    const data = events({ start: '2021-01-01', end: '2021-12-31' }, specs);
    const index = groupByPerson(data.events, 1, (r) => r.row % 2 === 0);
    const rows = index.rows.slice(index.offsets[0], index.offsets[1]);
    expect(rows).toHaveLength(40);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i - 1].start < rows[i].start || (rows[i - 1].start === rows[i].start && rows[i - 1].row < rows[i].row)).toBe(true);
    }
  });

  it('filterPersonRows keeps the order and only the rows asked for', () => {
    const data = events({ start: '2021-01-01', end: '2021-12-31' }, [
      request('A', '2021-02-01', '2021-02-02'),
      community('A', '2021-01-01', null),
      request('B', '2021-03-01', '2021-03-02'),
      community('A', '2021-01-15', null, { component: 'x' }),
    ]);
    const lts = filterPersonRows(groupByPerson(data.events, data.persons.length, () => true), (r) => r.eventType === 'Service');
    expect(Array.from(lts.offsets)).toEqual([0, 2, 2]);
    expect(lts.rows.map((r) => r.row)).toEqual([2, 4]);
  });
});
