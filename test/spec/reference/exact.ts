/**
 * Exact arithmetic for the reference: rounding by the integer formula of measures.md, and
 * decimals as (BigInt digits, scale) pairs so weekly costs never touch binary floating point.
 */

/** value = floor((20·k·N + D) / (2·D)) / 10, for N ≥ 0 and D > 0 (measures.md, Rounding). */
export function roundedRatio(n: bigint, d: bigint, k: bigint): number {
  const tenths = (20n * k * n + d) / (2n * d);
  return Number(tenths) / 10;
}

export interface Dec {
  digits: bigint;
  scale: number;
}

export const ZERO: Dec = { digits: 0n, scale: 0 };

export function parseDec(text: string | null): Dec {
  if (text === null || text === '') return ZERO;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  const fraction = m[3] ?? '';
  const digits = BigInt(m[2] + fraction);
  return { digits: m[1] === '-' ? -digits : digits, scale: fraction.length };
}

export function mulDec(a: Dec, b: Dec): Dec {
  return { digits: a.digits * b.digits, scale: a.scale + b.scale };
}

function aligned(a: Dec, b: Dec): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.digits * 10n ** BigInt(scale - a.scale), b.digits * 10n ** BigInt(scale - b.scale), scale];
}

export function addDec(a: Dec, b: Dec): Dec {
  const [x, y, scale] = aligned(a, b);
  return { digits: x + y, scale };
}

export function compareDec(a: Dec, b: Dec): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Median of whole numbers, rounded to 1 dp by the same formula (median = S / 2 exactly). */
export function roundedMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const twice = sorted.length % 2 === 1 ? 2 * sorted[mid] : sorted[mid - 1] + sorted[mid];
  return roundedRatio(BigInt(twice), 2n, 1n);
}
