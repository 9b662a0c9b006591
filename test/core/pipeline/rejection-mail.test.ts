/**
 * The rejection email through real local servers: sized for SES however many errors a file has
 * (first errors inline, the first 1,000 attached, the complete list in the bucket behind a link),
 * and never lost in silence — a rejection email that does not go out is reported to the owners.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { simpleParser } from 'mailparser';
import { createIngest } from '../../../functions/handlers/ingest.ts';
import { awsS3Event } from '../../../functions/local/event-bus.ts';
import { writeSample } from '../../../functions/adapters/sample-files.ts';
import { validationRecordSchema } from '../../../functions/core/pipeline/uploads-state.ts';
import { ErrorsCsvFile } from '../../../functions/adapters/errors-csv-file.ts';
import { localPipeline } from '../../support/local.ts';
import { LOCAL_CONTACT, LOCAL_SENDER_NAME } from '../../../functions/local/pipeline.ts';
import { rejectionCsvKey, verdictKey } from '../../support/verdicts.ts';

let p: Awaited<ReturnType<typeof localPipeline>>;
/** The sample's events header and one row made wrong in one way only: an unknown event type. */
let header: string;
let badRow: string;

beforeAll(async () => {
  p = await localPipeline();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-rejection-'));
  await writeSample(dir, { seed: 7, people: 20, end: '2021-11', months: 2 });
  const parsed = Papa.parse<string[]>(await readFile(path.join(dir, 'events.csv'), 'utf8'), { skipEmptyLines: true });
  const [names, row] = parsed.data;
  const type = names.findIndex((n) => n.toLowerCase() === 'event_type');
  header = Papa.unparse([names]);
  badRow = Papa.unparse([row.map((v, i) => (i === type ? 'Banana' : v))]);
}, 60_000);
afterAll(() => p?.dispose());

const lines = (text: string) => text.split('\r\n').filter((l) => l !== '');

describe('a rejection with 200,000 errors', () => {
  it('emails well under the SES limit, links to the complete errors CSV, and the CSV lists every error', async () => {
    const key = 'extracts/events/every row wrong.csv';
    await p.store.put(key, `${header}\r\n${`${badRow}\r\n`.repeat(200_000)}`, 'text/csv');
    const sent = p.sent.length;
    await p.bus.idle();
    expect(p.bus.errors()).toEqual([]);
    const record = validationRecordSchema.parse(JSON.parse(Buffer.from((await p.store.getBytes(await verdictKey(p.store, key)))!).toString('utf8')));
    expect(record.errorCount).toBe(200_000);

    const full = Buffer.from((await p.store.getBytes(await rejectionCsvKey(p.store, key)))!).toString('utf8');
    const rows = lines(full);
    expect(rows).toHaveLength(200_001);
    expect(rows[0]).toBe('row,column,rule,value,message');
    // extract-spec.md: row 1 is the first data row. One error each, in file order.
    expect(rows[1].split(',')[0]).toBe('1');
    expect(rows[200_000].split(',')[0]).toBe('200000');
    expect(rows.filter((r) => r.includes('list-truncated'))).toEqual([]);

    const mails = p.sent.slice(sent);
    expect(mails.map((m) => m.recipient)).toEqual(['performance@example.org']);
    // Well under SES's 10 MB (after base64): the first 1,000 errors travel, not 200,000.
    expect(mails[0].raw.byteLength).toBeLessThan(1024 * 1024);
    const mail = await simpleParser(Buffer.from(mails[0].raw));
    expect(lines(mail.attachments[0].content.toString('utf8'))).toHaveLength(1001);
    const link = /All 200,000 errors are listed in (http\S+) \(link valid for up to 6 hours; the object is (\S.*?)\)/.exec(mail.text ?? '');
    expect(link?.[2]).toBe(await rejectionCsvKey(p.store, key));
    expect(await (await fetch(link![1])).text()).toBe(full);
  }, 240_000);
});

