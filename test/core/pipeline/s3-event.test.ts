import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BadS3EventError, decodeS3Key, encodeS3Key, parseS3Event } from '../../../functions/core/pipeline/s3-event.ts';

const event = (key: string, eventName = 'ObjectCreated:Put') => ({
  Records: [{ eventName, s3: { bucket: { name: 'b' }, object: { key, size: 10 } } }],
});

describe('parseS3Event', () => {
  it('decodes keys the way S3 encodes them: + is a space, %2B a plus', () => {
    const [ref] = parseS3Event(event('extracts/events/Nov+2021+%282%29%2Bfinal.csv'));
    expect(ref.key).toBe('extracts/events/Nov 2021 (2)+final.csv');
    expect(ref.bucket).toBe('b');
    expect(ref.size).toBe(10);
  });

  it('ignores records that are not object-created', () => {
    expect(parseS3Event(event('a.csv', 'ObjectRemoved:Delete'))).toEqual([]);
  });

  it('rejects something that is not an S3 event, saying why', () => {
    expect(() => parseS3Event({ Records: [{ eventName: 'x' }] })).toThrow(BadS3EventError);
    expect(() => parseS3Event({ detail: {} })).toThrow(/Records/);
  });

  it('round-trips any key through encode and decode', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 60 }), (key) => decodeS3Key(encodeS3Key(key)) === key), { numRuns: 2000 });
  });

  it('encodes spaces as + and keeps slashes', () => {
    expect(encodeS3Key('a b/c+d.csv')).toBe('a+b/c%2Bd.csv');
  });
});
