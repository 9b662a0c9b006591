/**
 * A small seeded random source for the sample generator. The sample must be byte-identical for the
 * same arguments on every machine, so nothing here touches Math.random or the clock: mulberry32
 * (32-bit state, fast, good enough for synthetic data) seeded from a 32-bit hash of
 * (seed, stream, index). Each person gets its own stream, so people can be generated one at a time
 * (streaming) and in any order with the same result.
 */

/** Mixes integers into one 32-bit seed (murmur3 finaliser over a running hash). */
export function mix32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    // High bits of values beyond 32 bits (seeds up to 2^53) still count.
    h ^= Math.floor(part / 0x100000000) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Weighted choices written as `[value, weight]` pairs; weights need not sum to 1. */
export type Weighted<T> = readonly (readonly [T, number])[];

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(table: Weighted<T>): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    return table[table.length - 1][0];
  }

  /** Exponential with the given mean, in the same unit as the mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Whole days: `min` plus an exponential tail with the given mean, capped at `max`. */
  days(min: number, mean: number, max: number): number {
    return Math.min(max, min + Math.floor(this.exp(mean)));
  }
}

/** A person's (or file's) own stream: the same (seed, stream, index) always gives the same numbers. */
export function rngFor(seed: number, stream: number, index: number): Rng {
  return new Rng(mix32(seed, stream, index));
}

/** Stream ids, so different files never share random numbers. */
export const STREAM = {
  person: 1,
  waiting: 2,
  finance: 3,
  providers: 4,
  targets: 5,
  benchmarks: 6,
  commentary: 7,
  population: 8,
} as const;
