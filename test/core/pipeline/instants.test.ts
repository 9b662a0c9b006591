import { describe, expect, it } from 'vitest';
import { compareInstants, instantText, sameInstant, wholeSeconds } from '../../../functions/core/pipeline/instants.ts';

describe('LastModified as instants at whole seconds', () => {
  it('treats a listing time with milliseconds and the HTTP date of the same object as the same instant', () => {
    // A listing says 09:00:00.999; GetObject's Last-Modified header says 09:00:00 (whole seconds).
    const listed = new Date('2021-12-01T09:00:00.999Z');
    const fromGet = new Date('Wed, 01 Dec 2021 09:00:00 GMT');
    expect(sameInstant(listed, fromGet)).toBe(true);
    expect(sameInstant('2021-12-01T09:00:00.000Z', listed)).toBe(true);
    expect(compareInstants(listed, fromGet)).toBe(0);
  });

  it('still tells neighbouring seconds apart, and never matches an unparseable time', () => {
    expect(sameInstant(new Date('2021-12-01T09:00:00.999Z'), new Date('2021-12-01T09:00:01.000Z'))).toBe(false);
    expect(compareInstants('2021-12-01T09:00:01.001Z', '2021-12-01T09:00:00.999Z')).toBe(1);
    expect(sameInstant('not a time', 'not a time')).toBe(false);
  });

  it('drops milliseconds rather than rounding, before 1970 too', () => {
    expect(wholeSeconds('1970-01-01T00:00:01.999Z')).toBe(1);
    expect(wholeSeconds('1969-12-31T23:59:59.500Z')).toBe(-1);
    expect(instantText(new Date('2021-12-01T09:00:00.999Z'))).toBe('2021-12-01T09:00:00Z');
  });
});
