import { describe, expect, it } from 'vitest';
import { assertSafeKey, keyProblem, sizeProblem, UnsafeKeyError, MAX_UPLOAD_BYTES } from '../../../functions/core/pipeline/key-safety.ts';

describe('keyProblem', () => {
  it.each([
    ['extracts/events/../../config/recipients.json', "'.' or '..'"],
    ['/etc/passwd', 'absolute'],
    ['extracts/events/a\u0000.csv', 'control'],
    ['extracts/events/a\n.csv', 'control'],
    ['extracts\\events\\a.csv', 'backslash'],
    ['', 'empty'],
  ])('refuses %j', (key, why) => {
    expect(keyProblem(key)).toContain(why);
    expect(() => assertSafeKey(key)).toThrow(UnsafeKeyError);
  });

  it('accepts ordinary upload keys, including spaces and dots in names', () => {
    expect(keyProblem('extracts/events/Events Nov 2021 v1.2.csv')).toBeNull();
    expect(assertSafeKey('reference/population/pop..csv')).toBe('reference/population/pop..csv');
  });
});

describe('sizeProblem', () => {
  it('passes the limit itself and refuses one byte more', () => {
    expect(sizeProblem(MAX_UPLOAD_BYTES)).toBeNull();
    expect(sizeProblem(MAX_UPLOAD_BYTES + 1)).toMatch(/above the/);
  });
});
