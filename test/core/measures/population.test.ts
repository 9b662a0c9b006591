import { describe, expect, it } from 'vitest';
import { populationLookup } from '../../../functions/core/measures/population.ts';
import { population } from './builder.ts';

describe('population lookup', () => {
  const rows = [...population({ 2019: [100, 10], 2021: [300, 30] }), ...population({ 2020: [999, 99] }, 'E06000001')];
  const lookup = populationLookup(rows, 'E08000018');

  it('takes, per band, the largest year not after the calendar year, for this council only', () => {
    expect(lookup.band('18-64', 2020)).toBe(100);
    expect(lookup.band('65+', 2021)).toBe(30);
    expect(lookup.band('65+', 2030)).toBe(30);
    expect(lookup.adults(2020)).toBe(110);
    expect(lookup.adults(2018)).toBeNull();
  });

  it('needs both bands for 18+ but only its own band for a band rate', () => {
    const only65 = populationLookup(rows.filter((r) => r.ageBand === '65+'), 'E08000018');
    expect(only65.band('65+', 2021)).toBe(30);
    expect(only65.band('18-64', 2021)).toBeNull();
    expect(only65.adults(2021)).toBeNull();
  });
});
