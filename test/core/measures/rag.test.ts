import { describe, expect, it } from 'vitest';
import { ragOf } from '../../../functions/core/measures/rag.ts';

describe('RAG', () => {
  it('green on the good side, amber within 10% of |target| (exactly), red beyond', () => {
    expect(ragOf(80, 80, 'high')).toBe('green');
    expect(ragOf(72, 80, 'high')).toBe('amber'); // misses by 8 = 0.1 × 80
    expect(ragOf(71.9, 80, 'high')).toBe('red');
    expect(ragOf(33, 30, 'low')).toBe('amber'); // 3 = 0.1 × 30 (floats: 0.1 × 30 = 3.0000000000000004)
    expect(ragOf(33.1, 30, 'low')).toBe('red');
    expect(ragOf(-5, -10, 'low')).toBe('red'); // misses by 5 > 1
    expect(ragOf(-10.5, -10, 'high')).toBe('amber');
  });

  it('a target of 0 has no amber; neutral measures, no target or no value: no RAG', () => {
    expect(ragOf(0.1, 0, 'low')).toBe('red');
    expect(ragOf(0, 0, 'low')).toBe('green');
    expect(ragOf(5, 10, 'neutral')).toBeNull();
    expect(ragOf(5, null, 'high')).toBeNull();
    expect(ragOf(null, 5, 'high')).toBeNull();
  });
});
