/** The clock, injected so that schedules and timestamps can be frozen in tests and `npm start`. */
import type { Clock } from '../core/pipeline/ports.ts';

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
  const t = new Date(at).getTime();
  return { now: () => new Date(t) };
}
