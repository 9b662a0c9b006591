import { describe, expect, it } from 'vitest';
import { removeDuplicates } from '../../../functions/core/measures/dedupe.ts';
import { assessment, community, events, request } from './builder.ts';

const kept = (specs: Parameters<typeof events>[1]) => Array.from(removeDuplicates(events({ start: '2021-01-01', end: '2021-12-31' }, specs)));

describe('duplicate removal', () => {
  it('counts rows with the same event key once; the last row in file order wins for non-services', () => {
    expect(kept([
      assessment('A', '2021-01-01', '2021-01-10', { outcome: 'NFA: Other' }),
      assessment('A', '2021-01-01', '2021-01-10', { outcome: 'NFA: Deceased' }), // outcome is not in the key
    ])).toEqual([1]);
  });

  it('compares free text trimmed, spaces folded and case ignored; blank equals blank', () => {
    expect(kept([
      request('A', '2021-01-01', '2021-01-02', { route: '  Self\u00a0  REFERRAL ' }),
      request('A', '2021-01-01', '2021-01-02', { route: 'self referral' }),
      request('A', '2021-01-01', '2021-01-02'),
      request('A', '2021-01-01', '2021-01-02'),
    ])).toEqual([1, 3]);
  });

  it('keeps rows differing in any key field: person, client type, dates, types, component', () => {
    expect(kept([
      request('A', '2021-01-01', '2021-01-02'),
      request('B', '2021-01-01', '2021-01-02'),
      request('A', '2021-01-01', '2021-01-02', { client: 'Unpaid carer' }),
      request('A', '2021-01-02', '2021-01-02'),
      request('A', '2021-01-01', '2021-01-03'), // end date is in the key except for services
      assessment('A', '2021-01-01', '2021-01-02'),
      assessment('A', '2021-01-01', '2021-01-02', { assessmentType: 'Short term assessment' }),
      community('A', '2021-01-01', null, { component: 'Day care' }),
      community('A', '2021-01-01', null, { component: 'Home care' }),
      community('A', '2021-01-01', null, { serviceType: 'Long term support: Nursing care' }),
    ])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('services ignore the end date: the last open row wins if there is one', () => {
    expect(kept([
      community('A', '2021-01-01', '2021-03-31'),
      community('A', '2021-01-01', null),
      community('A', '2021-01-01', null),
      community('A', '2021-01-01', '2021-06-30'),
    ])).toEqual([2]);
  });

  it('services with no open row: the last row wins', () => {
    expect(kept([community('A', '2021-01-01', '2021-03-31'), community('A', '2021-01-01', '2021-02-28')])).toEqual([1]);
  });
});