describe('a rejection with one error', () => {
  it('says so in the singular, in words, and names no rule id', async () => {
    const key = 'extracts/events/one bad row.csv';
    const sent = p.sent.length;
    await p.store.put(key, `${header}\r\n${badRow}\r\n`, 'text/csv');
    await p.bus.idle();
    const mail = await simpleParser(Buffer.from(p.sent.slice(sent)[0].raw));
    expect(mail.subject).toBe('Upload rejected: one bad row.csv (events), 1 error');
    expect(mail.text).toMatch(/^The events upload one bad row\.csv was rejected: it has 1 error in 1 data row\.$/m);
    expect(mail.text).toContain('  A value is not one of the values the column allows: 1\n');
    // This bucket has no accepted events extract: nothing "stays in use".
    expect(mail.text).toContain('Nothing from this upload has been used. No accepted events file is in the bucket, so no events data is in use. These packs wait until a valid one is uploaded: Commissioning and Finance Report Cards; Adult Social Care Performance Report Cards.');
    expect(mail.text).not.toMatch(/stays? in use|still/);
    expect(mail.text).toMatch(/The upload \(extracts\/events\/one bad row\.csv\) is left as it was\. The error is also in http\S+ \(link valid/);
    expect(mail.text).not.toMatch(/code-list|\b1 errors|All 1 /);
    // A letter like the pack email: greeting, contact and sign-off from the deployment's settings, in both parts.
    expect(mail.text).toMatch(/^Dear colleague,\n\nThe events upload/);
    expect(mail.text).toMatch(new RegExp(`\\nIf you have any questions about this email, please contact ${LOCAL_CONTACT.replace(/\./g, '\\.')}\\.\\n\\nKind regards,\\n${LOCAL_SENDER_NAME}\\n$`));
    expect(mail.html).toContain(`Kind regards,<br>${LOCAL_SENDER_NAME}</p>`);
    expect(mail.html).toMatch(/<p [^>]*>Dear colleague,<\/p>/);
  }, 60_000);
});

describe('a rejection email that does not go out', () => {
  it('is reported when the composed email would be above the SES limit, rather than sent broken', async () => {
    const ingest = createIngest({ ...p.deps, mailLimitBytes: 20_000 });
    const key = 'extracts/events/too big to email.csv';
    p.bus.paused = true;
    await p.store.put(key, `${header}\r\n${`${badRow}\r\n`.repeat(2_000)}`, 'text/csv');
    p.bus.paused = false;
    const sent = p.sent.length;
    await ingest(awsS3Event('report-cards-local', key, 1));
    const mails = p.sent.slice(sent);
    expect(mails.map((m) => m.recipient)).toEqual(['head-of-performance@example.org']);
    const notice = await simpleParser(Buffer.from(mails[0].raw));
    expect(notice.text).toMatch(/performance@example\.org: not sent - the email service refused it \(could not compose the email: the email is \d+ bytes, above the SES limit\)/);
  }, 60_000);
  it('is reported to the packs\' owners when the performance team\'s address is suppressed', async () => {
    await p.deps.suppressions.add({ address: 'performance@example.org', reason: 'permanent-bounce', detail: 'mailbox does not exist', at: '2021-12-01T09:00:00Z', feedbackId: 'f1', sesMessageId: 'm1' });
    const key = 'extracts/events/one wrong row.csv';
    const sent = p.sent.length;
    await p.store.put(key, `${header}\r\n${badRow}\r\n`, 'text/csv');
    await p.bus.idle();
    const mails = p.sent.slice(sent);
    expect(mails.map((m) => m.recipient)).toEqual(['head-of-performance@example.org']);
    const notice = await simpleParser(Buffer.from(mails[0].raw));
    expect(notice.subject).toBe('Action needed: an email did not reach 1 recipient');
    expect(notice.text).toContain(`The rejection report for ${key} did not reach everyone.`);
    expect(notice.text).toContain('performance@example.org: not sent - the address is suppressed');
  }, 60_000);

});

describe('ErrorsCsvFile', () => {
  it('stops at its size limit with a last line saying how many errors are not listed', async () => {
    const file = new ErrorsCsvFile((i) => `${i.row},${i.rule}`, 100);
    try {
      for (let row = 2; row < 40; row++) file.add({ row, column: '', value: null, rule: 'r', message: '', inPlace: true });
      // Header 31 bytes; rows 2-9 are 5 bytes each (71), rows 10-14 six each (101): row 15 on is left out.
      expect([file.listed, file.omitted]).toEqual([13, 25]);
      const parts: string[] = [];
      const store = { putStream: async (_k: string, body: AsyncIterable<Uint8Array>) => { for await (const c of body) parts.push(Buffer.from(c).toString()); } };
      await file.putTo(store as never, 'k');
      const got = lines(parts.join(''));
      expect(got).toHaveLength(15);
      expect(got[13]).toBe('14,r');
      expect(got[14]).toBe('0,list-truncated');
    } finally {
      file.dispose();
    }
  });
});
