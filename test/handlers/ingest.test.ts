/**
 * The ingest handler's refusals, through real local servers: keys that are unsafe, uploads that are
 * too big, keys that are not uploads. The happy path and rejections of bad content are in test/e2e.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngest } from '../../functions/handlers/ingest.ts';
import { awsS3Event } from '../../functions/local/event-bus.ts';
import { validationRecordSchema } from '../../functions/core/pipeline/uploads-state.ts';
import { simpleParser } from 'mailparser';
import { localPipeline } from '../support/local.ts';
import { verdictKey } from '../support/verdicts.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;
let p: P;

beforeAll(async () => {
  p = await localPipeline();
  p.bus.paused = true; // these tests call the handler themselves
});
afterAll(() => p?.dispose());

const text = async (key: string) => Buffer.from((await p.store.getBytes(key))!).toString('utf8');

describe('ingest refusals', () => {
  it('refuses an upload above the size limit without parsing it, tells the performance team, leaves the upload alone', async () => {
    const ingest = createIngest({ ...p.deps, maxUploadBytes: 100 });
    const body = 'la_code,x\n' + 'E08000018,1\n'.repeat(50);
    await p.store.put('extracts/events/big one.csv', body, 'text/csv');
    // The key arrives URL-encoded, as from S3.
    expect(await ingest(awsS3Event('report-cards-local', 'extracts/events/big one.csv', body.length))).toEqual({ processed: 1 });
    const rec = validationRecordSchema.parse(JSON.parse(await text(await verdictKey(p.store, 'extracts/events/big one.csv'))));
    expect(rec).toMatchObject({ accepted: false, rows: 0 });
    expect(rec.refused).toMatch(/above the 100-byte limit/);
    expect(await text('extracts/events/big one.csv')).toBe(body);
    expect(p.sent.map((m) => m.recipient)).toEqual(['performance@example.org']);
    const mail = await simpleParser(Buffer.from(p.sent[0].raw));
    expect(mail.subject).toBe('Upload rejected: big one.csv');
    expect(mail.attachments[0].filename).toBe('big one.csv.errors.csv');
    expect(await p.store.list('measures/')).toEqual([]);
  });

  it('refuses a key with a .. segment or a control character before reading anything', async () => {
    const ingest = createIngest(p.deps);
    const before = (await p.store.list('validation/')).length;
    for (const key of ['extracts/events/../../config/recipients.json', 'extracts/events/a\u0007.csv']) {
      expect(await ingest(awsS3Event('report-cards-local', key, 10))).toEqual({ processed: 0 });
    }
    expect((await p.store.list('validation/')).length).toBe(before);
    const runs = await Promise.all((await p.store.list('runs/')).map(async (o) => JSON.parse(await text(o.key))));
    expect(runs.filter((r) => r.outcome === 'rejected' && /refused: contains a ('.' or '..' segment|control character)/.test(r.notes[0]))).toHaveLength(2);
  });

  it('ignores keys that are not uploads, and an upload deleted before ingest ran', async () => {
    const ingest = createIngest(p.deps);
    expect(await ingest(awsS3Event('report-cards-local', 'measures/2021-11.json', 10))).toEqual({ processed: 0 });
    expect(await ingest(awsS3Event('report-cards-local', 'extracts/events/gone.csv', 10))).toEqual({ processed: 1 });
    expect(await p.store.head('validation/extracts/events/gone.csv.json')).toBeNull();
  });

  it('throws on something that is not an S3 event, so the invocation fails loudly', async () => {
    await expect(createIngest(p.deps)({ hello: 'world' })).rejects.toThrow(/Not an S3 event/);
  });
});

describe('ingest of two uploads at once', () => {
  it('ends with measures computed from both, whatever the interleaving', async () => {
    const { smallSample } = await import('../e2e/helpers.ts');
    const { readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const sample = await smallSample();
    const q = await localPipeline();
    try {
      q.bus.paused = true; // both invocations are started here, concurrently
      await q.store.put('reference/population/population.csv', await readFile(path.join(sample, 'population.csv')), 'text/csv');
      await createIngest(q.deps)(awsS3Event('report-cards-local', 'reference/population/population.csv', 1));
      await q.store.put('extracts/events/events.csv', await readFile(path.join(sample, 'events.csv')), 'text/csv');
      await q.store.put('reference/targets/targets.csv', await readFile(path.join(sample, 'targets.csv')), 'text/csv');
      const ingest = createIngest(q.deps);
      await Promise.all([
        ingest(awsS3Event('report-cards-local', 'extracts/events/events.csv', 1)),
        ingest(awsS3Event('report-cards-local', 'reference/targets/targets.csv', 1)),
      ]);
      const doc = JSON.parse(Buffer.from((await q.store.getBytes('measures/2021-11.json'))!).toString('utf8'));
      expect(Object.keys(doc.uploads).sort()).toEqual(['events', 'population', 'targets']);
    } finally {
      await q.dispose();
    }
  });
});
