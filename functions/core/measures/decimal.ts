/**
 * Exact decimal arithmetic for money, hours and weekly costs (measures.md: "never in binary
 * floating point"). Sums use big.js; ratios of decimals are turned into integers at a common
 * scale so that `roundRatio` can round them exactly.
 */
import Big from 'big.js';
import { roundRatio } from './rounding.ts';

export type Decimal = Big;

export const ZERO: Decimal = new Big(0);

/** A validated decimal string (or blank, which counts as 0). */
export function decimalOf(text: string | null | undefined): Decimal {
  return text === null || text === undefined || text === '' ? ZERO : new Big(text);
}

export function sumDecimals(texts: Iterable<string | null | undefined>): Decimal {
  let total = ZERO;
  for (const text of texts) total = total.plus(decimalOf(text));
  return total;
}

/** Exact `round1(k·a/b)`; null when b is 0. */
export function decimalRatio(a: Decimal, b: Decimal, k: number): number | null {
  if (b.eq(0)) return null;
  const scale = Math.max(decimalPlaces(a), decimalPlaces(b));
  return roundRatio(scaled(a, scale), scaled(b, scale), BigInt(k));
}

function decimalPlaces(value: Decimal): number {
  // big.js keeps the exponent `e` and the digit array `c`: digits after the point = c.length − e − 1.
  return Math.max(0, value.c.length - value.e - 1);
}

function scaled(value: Decimal, places: number): bigint {
  return BigInt(value.times(new Big(10).pow(places)).toFixed(0));
}

/** Digits after the point in a validated decimal string (0 for blank). */
export function placesOf(text: string | null): number {
  if (text === null) return 0;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A validated non-negative decimal string as an integer count of 10^−places (blank = 0), e.g.
 * `12.25` at 3 places = 12250n. Used where many exact products are summed in a hot loop
 * (weekly costs), where big.js objects would cost far more than BigInt adds.
 */
export function scaledInteger(text: string | null, places: number): bigint {
  if (text === null || text === '') return 0n;
  const own = placesOf(text);
  return BigInt(text.replace('.', '') + '0'.repeat(places - own));
}
