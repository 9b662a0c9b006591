import { describe, expect, it } from 'vitest';
import { filesThatCount, inUseSentence, legacyRecordFor, validationKey, rejectionKey, type UploadCandidate, type ValidationRecord } from '../../../functions/core/pipeline/uploads-state.ts';
import type { UploadKind } from '../../../functions/core/uploads/parsed.ts';

function candidate(key: string, kind: UploadKind, at: string, accepted: boolean | null, validatedAt = at, versionId: string | null = null): UploadCandidate {
  const record: ValidationRecord | null =
    accepted === null
      ? null
      : {
          key,
          kind,
          lastModified: new Date(validatedAt).toISOString(),
          versionId,
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
  return { key, kind, lastModified: new Date(at), versionId, record };
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
    // Per version in a versioned bucket; S3 version ids may hold '+' and '/'.
    expect(validationKey('extracts/events/a.csv', 'Ab+c/d')).toBe('validation/extracts/events/a.csv@Ab%2Bc%2Fd.json');
    expect(rejectionKey('extracts/events/a.csv', 'v1')).toBe('rejections/extracts/events/a.csv@v1.errors.csv');
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

describe('filesThatCount over object versions', () => {
  it('keeps the accepted version of a key counting when a broken file is uploaded under the same key', () => {
    const good = candidate('extracts/events/a.csv', 'events', '2021-12-01T10:00:00Z', true, undefined, 'v1');
    const broken = candidate('extracts/events/a.csv', 'events', '2021-12-02T10:00:00Z', false, undefined, 'v2');
    for (const listing of [[broken, good], [good, broken]]) expect(filesThatCount(listing).events?.versionId).toBe('v1');
  });

  it('trusts a record only for the version it judged, even at the same second', () => {
    const v2 = candidate('extracts/events/a.csv', 'events', '2021-12-01T10:00:00Z', true, undefined, 'v2');
    expect(filesThatCount([{ ...v2, versionId: 'v3' }]).events).toBeUndefined();
  });

  it('takes the version listed first (S3 lists a key newest first) when two versions share a second', () => {
    const newer = candidate('extracts/events/a.csv', 'events', '2021-12-01T10:00:00.900Z', true, undefined, 'v2');
    const older = candidate('extracts/events/a.csv', 'events', '2021-12-01T10:00:00.100Z', true, undefined, 'v1');
    expect(filesThatCount([newer, older]).events?.versionId).toBe('v2');
  });
});

describe('inUseSentence', () => {
  const good = candidate('extracts/events/Nov.csv', 'events', '2021-12-01T09:05:07.250Z', true);
  it('names another accepted file of the kind, and when it was uploaded', () => {
    expect(inUseSentence('events', good, 'extracts/events/Dec.csv')).toBe('The events file in use is still extracts/events/Nov.csv, uploaded 2021-12-01 09:05:07 UTC.');
  });
  it('says it is the accepted version when the rejected upload replaced that same key', () => {
    expect(inUseSentence('events', good, 'extracts/events/Nov.csv')).toBe(
      'The events file in use is still the accepted version of extracts/events/Nov.csv, uploaded 2021-12-01 09:05:07 UTC.',
    );
  });
  it('with none accepted, says no data of the kind is in use and which packs wait, never that something "stays in use"', () => {
    expect(inUseSentence('events', undefined, 'extracts/events/Nov.csv', ['Scrutiny Board Report Cards', 'Commissioning and Finance Report Cards'])).toBe(
      'No accepted events file is in the bucket, so no events data is in use. These packs wait until a valid one is uploaded: Scrutiny Board Report Cards; Commissioning and Finance Report Cards.',
    );
    expect(inUseSentence('finance', undefined, undefined, ['Commissioning and Finance Report Cards'])).toBe(
      'No accepted finance file is in the bucket, so no finance data is in use. The pack Commissioning and Finance Report Cards waits until a valid one is uploaded.',
    );
    expect(inUseSentence('commentary', undefined)).toBe('No accepted commentary file is in the bucket, so no commentary data is in use. No pack needs one, so the packs are made without it.');
    for (const kind of ['events', 'waiting'] as const) expect(inUseSentence(kind, undefined)).not.toMatch(/still|stay/);
  });
  it('names the newest of the snapshot files, which are all still in use', () => {
    const snap = candidate('extracts/waiting/Oct.csv', 'waiting', '2021-11-03T12:00:00Z', true);
    expect(inUseSentence('waiting', snap, 'extracts/waiting/Nov.csv')).toBe(
      'The accepted waiting files are still in use; the newest is extracts/waiting/Oct.csv, uploaded 2021-11-03 12:00:00 UTC.',
    );
  });
});

describe('legacyRecordFor: a record at the per-key path, from before records were per version', () => {
  const key = 'extracts/events/a.csv';
  const version = (versionId: string, at: string, size = 1) => ({ key, versionId, lastModified: new Date(at), size });
  const old = candidate(key, 'events', '2021-12-01T10:00:00Z', true).record!;

  it('speaks for the one version with its lastModified (whole seconds) and size, as that version', () => {
    const judged = version('v1', '2021-12-01T10:00:00.400Z');
    const later = version('v2', '2021-12-02T10:00:00Z');
    expect(legacyRecordFor(old, judged, [later, judged])).toEqual({ ...old, versionId: 'v1' });
    expect(legacyRecordFor(old, later, [later, judged])).toBeNull();
  });

  it('speaks for no version of another size, nor for either of two it cannot tell apart', () => {
    expect(legacyRecordFor(old, version('v1', '2021-12-01T10:00:00Z', 2), [version('v1', '2021-12-01T10:00:00Z', 2)])).toBeNull();
    const twins = [version('v1', '2021-12-01T10:00:00Z'), version('v2', '2021-12-01T10:00:00.900Z')];
    expect(legacyRecordFor(old, twins[0]!, twins)).toBeNull();
    expect(legacyRecordFor(old, twins[1]!, twins)).toBeNull();
  });

  it('is not a record of a version written by the new code', () => {
    const v = version('v1', '2021-12-01T10:00:00Z');
    expect(legacyRecordFor({ ...old, versionId: 'v0' }, v, [v])).toBeNull();
  });
});
