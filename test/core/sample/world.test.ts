/** Options and the council they describe: defaults, validation, the window, the split of the people. */
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../functions/core/calendar/days.ts';
import { populationFigures } from '../../../functions/core/sample/population.ts';
import { kindOf, resolveOptions, worldOf } from '../../../functions/core/sample/world.ts';

describe('sample options', () => {
  it('defaults to seed 1, 20,000 people, ending 2021-11, 36 months (cli.md)', () => {
    expect(resolveOptions({})).toEqual({ seed: 1, people: 20_000, end: '2021-11', months: 36 });
  });

  it('rejects impossible options', () => {
    expect(() => resolveOptions({ end: '2021-13' })).toThrow();
    expect(() => resolveOptions({ end: '21-11' })).toThrow();
    expect(() => resolveOptions({ people: 0 })).toThrow();
    expect(() => resolveOptions({ months: 0 })).toThrow();
    expect(() => resolveOptions({ months: 2.5 })).toThrow();
    expect(() => resolveOptions({ seed: -1 })).toThrow();
  });
});

describe('worldOf', () => {
  it('spans --months months ending on the last day of --end', () => {
    const w = worldOf({});
    expect(w.firstMonth).toBe('2018-12');
    expect(w.w0).toBe(dayOf(2018, 12, 1));
    expect(w.w1).toBe(dayOf(2021, 11, 30));
    expect(worldOf({ end: '2024-02', months: 1 }).w0).toBe(dayOf(2024, 2, 1));
  });

  it('sizes the default council like Rotherham: about 210,000 adults, a quarter aged 65+', () => {
    const w = worldOf({});
    expect(w.adults).toBeGreaterThan(200_000);
    expect(w.adults).toBeLessThan(220_000);
    const latest = populationFigures(w).filter((f) => f.year === 2021);
    const older = latest.find((f) => f.band === '65+')!.population;
    const total = latest.reduce((a, f) => a + f.population, 0);
    expect(total).toBe(w.adults);
    expect(older / total).toBeCloseTo(0.255, 2);
  });

  it('covers every calendar year of the window in the population, and the year before', () => {
    const years = [...new Set(populationFigures(worldOf({})).map((f) => f.year))];
    expect(years).toEqual([2017, 2018, 2019, 2020, 2021]);
  });

  it('scales the council with the people, keeping the split', () => {
    const small = worldOf({ people: 2000 });
    const big = worldOf({ people: 20_000 });
    expect(big.adults / small.adults).toBeCloseTo(10, 1);
    expect(big.stock / small.stock).toBeCloseTo(10, 0);
    expect(kindOf(big, 0)).toBe('existing');
    expect(kindOf(big, big.stock)).toBe('carer');
    expect(kindOf(big, big.stock + big.carers)).toBe('arrival');
    expect(big.total).toBe(big.stock + big.carers + big.arrivals);
  });
});
