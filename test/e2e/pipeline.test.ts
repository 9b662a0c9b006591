/**
 * The whole path through real local servers (s3rver, aws-ses-v2-local, dynalite) and the real SDK
 * clients: uploads → ingest → measures → render → distribute → schedule → SES, each stage started
 * by the S3 event as AWS would start it. Faults are injected only at the SES client's request
 * handler (test/support/ses-faults.ts), never by replacing a handler or an adapter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fixedClock } from '../../functions/adapters/clock.ts';
import { awsS3Event } from '../../functions/local/event-bus.ts';
import { approvalKey, manifestSchema, type Manifest } from '../../functions/core/pipeline/manifest.ts';
import { validationRecordSchema } from '../../functions/core/pipeline/uploads-state.ts';
import { localPipeline } from '../support/local.ts';
import { brokenEvents, correctedEvents, parse, PERIOD, sesStoreCount, smallSample, uploadAll } from './helpers.ts';
import { readPdf } from '../support/pdf-text.ts';
import { rejectionCsvKey, verdictKey } from '../support/verdicts.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;

// Distribution days for November 2021 packs: the 5th (scrutiny-board) and 7th (commissioning-finance)
// working days of December 2021.
const SCRUTINY_DAY = fixedClock('2021-12-07T07:00:00Z');
const FINANCE_DAY = fixedClock('2021-12-09T07:00:00Z');
const BEFORE_ANY_DAY = fixedClock('2021-12-06T07:00:00Z'); // 4th working day
const BOARD = ['chair@example.org', 'vice-chair@example.org', 'member.one@example.org', 'clerk@example.org'];

async function manifests(p: P, packId: string): Promise<Manifest[]> {
  const out: Manifest[] = [];
  for (const o of await p.store.list(`reports/${PERIOD}/${packId}/`)) {
    if (!o.key.endsWith('.json')) continue;
    out.push(manifestSchema.parse(JSON.parse(Buffer.from((await p.store.getBytes(o.key))!).toString('utf8'))));
  }
  return out.sort((a, b) => (a.generatedAt < b.generatedAt ? -1 : 1));
}

async function redeliver(p: P, key: string) {
  const head = await p.store.head(key);
  p.bus.deliver(awsS3Event('report-cards-local', key, head!.size), key);
  await p.bus.idle();
}

describe('the pipeline, end to end', () => {
  let p: P;
  let sample: string;

  beforeAll(async () => {
    sample = await smallSample();
    p = await localPipeline();
    await uploadAll(p, sample);
  });
  afterAll(() => p?.dispose());

  it('renders every ready pack once and previews it to the performance team, PDF attached byte for byte', async () => {
    expect(p.bus.errors()).toEqual([]);
    expect(p.sent.map((m) => m.recipient)).toEqual(['performance@example.org', 'performance@example.org']);
    for (const packId of ['scrutiny-board', 'commissioning-finance']) {
      const [m] = await manifests(p, packId);
      expect(m.revised).toBe(false);
      const pdf = (await p.store.getBytes(m.pdfKey))!;
      const read = await readPdf(pdf);
      expect(read.pages).toHaveLength(m.pages);
      expect(read.pages.join('\n')).toContain(m.packTitle);
      expect(read.pages.join('\n')).toContain('November 2021');
      const mail = p.sent.find((s) => s.ledgerKey.includes(`#${packId}#${m.version}#preview#`))!;
      const parsed = await parse(mail);
      expect(parsed.subject).toBe(`[Preview] ${m.committee}: ${m.packTitle}, November 2021`);
      expect(parsed.text).toContain(`Red:   ${m.summary.rag.red}`);
      const html = String(parsed.html).replace(/ style="[^"]*"/g, '');
      expect(html).toContain('<caption>Number of measures by RAG rating</caption>');
      // The accessible HTML body carries the PDF's summary table: every measure, same figures.
      expect(m.summary.rows.length).toBeGreaterThan(3);
      for (const row of m.summary.rows) {
        expect(html).toContain(`<td>${row.latest}</td><td>${row.lastYear}</td>`);
        expect(read.pages.join('\n')).toContain(row.latest);
      }
      expect(parsed.attachments).toHaveLength(1);
      expect(parsed.attachments[0].filename).toBe(`${packId}-${PERIOD}.pdf`);
      expect(Buffer.compare(parsed.attachments[0].content, Buffer.from(pdf))).toBe(0);
    }
    expect(await sesStoreCount(p)).toBe(2);
  });

  it('sends nothing twice when S3 delivers the same events again', async () => {
    const before = p.sent.length;
    const measuresBefore = await p.store.getBytes(`measures/${PERIOD}.json`);
    await redeliver(p, 'extracts/events/events.csv');
    await redeliver(p, `measures/${PERIOD}.json`);
    for (const m of await manifests(p, 'scrutiny-board')) await redeliver(p, `reports/${PERIOD}/scrutiny-board/${m.version}.json`);
    expect(p.bus.errors()).toEqual([]);
    expect(p.sent.length).toBe(before);
    expect(await manifests(p, 'scrutiny-board')).toHaveLength(1);
    expect(Buffer.compare(Buffer.from((await p.store.getBytes(`measures/${PERIOD}.json`))!), Buffer.from(measuresBefore!))).toBe(0);
  });

  it('sends nothing before the distribution days', async () => {
    const r = await p.schedule(BEFORE_ANY_DAY);
    expect(r).toMatchObject({ today: '2021-12-06', due: [] });
    expect(p.sent.filter((m) => BOARD.includes(m.recipient))).toHaveLength(0);
  });

  it('auto-approved pack goes to board and clerks on its day; a manual one waits for its approval', async () => {
    const finance = await p.schedule(FINANCE_DAY);
    // scrutiny-board's day (the 7th) has passed too, but it is manual and nothing is approved.
    expect(finance.due).toEqual(['commissioning-finance', 'scrutiny-board']);
    expect(p.sent.filter((m) => m.ledgerKey.includes('#commissioning-finance#') && m.ledgerKey.includes('#board#')).map((m) => m.recipient).sort()).toEqual([...BOARD].sort());

    const before = p.sent.length;
    await p.schedule(SCRUTINY_DAY);
    expect(p.sent.length).toBe(before); // scrutiny-board is manual and nothing is approved yet

    const [m] = await manifests(p, 'scrutiny-board');
    await p.store.put(approvalKey(PERIOD, 'scrutiny-board', m.version), JSON.stringify({ approvedBy: 'test' }), 'application/json');
    await p.schedule(SCRUTINY_DAY);
    const board = p.sent.filter((s) => s.ledgerKey.includes('#scrutiny-board#') && s.ledgerKey.includes('#board#'));
    expect(board.map((s) => s.recipient).sort()).toEqual([...BOARD].sort());
    const mail = await parse(board[0]);
    expect(mail.subject).toBe(`${m.committee}: ${m.packTitle}, November 2021`);
    expect(mail.text).toContain('Here is');

    // The scheduler fires again (at-least-once): the ledger absorbs it.
    const after = p.sent.length;
    await p.schedule(SCRUTINY_DAY);
    await p.schedule(FINANCE_DAY);
    expect(p.sent.length).toBe(after);
  });

  it('a rejected upload is reported to the performance team with the errors CSV; the upload is untouched and nothing else changes', async () => {
    const before = p.sent.length;
    const measuresBefore = await p.store.getBytes(`measures/${PERIOD}.json`);
    const bad = await brokenEvents(sample);
    await p.store.put('extracts/events/events corrected Dec.csv', bad, 'text/csv');
    await p.bus.idle();
    expect(p.bus.errors()).toEqual([]);
    const newMail = p.sent.slice(before);
    expect(newMail.map((m) => m.recipient)).toEqual(['performance@example.org']);
    const mail = await parse(newMail[0]);
    expect(mail.subject).toMatch(/events corrected Dec\.csv/);
    const csv = mail.attachments.find((a) => a.filename?.endsWith('.errors.csv'));
    expect(csv?.content.toString('utf8')).toMatch(/Banana|event_type/);
    expect(Buffer.from((await p.store.getBytes('extracts/events/events corrected Dec.csv'))!).toString('utf8')).toBe(bad);
    const record = validationRecordSchema.parse(JSON.parse(Buffer.from((await p.store.getBytes(await verdictKey(p.store, 'extracts/events/events corrected Dec.csv')))!).toString('utf8')));
    expect(record).toMatchObject({ accepted: false });
    expect(record.errorCount).toBeGreaterThanOrEqual(3);
    expect(await p.store.head(await rejectionCsvKey(p.store, 'extracts/events/events corrected Dec.csv'))).not.toBeNull();
    // The accepted extract still counts: same measures, no new version, no board mail.
    expect(Buffer.compare(Buffer.from((await p.store.getBytes(`measures/${PERIOD}.json`))!), Buffer.from(measuresBefore!))).toBe(0);
    expect(await manifests(p, 'scrutiny-board')).toHaveLength(1);
  });

  it('a corrected extract makes a new version: "Revised" preview once, then "Revised" to the board once approved', async () => {
    const before = p.sent.length;
    await p.store.put('extracts/events/events v2.csv', await correctedEvents(sample), 'text/csv');
    await p.bus.idle();
    expect(p.bus.errors()).toEqual([]);
    const versions = await manifests(p, 'scrutiny-board');
    expect(versions).toHaveLength(2);
    expect(versions[1].revised).toBe(true);
    const previews = p.sent.slice(before).filter((m) => m.ledgerKey.includes('#preview#'));
    expect(previews).toHaveLength(2);
    for (const m of previews) expect((await parse(m)).subject).toMatch(/^\[Preview\] Revised: /);

    await redeliver(p, `reports/${PERIOD}/scrutiny-board/${versions[1].version}.json`);
    expect(p.sent.slice(before).filter((m) => m.ledgerKey.includes('#preview#'))).toHaveLength(2);

    // Approved after the distribution day: it goes the next working morning, as a revision.
    await p.store.put(approvalKey(PERIOD, 'scrutiny-board', versions[1].version), '{}', 'application/json');
    await p.schedule(fixedClock('2021-12-10T07:00:00Z'));
    const revisedBoard = p.sent.slice(before).filter((m) => m.ledgerKey.includes(`#scrutiny-board#${versions[1].version}#board#`));
    expect(revisedBoard).toHaveLength(BOARD.length);
    const revisedMail = await parse(revisedBoard[0]);
    expect(revisedMail.subject).toMatch(/^Revised: /);
    // The file name says which revision it is.
    expect(versions.map((v) => v.revision)).toEqual([0, 1]);
    expect(revisedMail.attachments[0].filename).toBe(`scrutiny-board-${PERIOD}-revised-1.pdf`);
    // The auto-approved pack's corrected version went the same morning, also as a revision.
    const financeBoard = p.sent.slice(before).filter((m) => m.ledgerKey.includes('#commissioning-finance#') && m.ledgerKey.includes('#board#'));
    expect(financeBoard).toHaveLength(BOARD.length);
    expect((await parse(financeBoard[0])).subject).toMatch(/^Revised: /);
    // And not again the morning after.
    const count = p.sent.length;
    await p.schedule(fixedClock('2021-12-13T07:00:00Z'));
    expect(p.sent.length).toBe(count);
    expect(await sesStoreCount(p)).toBe(p.sent.length);
  });

  it('the run history records every stage', async () => {
    const runs = await p.store.list('runs/');
    const stages = new Set<string>();
    for (const r of runs) stages.add(JSON.parse(Buffer.from((await p.store.getBytes(r.key))!).toString('utf8')).stage);
    expect([...stages].sort()).toEqual(['distribute', 'ingest', 'render', 'schedule']);
  });
});
