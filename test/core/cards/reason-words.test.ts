import { describe, expect, it } from 'vitest';
import { reasonWords } from '../../../functions/core/cards/format.ts';

describe('reasonWords', () => {
  it("prints measures.md's short null reasons in a committee's words, and any other reason as it is", () => {
    expect(reasonWords('no denominator')).toBe('nothing to count in the period');
    expect(reasonWords('no population')).toBe('no population figure uploaded');
    expect(reasonWords('no upload')).toBe('no file uploaded for this month');
    expect(reasonWords('insufficient history')).toBe('insufficient history');
    expect(reasonWords('before Client Level Data began (April 2023)')).toBe('before Client Level Data began (April 2023)');
    expect(reasonWords(null)).toBe('no reason given');
  });
});
