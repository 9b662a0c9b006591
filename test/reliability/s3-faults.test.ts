/**
 * S3 errors and slow responses mid-run. s3rver cannot fail on demand, so the faults are injected
 * at the request handler of the S3 client the handlers use (support.ts `faultyS3`): an error
 * answer, a delay, or a body cut short by a connection reset. The SDK's own retries (3 attempts)
 * still run, so a fault that must fail a stage is kept armed for every attempt.
 * Each failed stage must fail its invocation (so Lambda retries it) and be recorded as a failed
 * run; redelivering its event, as Lambda's retry would, must finish the work, nothing sent twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UPLOAD_ORDER, uploadSample } from '../../functions/local/start.ts';
import { localPipeline } from '../support/local.ts';
import { dropEveryKth } from '../support/csv-edits.ts';
import { duplicates, faultyS3, json, P, PERIOD, redeliver, runs, sesAccepted, tinySample, type S3Fault } from './support.ts';
import { rejectionCsvKey, verdictKey } from '../support/verdicts.ts';

/** A valid events extract that differs from the sample: every k-th data row dropped. */
async function eventsVariant(sample: string, k: number): Promise<string> {
  return dropEveryKth(await readFile(path.join(sample, 'events.csv'), 'utf8'), k);
}

let fault: ((method: string, key: string) => S3Fault | null) | null = null;

describe('S3 errors and slow responses mid-run', () => {
  let p: P;
  let sample: string;

  beforeAll(async () => {
    sample = await tinySample();
    p = await localPipeline();
    faultyS3(p, (m, k) => fault?.(m, k) ?? null);
    for (const kind of UPLOAD_ORDER.filter((k) => k !== 'events')) await uploadSample(p, sample, kind);
  });
  afterAll(() => p?.dispose());

  const previews = async () => (await sesAccepted(p)).filter((m) => m.to === 'performance@example.org' && m.subject.startsWith('[Preview]'));
  const failedRuns = async (stage: string, trigger: string) => (await runs(p)).filter((r) => r.stage === stage && r.trigger === trigger && r.outcome === 'failed');

  it('slow responses everywhere and a transient 503 on the upload (retried by the SDK) change nothing', async () => {
    let first503 = true;
    fault = (m, k) => {
      if (m === 'GET' && k === 'extracts/events/events.csv' && first503) {
        first503 = false;
        return { kind: 'status', status: 503, code: 'SlowDown' };
      }
      return { kind: 'delay', ms: 15 };
    };
    await uploadSample(p, sample, 'events');
    fault = null;
    expect(p.bus.errors()).toEqual([]);
    expect(first503).toBe(false);
    expect((await json<{ uploads: Record<string, unknown> }>(p, `measures/${PERIOD}.json`)).uploads.events).toBe('extracts/events/events.csv');
    expect(await previews()).toHaveLength(2);
  });

  it('a connection reset while reading an upload fails ingest loudly (not a rejection); the retry accepts it', async () => {
    const key = 'extracts/events/events v2.csv';
    const body = await eventsVariant(sample, 35);
    fault = (m, k) => (m === 'GET' && k === key ? { kind: 'cutBody', afterBytes: 20_000 } : null);
    const mailBefore = (await sesAccepted(p)).length;
    await p.store.put(key, body, 'text/csv');
    await p.bus.idle();
    fault = null;
    expect(p.bus.errors().map((e) => `${e.stage} ${e.key}`)).toEqual([`ingest ${key}`]);
    expect(await failedRuns('ingest', key)).toHaveLength(1);
    // A read failure says nothing about the file: no verdict, no rejection email.
    expect(await p.store.head(await verdictKey(p.store, key))).toBeNull();
    expect(await p.store.head(await rejectionCsvKey(p.store, key))).toBeNull();
    expect((await sesAccepted(p)).length).toBe(mailBefore);

    await redeliver(p, key);
    expect(p.bus.errors()).toHaveLength(1);
    expect((await json<{ accepted: boolean }>(p, await verdictKey(p.store, key))).accepted).toBe(true);
    expect((await json<{ uploads: Record<string, unknown> }>(p, `measures/${PERIOD}.json`)).uploads.events).toBe(key);
    expect(Buffer.from((await p.store.getBytes(key))!).toString('utf8')).toBe(body);
    expect(await previews()).toHaveLength(4); // one revised preview per pack
    expect(duplicates(await sesAccepted(p))).toEqual([]);
  });

  it('a manifest write failing on every attempt fails render after its PDF is written; the retry finishes from that PDF', async () => {
    const key = 'extracts/events/events v3.csv';
    fault = (m, k) => (m === 'PUT' && k.startsWith(`reports/${PERIOD}/`) && k.endsWith('.json') ? { kind: 'status', status: 500, code: 'InternalError' } : null);
    const errorsBefore = p.bus.errors().length;
    await p.store.put(key, await eventsVariant(sample, 30), 'text/csv');
    await p.bus.idle();
    fault = null;
    expect(p.bus.errors().slice(errorsBefore).map((e) => `${e.stage} ${e.key}`)).toEqual([`render measures/${PERIOD}.json`]);
    expect(await failedRuns('render', `measures/${PERIOD}.json`)).toHaveLength(1);
    const pdfsBefore = (await p.store.list(`reports/${PERIOD}/`)).filter((o) => o.key.endsWith('.pdf'));
    expect(await previews()).toHaveLength(4);

    await redeliver(p, `measures/${PERIOD}.json`);
    expect(p.bus.errors()).toHaveLength(errorsBefore + 1);
    const objects = await p.store.list(`reports/${PERIOD}/`);
    const pdfs = objects.filter((o) => o.key.endsWith('.pdf'));
    const manifests = objects.filter((o) => o.key.endsWith('.json'));
    expect(pdfs.length).toBe(manifests.length);
    // The PDF written before the failure was reused (same object, not rendered again).
    for (const b of pdfsBefore) expect(pdfs.find((o) => o.key === b.key)?.lastModified.getTime()).toBe(b.lastModified.getTime());
    expect(await previews()).toHaveLength(6);
    expect(duplicates(await sesAccepted(p))).toEqual([]);
  });

  it('the PDF unreadable while previews go out fails distribute loudly; the retry sends each preview once', async () => {
    const key = 'extracts/events/events v4.csv';
    fault = (m, k) => (m === 'GET' && k.startsWith(`reports/${PERIOD}/`) && k.endsWith('.pdf') ? { kind: 'status', status: 500, code: 'InternalError' } : null);
    const errorsBefore = p.bus.errors().length;
    const mailBefore = (await sesAccepted(p)).length;
    await p.store.put(key, await eventsVariant(sample, 25), 'text/csv');
    await p.bus.idle();
    fault = null;
    const failed = p.bus.errors().slice(errorsBefore);
    expect(failed.map((e) => e.stage)).toEqual(['distribute', 'distribute']);
    for (const f of failed) expect(await failedRuns('distribute', f.key)).toHaveLength(1);
    // Nothing went out: no preview, and no "did not reach" notice for a failure the retry fixes.
    expect((await sesAccepted(p)).length).toBe(mailBefore);

    for (const f of failed) await redeliver(p, f.key);
    expect(p.bus.errors()).toHaveLength(errorsBefore + 2);
    expect(await previews()).toHaveLength(8);
    expect((await sesAccepted(p)).length).toBe(mailBefore + 2);
    expect(duplicates(await sesAccepted(p))).toEqual([]);
  });
});
