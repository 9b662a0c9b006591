/**
 * The render handler through real local servers: a pack renders only when every upload kind it
 * requires has a valid file, and a run that died between the PDF and its manifest is completed
 * without rendering again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { awsS3Event } from '../../functions/local/event-bus.ts';
import { uploadSample } from '../../functions/local/start.ts';
import { LOCAL_BUCKET } from '../../functions/local/pipeline.ts';
import { localPipeline } from '../support/local.ts';
import { PERIOD, smallSample } from '../e2e/helpers.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;
let p: P;
let sample: string;

beforeAll(async () => {
  sample = await smallSample();
  p = await localPipeline();
});
afterAll(() => p?.dispose());

const runNotes = async (stage: string) => {
  const notes: string[] = [];
  for (const o of await p.store.list('runs/')) {
    const r = JSON.parse(Buffer.from((await p.store.getBytes(o.key))!).toString('utf8'));
    if (r.stage === stage) notes.push(...r.notes);
  }
  return notes;
};

describe('render', () => {
  it('waits for every required upload before rendering a pack', async () => {
    await uploadSample(p, sample, 'population');
    await uploadSample(p, sample, 'events');
    expect(p.bus.errors()).toEqual([]);
    expect(await p.store.head(`measures/${PERIOD}.json`)).not.toBeNull();
    expect((await p.store.list('reports/')).length).toBe(0);
    const notes = await runNotes('render');
    expect(notes).toContain('scrutiny-board: not ready, waiting for targets');
    expect(notes).toContain('commissioning-finance: not ready, waiting for finance, providers, waiting');

    await uploadSample(p, sample, 'targets');
    const reports = (await p.store.list('reports/')).map((o) => o.key);
    expect(reports.filter((k) => k.startsWith(`reports/${PERIOD}/scrutiny-board/`))).toHaveLength(2);
    expect(reports.filter((k) => k.includes('commissioning-finance'))).toHaveLength(0);
    expect(p.sent.map((m) => m.recipient)).toEqual(['performance@example.org']);
  });

  it('completes a version whose manifest was never written, without rendering it again or resending', async () => {
    const [manifest] = (await p.store.list(`reports/${PERIOD}/scrutiny-board/`)).filter((o) => o.key.endsWith('.json'));
    const pdfKey = manifest.key.replace(/\.json$/, '.pdf');
    const pdfBefore = await p.store.head(pdfKey);
    await p.s3.send(new DeleteObjectCommand({ Bucket: LOCAL_BUCKET, Key: manifest.key }));
    const sentBefore = p.sent.length;
    p.bus.deliver(awsS3Event(LOCAL_BUCKET, `measures/${PERIOD}.json`, 1), `measures/${PERIOD}.json`);
    await p.bus.idle();
    expect(p.bus.errors()).toEqual([]);
    expect(await p.store.head(manifest.key)).not.toBeNull();
    expect((await p.store.head(pdfKey))?.lastModified.getTime()).toBe(pdfBefore?.lastModified.getTime());
    expect(p.sent.length).toBe(sentBefore);
  });
});
