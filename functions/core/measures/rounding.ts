/**
 * Exact rounding to 1 dp, half away from zero (measures.md "Rounding").
 *
 * Values are computed in integers so that a ratio sitting exactly on a half (201/400 = 50.25%)
 * rounds the same way in every implementation; binary floating point would not promise that.
 */

/**
 * `round1(k·N/D)` for integers N ≥ 0 and D > 0: `floor((20·k·N + D) / (2·D)) / 10`.
 * Negative ratios (money) round half away from zero, i.e. the magnitude is rounded.
 */
export function roundRatio(numerator: bigint | number, denominator: bigint | number, k: bigint | number = 1n): number {
  let n = BigInt(numerator);
  let d = BigInt(denominator);
  const scale = BigInt(k);
  if (d === 0n) throw new RangeError('roundRatio: denominator is 0');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  const tenths = (20n * scale * magnitude + d) / (2n * d); // BigInt division floors for non-negatives
  const value = Number(tenths) / 10;
  return negative && tenths !== 0n ? -value : value;
}

/** A percentage: k = 100. */
export function percent(numerator: number, denominator: number): number {
  return roundRatio(numerator, denominator, 100n);
}

/** A rate per 100,000: k = 100,000. */
export function per100k(numerator: number, denominator: number): number {
  return roundRatio(numerator, denominator, 100_000n);
}
