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

/** Rounded to 1 dp, half away from zero (big.js `roundHalfUp` rounds ties away from zero). */
export function roundDecimal(value: Decimal): number {
  return Number(value.round(1, Big.roundHalfUp).toString());
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
