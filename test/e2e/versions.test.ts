/**
 * Versions, not keys: a broken file uploaded under the key of an accepted one never makes the
 * accepted version stop counting, whichever order the two events arrive in, and the rejection
 * email names the file still in use (key and upload time) or says that none is.
 *
 * What runs locally: s3rver has no bucket versioning, so functions/local/s3-versions.ts adds it
 * in front of s3rver (versions kept in memory, written from S3's documentation). The adapter's
 * requests are the real SDK ones — PutBucketVersioning, ListObjectVersions, GetObject with
 * VersionId, `versionId` in the object event — but the answers come from that layer, not from S3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { validationKey } from '../../functions/core/pipeline/uploads-state.ts';
import { awsS3Event } from '../../functions/local/event-bus.ts';
import { LOCAL_BUCKET } from '../../functions/local/pipeline.ts';
import { uploadSample } from '../../functions/local/start.ts';
import { localPipeline } from '../support/local.ts';
import { brokenEvents, correctedEvents, parse, PERIOD, smallSample, uploadAll } from './helpers.ts';

let p: Awaited<ReturnType<typeof localPipeline>>;
let sample: string;

beforeAll(async () => {
  p = await localPipeline();
  sample = await smallSample();
  await uploadAll(p, sample);
}, 180_000);
afterAll(() => p?.dispose());

const text = async (key: string) => Buffer.from((await p.store.getBytes(key))!).toString('utf8');
const measures = async () => JSON.parse(await text(`measures/${PERIOD}.json`)) as { uploads: Record<string, unknown>; measures: { id: string; series: unknown[] }[] };
/** How the email writes an upload time: whole seconds, UTC. */
const uploaded = (d: Date) => `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

async function rejectionEmailText(before: number): Promise<string> {
  const mails = p.sent.slice(before).filter((m) => m.recipient === 'performance@example.org');
  expect(mails).toHaveLength(1);
  return (await parse(mails[0])).text ?? '';
}

describe('a validation record written before records were per version', () => {
  it('is read at the per-key path for a version that has no record of its own', async () => {
    const key = 'extracts/events/events.csv';
    const [only] = await p.store.listVersions(key);
    const perVersion = validationKey(key, only.versionId);
    const record = await text(perVersion);
    // What the old code wrote: the same verdict at validation/<key>.json, with no versionId field.
    const { versionId, ...old } = JSON.parse(record) as Record<string, unknown>;
    expect(versionId).toBe(only.versionId);
    await p.store.put(validationKey(key), JSON.stringify(old), 'application/json');
    await p.s3.send(new DeleteObjectCommand({ Bucket: LOCAL_BUCKET, Key: perVersion }));
    const before = await text(`measures/${PERIOD}.json`);
    await p.s3.send(new DeleteObjectCommand({ Bucket: LOCAL_BUCKET, Key: `measures/${PERIOD}.json` }));

    // Another accepted upload makes ingest compute again: the old record still makes the events
    // extract count (without it no events extract is accepted, and no measures are written).
    await uploadSample(p, sample, 'targets');
    expect(p.bus.errors()).toEqual([]);
    expect(await p.store.getBytes(perVersion)).toBeNull();
    expect(await text(`measures/${PERIOD}.json`)).toBe(before);

    await p.store.put(perVersion, record, 'application/json');
    await p.s3.send(new DeleteObjectCommand({ Bucket: LOCAL_BUCKET, Key: validationKey(key) }));
  }, 120_000);
});

describe('a broken file uploaded under the key of an accepted one', () => {
  it('events in upload order: the accepted version keeps counting, and the email names it', async () => {
    const key = 'extracts/events/events.csv';
    const [good] = await p.store.listVersions(key);
    const before = await text(`measures/${PERIOD}.json`);
    const sent = p.sent.length;
    await p.store.put(key, await brokenEvents(sample), 'text/csv');
    await p.bus.idle();
    expect(p.bus.errors()).toEqual([]);
    const [latest] = await p.store.listVersions(key);
    expect(latest.versionId).not.toBe(good.versionId);
    expect(await rejectionEmailText(sent)).toContain(`The events file in use is still the accepted version of ${key}, uploaded ${uploaded(good.lastModified)}.`);

    // Make ingest compute again (another accepted upload), with the measures gone: they come back
    // the same, from the accepted version of the events extract (per key, none would count).
    await p.s3.send(new DeleteObjectCommand({ Bucket: LOCAL_BUCKET, Key: `measures/${PERIOD}.json` }));
    await uploadSample(p, sample, 'targets');
    expect(p.bus.errors()).toEqual([]);
    expect(await text(`measures/${PERIOD}.json`)).toBe(before);
  }, 120_000);

  it('events in reverse order: the broken version is judged first, then the good one still counts', async () => {
    const key = 'extracts/events/events Dec.csv';
    const counting = (await p.store.listVersions('extracts/events/events.csv')).at(-1)!;
    const before = await measures();
    p.bus.paused = true; // S3 delivers the two events out of order: this test delivers them
    const good = await correctedEvents(sample);
    await p.store.put(key, good, 'text/csv');
    await p.store.put(key, await brokenEvents(sample), 'text/csv');
    p.bus.paused = false;
    const [broken, accepted] = await p.store.listVersions(key);
    const sent = p.sent.length;

    p.bus.deliver(awsS3Event(LOCAL_BUCKET, key, broken.size, 'ObjectCreated:Put', { versionId: broken.versionId! }), key);
    await p.bus.idle();
    // The good version has no verdict yet: the other accepted extract is still the one in use.
    expect(await rejectionEmailText(sent)).toContain(`The events file in use is still extracts/events/events.csv, uploaded ${uploaded(counting.lastModified)}.`);
    expect((await measures()).uploads.events).toBe('extracts/events/events.csv');

    p.bus.deliver(awsS3Event(LOCAL_BUCKET, key, accepted.size, 'ObjectCreated:Put', { versionId: accepted.versionId! }), key);
    await p.bus.idle();
    expect(p.bus.errors()).toEqual([]);
    // The older version of the key was read and accepted although a broken file sits on top of it.
    const after = await measures();
    expect(after.uploads.events).toBe(key);
    expect(after.measures).not.toEqual(before.measures);
    expect(await text(key)).not.toBe(good); // the current object is still the broken one
  }, 120_000);

  it('says that no file is in use when the only accepted file of the kind was deleted', async () => {
    const key = 'reference/benchmarks/second.csv';
    const sent = p.sent.length;
    await p.s3.send(new DeleteObjectCommand({ Bucket: LOCAL_BUCKET, Key: 'reference/benchmarks/benchmarks.csv' }));
    await p.store.put(key, 'not,a,benchmarks,file\r\n1,2,3,4\r\n', 'text/csv');
    await p.bus.idle();
    // The deleted file (its latest version is a delete marker) no longer counts.
    expect(await rejectionEmailText(sent)).toContain(
      'Nothing from this upload has been used. No accepted benchmarks file is in the bucket, so no benchmarks data is in use. No pack needs one, so the packs are made without it.',
    );
  }, 60_000);
});
