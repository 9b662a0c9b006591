/**
 * ingest on a second S3 server (fauxqs, test/support/fauxqs.ts), whose listings carry milliseconds
 * while GetObject answers whole seconds. Before LastModified was compared as an instant at whole
 * seconds, every validation record looked stale there and measures were never computed, silently.
 * fauxqs sends no object events, so the test delivers the event AWS would send after each upload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createIngest } from '../../functions/handlers/ingest.ts';
import { awsS3Event } from '../../functions/local/event-bus.ts';
import { LOCAL_BUCKET, LOCAL_RECIPIENTS } from '../../functions/local/pipeline.ts';
import { UPLOAD_ORDER } from '../../functions/local/start.ts';
import { UPLOAD_PREFIXES } from '../../functions/core/bucket-layout.ts';
import { RECIPIENTS_KEY } from '../../functions/core/pipeline/recipients.ts';
import { localPipeline } from '../support/local.ts';
import { startFauxqsStore } from '../support/fauxqs.ts';
import { PERIOD, smallSample } from '../e2e/helpers.ts';

let p: Awaited<ReturnType<typeof localPipeline>>;
let second: Awaited<ReturnType<typeof startFauxqsStore>>;
let sampleDir: string;

beforeAll(async () => {
  p = await localPipeline(); // SES and DynamoDB for the run; its s3rver is not used here
  p.bus.paused = true;
  second = await startFauxqsStore(LOCAL_BUCKET);
  await second.store.put(RECIPIENTS_KEY, JSON.stringify(LOCAL_RECIPIENTS), 'application/json');
  sampleDir = await smallSample();
}, 60_000);
afterAll(async () => {
  await second?.close();
  await p?.dispose();
});

describe('ingest on an S3 server whose listings carry milliseconds', () => {
  it('accepts the sample uploads and computes the measures from them', async () => {
    const ingest = createIngest({ ...p.deps, store: second.store });
    for (const kind of UPLOAD_ORDER) {
      const key = `${UPLOAD_PREFIXES[kind]}${kind}.csv`;
      const body = await readFile(path.join(sampleDir, `${kind}.csv`));
      await second.store.put(key, body, 'text/csv');
      expect(await ingest(awsS3Event(LOCAL_BUCKET, key, body.length))).toEqual({ processed: 1 });
    }
    const bytes = await second.store.getBytes(`measures/${PERIOD}.json`);
    expect(bytes).not.toBeNull();
    const doc = JSON.parse(Buffer.from(bytes!).toString('utf8'));
    expect(doc.uploads.events).toBe('extracts/events/events.csv');
    expect(doc.uploads.population).toBe('reference/population/population.csv');
    expect(p.sent).toEqual([]); // nothing was rejected
  }, 120_000);
});
