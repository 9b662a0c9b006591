/**
 * SPC, NHS England "Making Data Count" XmR (measures.md "Around each measure").
 *
 * Every comparison (point against mean, limits and 2-sigma lines, target against limits) is done
 * in integers: the values are 1 dp, so at a common decimal scale the mean S/n and the mean moving
 * range R/m are exact fractions and `x > S/n + 2.66·R/m` becomes `100·x·n·m > 100·S·m + 266·R·n`.
 * A point exactly on a line therefore never flips with float noise.
 *
 * Readings of measures.md made here: runs, trends and 2-of-3 look at the non-null values in
 * order (a gap month does not break them; it only breaks a moving range); a trend of k points is
 * k − 1 strict rises (or falls) in a row; in a 2-of-3 pattern the points beyond the 2-sigma line
 * are the ones "part of" it; a point exactly on a limit or line is not beyond it.
 */
import Big from 'big.js';
import type { SeriesPoint, Spc } from './document.ts';
import type { Polarity } from './catalogue/types.ts';

export interface SpcSettings {
  /** Points on one side of the mean that make a run (default 7). */
  runLength?: number;
  /** Points each strictly above (or below) the one before that make a trend (default 7). */
  trendLength?: number;
}

export const MIN_SPC_POINTS = 12;

type Direction = 'up' | 'down';

/** The XmR statistics of one window, before clipping to the measure's possible range. */
export type Xmr = Omit<Spc, 'from' | 'to' | 'rebase' | 'assuranceNote'> & {
  /** First month of the run or trend the latest point is part of (the process is moving), else null. */
  movingSince: string | null;
};

function decimalsOf(value: number): number {
  const b = new Big(value);
  return Math.max(0, b.c.length - b.e - 1);
}

function scaledInt(value: number, scale: number): bigint {
  return BigInt(new Big(value).times(new Big(10).pow(scale)).toFixed(0));
}

export function computeSpc(series: readonly SeriesPoint[], polarity: Polarity, target: number | null, settings: SpcSettings = {}): Xmr | null {
  const runLength = settings.runLength ?? 7;
  const trendLength = settings.trendLength ?? 7;
  const points = series.map((p, index) => ({ index, value: p.value })).filter((p): p is { index: number; value: number } => p.value !== null);
  const n = points.length;
  if (n < MIN_SPC_POINTS) return null;

  const scale = Math.max(1, ...points.map((p) => decimalsOf(p.value)), target === null ? 0 : decimalsOf(target));
  const x = points.map((p) => scaledInt(p.value, scale));
  const S = x.reduce((a, b) => a + b, 0n);
  // Moving ranges only between consecutive months that both have a value.
  let R = 0n;
  let m = 0n;
  for (let i = 1; i < n; i++) {
    if (points[i].index === points[i - 1].index + 1) {
      const diff = x[i] - x[i - 1];
      R += diff < 0n ? -diff : diff;
      m++;
    }
  }
  const mm = m === 0n ? 1n : m; // no moving range: limits collapse onto the mean
  const N = BigInt(n);
  // sign(v − (mean + f·mR)) with f = a/b, compared as integers: v·n·m·b vs S·m·b + a·R·n.
  const cmp = (v: bigint, a: bigint, b: bigint): number => {
    const left = v * N * mm * b;
    const right = S * mm * b + a * R * N;
    return left > right ? 1 : left < right ? -1 : 0;
  };
  const aboveUpper = (v: bigint) => cmp(v, 266n, 100n) > 0;
  const belowLower = (v: bigint) => cmp(v, -266n, 100n) < 0;
  const aboveUpperWarning = (v: bigint) => cmp(v, 532n, 300n) > 0;
  const belowLowerWarning = (v: bigint) => cmp(v, -532n, 300n) < 0;
  const sideOfMean = (v: bigint) => cmp(v, 0n, 1n);

  const marks: Set<Direction>[] = points.map(() => new Set());
  const mark = (from: number, to: number, dir: Direction) => {
    for (let i = from; i <= to; i++) marks[i].add(dir);
  };
  // The earliest start of a run or trend that reaches the latest point: the process is moving.
  let movingFrom: number | null = null;
  const markMoving = (from: number, to: number, dir: Direction) => {
    mark(from, to, dir);
    if (to === n - 1 && (movingFrom === null || from < movingFrom)) movingFrom = from;
  };
  x.forEach((v, i) => {
    if (aboveUpper(v)) mark(i, i, 'up');
    if (belowLower(v)) mark(i, i, 'down');
  });
  markStretches(x.map(sideOfMean), (s) => s !== 0, runLength, (from, to, s) => markMoving(from, to, s > 0 ? 'up' : 'down'));
  const steps = x.map((v, i) => (i === 0 ? 0 : v > x[i - 1] ? 1 : v < x[i - 1] ? -1 : 0));
  // A trend of k points is k − 1 equal-signed steps; step i joins point i − 1 and point i.
  markStretches(steps, (s) => s !== 0, trendLength - 1, (from, to, s) => markMoving(from - 1, to, s > 0 ? 'up' : 'down'));
  for (let i = 0; i + 2 < n; i++) {
    for (const [beyond, dir] of [[aboveUpperWarning, 'up'], [belowLowerWarning, 'down']] as const) {
      const hits = [i, i + 1, i + 2].filter((j) => beyond(x[j]));
      if (hits.length >= 2) hits.forEach((j) => mark(j, j, dir));
    }
  }

  const sideOf = (dir: Direction): 'good' | 'bad' | 'neutral' =>
    polarity === 'neutral' ? 'neutral' : (dir === 'up') === (polarity === 'high') ? 'good' : 'bad';
  const latestSides = [...marks[n - 1]].map(sideOf);
  const variation = latestSides.includes('bad')
    ? 'concern'
    : latestSides.includes('good')
      ? 'improvement'
      : latestSides.includes('neutral')
        ? 'neutral'
        : 'common cause';

  let assurance: Spc['assurance'] = null;
  if (target !== null && polarity !== 'neutral') {
    const t = scaledInt(target, scale);
    const belowProcess = belowLower(t);
    const aboveProcess = aboveUpper(t);
    const bad = polarity === 'high' ? belowProcess : aboveProcess;
    const good = polarity === 'high' ? aboveProcess : belowProcess;
    assurance = bad ? 'consistently pass' : good ? 'consistently fail' : 'hit and miss';
  }

  const unit = 10 ** scale;
  const mean = Number(S) / n / unit;
  const mr = Number(R) / Number(mm) / unit;
  const tidy = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    mean: tidy(mean),
    lower: tidy(mean - 2.66 * mr),
    upper: tidy(mean + 2.66 * mr),
    lowerWarning: tidy(mean - (2 / 3) * 2.66 * mr),
    upperWarning: tidy(mean + (2 / 3) * 2.66 * mr),
    variation,
    assurance,
    specialCauses: points.flatMap((p, i) =>
      [...marks[i]].map((dir) => ({ month: series[p.index].month, side: sideOf(dir) })),
    ),
    movingSince: movingFrom === null ? null : series[points[movingFrom].index].month,
  };
}

/** Calls `found` for every maximal stretch of equal, counted values at least `length` long. */
function markStretches(values: number[], counts: (v: number) => boolean, length: number, found: (from: number, to: number, v: number) => void): void {
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    if (i === values.length || values[i] !== values[start]) {
      if (counts(values[start]) && i - start >= length) found(start, i - 1, values[start]);
      start = i;
    }
  }
}
