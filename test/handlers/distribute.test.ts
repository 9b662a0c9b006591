/**
 * distribute with a pack too large to email. The size budget is lowered for this test (the real
 * PDFs are ~100-200 KB, far below SES's 10 MB), so a real rendered PDF goes through the real
 * oversize path: a summary without the attachment, and the owners told with a link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createDistribute } from '../../functions/handlers/distribute.ts';
import { createIngest } from '../../functions/handlers/ingest.ts';
import { createRender } from '../../functions/handlers/render.ts';
import { awsS3Event } from '../../functions/local/event-bus.ts';
import { LOCAL_BUCKET } from '../../functions/local/pipeline.ts';
import { uploadSample } from '../../functions/local/start.ts';
import { localPipeline } from '../support/local.ts';
import { PERIOD, smallSample } from '../e2e/helpers.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;
let p: P;

beforeAll(async () => {
  const sample = await smallSample();
  p = await localPipeline();
  // Reference files through the wired pipeline (no events yet, so nothing renders)...
  for (const kind of ['population', 'targets'] as const) await uploadSample(p, sample, kind);
  // ...then ingest and render by hand, holding back the manifest's event so distribute can be called here.
  p.bus.paused = true;
  await p.store.put('extracts/events/events.csv', await readFile(path.join(sample, 'events.csv')), 'text/csv');
  await createIngest(p.deps)(awsS3Event(LOCAL_BUCKET, 'extracts/events/events.csv', 1));
  await createRender(p.deps)(awsS3Event(LOCAL_BUCKET, `measures/${PERIOD}.json`, 1));
});
afterAll(() => p?.dispose());

describe('distribute, pack too large to email', () => {
  it('sends the summary without the PDF and tells the owners where the pack is', async () => {
    const [manifest] = (await p.store.list(`reports/${PERIOD}/scrutiny-board/`)).filter((o) => o.key.endsWith('.json'));
    expect(p.sent).toHaveLength(0);
    // Room for the summary email (its HTML carries the whole summary table: ~40 KB for 30 cards,
    // ~53 KB as SES counts it, base64-encoded),
    // not for the PDF: base64 alone makes a 38-page pack far larger.
    const distribute = createDistribute({ ...p.deps, mailLimitBytes: 200_000 });
    const r = await distribute(awsS3Event(LOCAL_BUCKET, manifest.key, 1));
    expect(r).toEqual({ sent: 1, undelivered: 1 });
    expect(p.sent.map((m) => m.recipient)).toEqual(['performance@example.org', 'head-of-performance@example.org']);
    const preview = await simpleParser(Buffer.from(p.sent[0].raw));
    expect(preview.attachments).toHaveLength(0);
    expect(preview.text).toContain('too large to email');
    const notice = await simpleParser(Buffer.from(p.sent[1].raw));
    expect(notice.text).toContain('performance@example.org: not sent - the pack is too large to email');
    expect(notice.text).toMatch(/http:\/\/127\.0\.0\.1:\d+\/report-cards-local\/reports\/2021-11\/scrutiny-board\/\w+\.pdf\?/);
  });
});
