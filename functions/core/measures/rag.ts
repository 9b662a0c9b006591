/**
 * RAG against a target (measures.md): green when the rounded value meets the target on the good
 * side, amber when it misses by no more than 10% of |target| (a target of 0 has no amber), red
 * otherwise. Compared in exact decimals so "exactly 10% off" is amber on every machine.
 */
import Big from 'big.js';
import type { Polarity } from './catalogue/types.ts';

export type Rag = 'green' | 'amber' | 'red';

export function ragOf(value: number | null, target: number | null, polarity: Polarity): Rag | null {
  if (value === null || target === null || polarity === 'neutral') return null;
  const v = new Big(value);
  const t = new Big(target);
  const miss = polarity === 'high' ? t.minus(v) : v.minus(t);
  if (miss.lte(0)) return 'green';
  if (!t.eq(0) && miss.lte(t.abs().times('0.1'))) return 'amber';
  return 'red';
}
