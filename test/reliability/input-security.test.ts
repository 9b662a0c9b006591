/**
 * Security of inputs, through the local pipeline: keys that try to climb out of their prefix are
 * refused and nothing is written outside runs/; an object above the configured size is refused
 * before it is parsed; commentary that looks like pdfmake objects, JSON, HTML or URLs is printed
 * as text only — read back from the PDF with pdfjs-dist: the literal text is there, there are no
 * link annotations or URI actions, and nothing was fetched while rendering.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { UPLOAD_PREFIXES } from '../../functions/core/bucket-layout.ts';
import { uploadSample } from '../../functions/local/start.ts';
import { LOCAL_BUCKET, LOCAL_RECIPIENTS } from '../../functions/local/pipeline.ts';
import { awsS3Event } from '../../functions/local/event-bus.ts';
import { localPipeline } from '../support/local.ts';
import { readPdf } from '../support/pdf-text.ts';
import { json, P, PERIOD, runs, sesAccepted, tinySample } from './support.ts';
import { verdictKey, verdictWritten } from '../support/verdicts.ts';
import { FIXTURE_PACKS_DIR } from '../support/project-files.ts';

const TRAVERSALS = [
  'extracts/events/../../config/recipients.json',
  'extracts/events/%2e%2e/%2e%2e/config/recipients.json',
  'extracts%2Fevents%2F..%2F..%2Fconfig%2Frecipients.json',
  'extracts/events/..%2F..%2Fconfig%2Frecipients.json',
  'extracts/events/./events.csv',
  'extracts/events/..\\..\\config\\recipients.json',
];

const HOSTILE = {
  working_well: '{"text":"PDFMAKE-OBJECT","link":"https://evil.example.net/a","image":"file:///etc/passwd"}',
  worried_about: '<a href="https://evil.example.net/b">HTML-LINK</a><script>alert(1)</script>',
  next_steps: 'See https://evil.example.net/c and {image: "data:image/png;base64,AAAA"} and [qr](https://evil.example.net/d)',
  lead_officer: '{ "qr": "https://evil.example.net/e" }',
};

async function allKeys(p: P): Promise<Map<string, number>> {
  return new Map((await p.store.list('')).map((o) => [o.key, o.lastModified.getTime()]));
}

describe('security of inputs', () => {
  let p: P;
  let sample: string;

  beforeAll(async () => {
    sample = await tinySample();
    p = await localPipeline();
  });
  afterAll(() => p?.dispose());

  it('keys with . or .. segments (plain or URL-encoded in the event) are refused and nothing is written outside runs/', async () => {
    const before = await allKeys(p);
    for (const raw of TRAVERSALS) {
      // The event carries the key as given (already encoded where it has %): what a crafted event would.
      const event = awsS3Event(LOCAL_BUCKET, 'placeholder', 10);
      event.Records[0].s3.object.key = raw;
      p.bus.deliver(event, 'extracts/events/x');
    }
    await p.bus.idle();
    expect(p.bus.errors()).toEqual([]);
    const after = await allKeys(p);
    const added = [...after.keys()].filter((k) => !before.has(k));
    expect(added.every((k) => k.startsWith('runs/'))).toBe(true);
    for (const [k, t] of before) expect(after.get(k)).toBe(t);
    expect(await json(p, 'config/recipients.json')).toEqual(LOCAL_RECIPIENTS);
    const refused = (await runs(p)).filter((r) => r.stage === 'ingest');
    expect(refused).toHaveLength(TRAVERSALS.length);
    for (const r of refused) {
      expect(r.outcome).toBe('rejected');
      expect(r.notes.join(' ')).toMatch(/refused: (contains a '\.' or '\.\.' segment|contains a backslash)/);
    }
    expect(await sesAccepted(p)).toEqual([]);
  });

  it('an object above the configured size is refused before parsing: the verdict names only its size', async () => {
    p.deps.maxUploadBytes = 4_096;
    // Not a CSV at all: parsing would report encoding or column errors, not only its size.
    await p.store.put('extracts/events/huge.csv', Buffer.alloc(10_000, 0xff), 'text/csv');
    // The limit must hold until ingest has judged this upload, however late its event comes.
    const verdict = await verdictWritten(p, 'extracts/events/huge.csv');
    p.deps.maxUploadBytes = undefined;
    const v = await json<{ accepted: boolean; refused: string | null; rows: number; errorCountsByRule: Record<string, number> }>(p, verdict);
    expect(v).toMatchObject({ accepted: false, rows: 0, errorCountsByRule: { 'file-size': 1 } });
    expect(v.refused).toMatch(/10000 bytes, above the 4096-byte limit/);
    expect((await sesAccepted(p)).map((m) => m.subject)).toEqual(['Upload rejected: huge.csv']);
  });

  it('commentary that looks like pdfmake objects, JSON, HTML or URLs is printed as text, with no links and nothing fetched', async () => {
    const measureId = 'REQ_NEW';
    await p.store.put(`${UPLOAD_PREFIXES.commentary}hostile.csv`, Papa.unparse([{ period: PERIOD, measure_id: measureId, ...HOSTILE }], { newline: '\r\n' }), 'text/csv');
    await p.bus.idle();
    expect((await json<{ accepted: boolean }>(p, await verdictKey(p.store, `${UPLOAD_PREFIXES.commentary}hostile.csv`))).accepted).toBe(true);

    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      for (const kind of ['population', 'targets', 'events'] as const) await uploadSample(p, sample, kind);
      expect(fetchSpy.mock.calls.map((c) => String(c[0])).filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([]);
    } finally {
      fetchSpy.mockRestore();
    }
    expect(p.bus.errors()).toEqual([]);
    const [manifest] = (await p.store.list(`reports/${PERIOD}/scrutiny-board/`)).filter((o) => o.key.endsWith('.json'));
    const pdfKey = manifest.key.replace(/\.json$/, '.pdf');
    const pdf = (await p.store.getBytes(pdfKey))!;

    const squash = (s: string) => s.replace(/\s+/g, '');
    const read = await readPdf(pdf);
    const text = read.pages.join(' ');
    for (const value of Object.values(HOSTILE)) expect(squash(text)).toContain(squash(value));

    // The summary page links to each card inside the document; nothing may point outside it.
    const outward: string[] = [];
    let internal = 0;
    for (const a of read.annotations) {
      if (a.subtype === 'Link' && !a.url && !a.unsafeUrl && a.dest) internal++;
      else outward.push(`${a.subtype} ${a.url ?? a.unsafeUrl ?? ''}`);
    }
    expect(outward).toEqual([]);
    expect(internal).toBeGreaterThan(0);
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).not.toMatch(/\/URI|\/Launch|\/JavaScript|\/GoToR|evil\.example/);
    expect(await readFile(path.join(FIXTURE_PACKS_DIR, 'scrutiny-board.json'), 'utf8')).toContain(measureId);
  });
});
