import { describe, expect, it } from 'vitest';
import { filesThatCount, validationKey, rejectionKey, type UploadCandidate, type ValidationRecord } from '../../../functions/core/pipeline/uploads-state.ts';
import type { UploadKind } from '../../../functions/core/uploads/parsed.ts';

function candidate(key: string, kind: UploadKind, at: string, accepted: boolean | null, validatedAt = at): UploadCandidate {
  const record: ValidationRecord | null =
    accepted === null
      ? null
      : {
          key,
          kind,
          lastModified: new Date(validatedAt).toISOString(),
          size: 1,
          accepted,
          rows: 1,
          errorCount: accepted ? 0 : 1,
          warningCount: 0,
          errorCountsByRule: {},
          refused: null,
          validatedAt: at,
          period: null,
        };
  return { key, kind, lastModified: new Date(at), record };
}

describe('filesThatCount', () => {
  it('takes the newest accepted upload of each kind', () => {
    const got = filesThatCount([
      candidate('extracts/events/a.csv', 'events', '2021-12-01T10:00:00Z', true),
      candidate('extracts/events/b.csv', 'events', '2021-12-02T10:00:00Z', true),
      candidate('reference/population/p.csv', 'population', '2021-11-01T10:00:00Z', true),
    ]);
    expect(got.events?.key).toBe('extracts/events/b.csv');
    expect(got.population?.key).toBe('reference/population/p.csv');
    expect(got.targets).toBeUndefined();
  });

  it('never lets a newer rejected file replace an accepted one', () => {
    const got = filesThatCount([
      candidate('extracts/events/good.csv', 'events', '2021-12-01T10:00:00Z', true),
      candidate('extracts/events/bad.csv', 'events', '2021-12-03T10:00:00Z', false),
    ]);
    expect(got.events?.key).toBe('extracts/events/good.csv');
  });

  it('breaks a lastModified tie by key, whatever order the listing came in', () => {
    const a = candidate('extracts/events/a.csv', 'events', '2021-12-01T10:00:00Z', true);
    const b = candidate('extracts/events/b.csv', 'events', '2021-12-01T10:00:00Z', true);
    expect(filesThatCount([a, b]).events?.key).toBe('extracts/events/b.csv');
    expect(filesThatCount([b, a]).events?.key).toBe('extracts/events/b.csv');
  });

  it('does not trust a verdict about an older version of an overwritten key, nor an unvalidated file', () => {
    const overwritten = candidate('extracts/events/a.csv', 'events', '2021-12-05T10:00:00Z', true, '2021-12-01T10:00:00Z');
    const unvalidated = candidate('extracts/events/c.csv', 'events', '2021-12-06T10:00:00Z', null);
    const older = candidate('extracts/events/old.csv', 'events', '2021-11-01T10:00:00Z', true);
    expect(filesThatCount([overwritten, unvalidated, older]).events?.key).toBe('extracts/events/old.csv');
  });

  it('names output objects under their own prefixes, never under an input prefix', () => {
    expect(validationKey('extracts/events/a b.csv')).toBe('validation/extracts/events/a b.csv.json');
    expect(rejectionKey('extracts/events/a.csv')).toBe('rejections/extracts/events/a.csv.errors.csv');
  });
});

describe('filesThatCount with a listing that carries milliseconds', () => {
  it('trusts the record written from GetObject (whole seconds) for the same object listed with milliseconds', () => {
    const c = candidate('extracts/events/a.csv', 'events', '2021-12-01T10:00:00.734Z', true, '2021-12-01T10:00:00Z');
    expect(filesThatCount([c]).events?.key).toBe('extracts/events/a.csv');
  });

  it('orders two uploads in the same second by key, whatever their milliseconds', () => {
    const a = candidate('extracts/events/a.csv', 'events', '2021-12-01T10:00:00.900Z', true);
    const b = candidate('extracts/events/b.csv', 'events', '2021-12-01T10:00:00.100Z', true);
    expect(filesThatCount([a, b]).events?.key).toBe('extracts/events/b.csv');
  });
});
