/**
 * Direction of travel: the latest value against the same month a year earlier, both rounded to
 * 1 dp; oriented by polarity (`improving`/`worsening`), or plain `up`/`down` for neutral measures.
 */
import type { Polarity } from './catalogue/types.ts';

export type Direction = 'improving' | 'worsening' | 'same' | 'up' | 'down';

export function directionOf(value: number | null, yearEarlier: number | null, polarity: Polarity): Direction | null {
  if (value === null || yearEarlier === null) return null;
  if (value === yearEarlier) return 'same';
  const up = value > yearEarlier;
  if (polarity === 'neutral') return up ? 'up' : 'down';
  return up === (polarity === 'high') ? 'improving' : 'worsening';
}
