import { describe, expect, it } from 'vitest';
import { isPackReady, missingKinds } from '../../../functions/core/pipeline/pack.ts';

describe('pack readiness', () => {
  const pack = { requires: ['events', 'population', 'targets'] as const };
  it('is ready only when every required kind has a valid file', () => {
    expect(isPackReady({ requires: [...pack.requires] }, ['events', 'population', 'targets', 'finance'])).toBe(true);
    expect(isPackReady({ requires: [...pack.requires] }, ['events', 'population'])).toBe(false);
  });
  it('says what is missing, in the pack order', () => {
    expect(missingKinds({ requires: [...pack.requires] }, ['population'])).toEqual(['events', 'targets']);
  });
});
