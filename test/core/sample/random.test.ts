/** The seeded random source: reproducible, independent per stream, and with the shapes the simulation relies on. */
import { describe, expect, it } from 'vitest';
import { Rng, mix32, rngFor } from '../../../functions/core/sample/random.ts';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());

describe('Rng', () => {
  it('repeats the same numbers for the same seed and differs for another', () => {
    expect(draw(new Rng(42), 20)).toEqual(draw(new Rng(42), 20));
    expect(draw(new Rng(42), 20)).not.toEqual(draw(new Rng(43), 20));
  });

  it('gives numbers in [0, 1) with a mean near one half', () => {
    const xs = draw(new Rng(1), 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 0.5)).toBeLessThan(0.01);
  });

  it('keeps int within its bounds, reaching both ends', () => {
    const rng = new Rng(5);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('chooses weighted values in proportion to their weights', () => {
    const rng = new Rng(9);
    let a = 0;
    for (let i = 0; i < 20_000; i++) if (rng.weighted([['a', 1], ['b', 3]] as const) === 'a') a++;
    expect(a / 20_000).toBeGreaterThan(0.23);
    expect(a / 20_000).toBeLessThan(0.27);
  });

  it('draws exponentials with the given mean and capped day counts', () => {
    const rng = new Rng(11);
    const xs = Array.from({ length: 20_000 }, () => rng.exp(10));
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 10)).toBeLessThan(0.4);
    const days = Array.from({ length: 2000 }, () => rng.days(3, 20, 30));
    expect(Math.min(...days)).toBe(3);
    expect(Math.max(...days)).toBe(30);
    expect(days.every(Number.isInteger)).toBe(true);
  });
});

describe('mix32 and rngFor', () => {
  it('gives different streams for different seeds, streams and indices', () => {
    const seeds = new Set([mix32(1, 1, 0), mix32(1, 1, 1), mix32(1, 2, 0), mix32(2, 1, 0), mix32(2 ** 40 + 1, 1, 0), mix32(1, 1, 0)]);
    expect(seeds.size).toBe(5);
    expect(draw(rngFor(1, 1, 7), 5)).toEqual(draw(rngFor(1, 1, 7), 5));
  });
});
