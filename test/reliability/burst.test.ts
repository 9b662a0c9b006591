/**
 * 50 uploads in quick succession (several in flight at once, no waiting between them): every kind,
 * valid variants with different content, invalid files (a required column missing, random bytes,
 * an empty file, unknown event types), and re-uploads of identical files (the same key again, and
 * the same bytes under a new key). At the end: the measures come from the newest valid object of
 * each kind (extract-spec.md "Which files count": newest LastModified, then the later key), every
 * rejected upload is untouched with its verdict, its errors CSV and one email to the performance
 * team, SES accepted no email twice, and every handler invocation is in runs/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UPLOAD_PREFIXES, uploadKindOfKey } from '../../functions/core/bucket-layout.ts';
import { SNAPSHOT_KINDS, UPLOAD_KINDS, type UploadKind } from '../../functions/core/uploads/kinds/index.ts';
import type { MeasureInputs } from '../../functions/core/uploads/parsed.ts';
import { validateUpload } from '../../functions/core/uploads/validate-upload.ts';
import { computeMeasures } from '../../functions/core/measures/compute.ts';
import type { MeasuresDocument } from '../../functions/core/measures/document.ts';
import { localPipeline } from '../support/local.ts';
import { dropEveryKth, dropFirstColumn, dropRow } from '../support/csv-edits.ts';
import { duplicates, json, P, PERIOD, runs, sesAccepted, tinySample } from './support.ts';
import { rejectionCsvKey, verdictKey } from '../support/verdicts.ts';

interface Upload {
  key: string;
  kind: UploadKind;
  body: Buffer;
  valid: boolean;
}

const SNAPSHOT = new Set<UploadKind>(SNAPSHOT_KINDS);

function plan(files: Record<UploadKind, string>): Upload[] {
  const out: Upload[] = [];
  const add = (kind: UploadKind, name: string, body: string | Buffer, valid: boolean) =>
    out.push({ key: `${UPLOAD_PREFIXES[kind]}${name}`, kind, body: Buffer.from(body), valid });
  for (const kind of UPLOAD_KINDS) {
    const csv = files[kind];
    add(kind, `${kind} 1.csv`, csv, true);
    add(kind, `${kind} bad 1.csv`, dropFirstColumn(csv), false);
    add(kind, `${kind} 2.csv`, kind === 'events' ? dropEveryKth(csv, 20) : dropRow(csv, 1), true);
    add(kind, `${kind} 1.csv`, csv, true); // the identical file again, same key
  }
  // Events get the heaviest traffic: more corrections, junk, and re-uploads under new names.
  for (const k of [21, 22, 23]) add('events', `events k${k}.csv`, dropEveryKth(files.events, k), true);
  const banana = files.events.split(/\r?\n/).map((l, i) => (i > 0 && i < 4 ? l.replace(/,(Service|Review|Assessment|Request),/, ',Banana,') : l)).join('\r\n');
  add('events', 'events banana.csv', banana, false);
  add('events', 'events random.csv', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)), false);
  add('events', 'events empty.csv', '', false);
  add('events', 'events k21 again.csv', dropEveryKth(files.events, 21), true);
  add('population', 'population bad 2.csv', dropFirstColumn(files.population), false);
  add('targets', 'targets 3.csv', dropRow(files.targets, 2), true);
  add('commentary', 'commentary 3.csv', dropRow(files.commentary, 3), true);
  add('benchmarks', 'benchmarks bad 2.csv', Buffer.from([0xff, 0xfe, 0x00, 0x41]), false);
  add('waiting', 'waiting 3.csv', dropRow(files.waiting, 2), true);
  add('providers', 'providers 3.csv', dropRow(files.providers, 2), true);
  add('finance', 'finance bad 2.csv', files.finance.replace(/\d+\.\d\d/, 'lots'), false);
  add('population', 'population 3.csv', dropRow(files.population, 3), true);
  add('commentary', 'commentary bad 2.csv', dropFirstColumn(files.commentary), false);
  add('targets', 'targets 1.csv', files.targets, true);
  add('events', 'events 1.csv', files.events, true); // and the first events file once more, last
  return out;
}

/** Newest valid object of a kind, as extract-spec.md defines it, from the listing after the burst. */
function winner(kind: UploadKind, uploads: Upload[], listed: Map<string, number>): string {
  const valid = [...new Set(uploads.filter((u) => u.kind === kind && u.valid).map((u) => u.key))];
  for (const key of valid) if (!listed.has(key)) throw new Error(`${key} is missing from the listing`);
  return valid.sort((a, b) => listed.get(b)! - listed.get(a)! || (b < a ? -1 : b > a ? 1 : 0))[0];
}

describe('50 uploads in quick succession', () => {
  let p: P;
  let uploads: Upload[];
  let listed: Map<string, number>;

  beforeAll(async () => {
    const sample = await tinySample(13);
    const files = Object.fromEntries(await Promise.all(UPLOAD_KINDS.map(async (k) => [k, await readFile(path.join(sample, `${k}.csv`), 'utf8')]))) as Record<UploadKind, string>;
    uploads = plan(files);
    p = await localPipeline();
    // Four in flight at a time, in plan order, without waiting for the pipeline. LastModified has
    // whole seconds, so most land in the same second and the later key wins the tie; the last
    // upload waits for the next second, so the time rule is exercised too (it must win by time).
    let next = 0;
    const burst = uploads.length - 1;
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        while (next < burst) {
          const u = uploads[next++];
          await p.store.put(u.key, u.body, 'text/csv');
        }
      }),
    );
    // Every upload prefix, not only extracts/: reference/ and commentary/ uploads count by time too.
    const listUploads = async () => (await p.store.list('')).filter((o) => uploadKindOfKey(o.key) !== undefined);
    const newest = Math.max(...(await listUploads()).map((o) => o.lastModified.getTime()));
    const lastOne = uploads[burst];
    do {
      await new Promise((r) => setTimeout(r, 1_000 - (Date.now() % 1_000) + 5));
      await p.store.put(lastOne.key, lastOne.body, 'text/csv');
    } while ((await p.store.head(lastOne.key))!.lastModified.getTime() <= newest);
    await p.bus.idle();
    listed = new Map((await listUploads()).map((o) => [o.key, o.lastModified.getTime()]));
  });
  afterAll(() => p?.dispose());

  it('is 50 uploads, and every invocation succeeded', () => {
    expect(uploads).toHaveLength(50);
    expect(p.bus.errors()).toEqual([]);
  });

  it('the measures come from the newest valid object of each kind', async () => {
    const doc = await json<MeasuresDocument & { uploads: Record<string, string | string[]> }>(p, `measures/${PERIOD}.json`);
    const expected: Record<string, string | string[]> = {};
    const inputs: Record<string, unknown> = {};
    for (const kind of UPLOAD_KINDS) {
      const key = winner(kind, uploads, listed);
      expected[kind] = SNAPSHOT.has(kind) ? [key] : key;
      const latest = uploads.filter((u) => u.key === key).pop()!;
      const parsed = await validateUpload(kind, latest.body);
      expect(parsed.errors).toEqual([]);
      inputs[kind] = SNAPSHOT.has(kind) ? [parsed.data] : parsed.data;
    }
    expect(doc.uploads).toEqual(expected);
    expect(expected.events).toBe('extracts/events/events 1.csv'); // by time, though 'events k23.csv' sorts later
    // And the numbers are those of exactly those files, month by month.
    const fresh = computeMeasures(inputs as unknown as MeasureInputs);
    for (const m of fresh.measures) {
      const got = doc.measures.find((d) => d.id === m.id)!;
      for (const point of m.series) expect({ id: m.id, month: point.month, value: got.series.find((s) => s.month === point.month)?.value }).toEqual({ id: m.id, month: point.month, value: point.value });
    }
  });

  it('every upload has the verdict intended; rejected ones are untouched, with their errors and one email per rejected version', async () => {
    const mail = await sesAccepted(p);
    for (const key of new Set(uploads.map((u) => u.key))) {
      const last = uploads.filter((u) => u.key === key).pop()!;
      const verdict = await json<{ accepted: boolean }>(p, await verdictKey(p.store, key));
      expect({ key, accepted: verdict.accepted }).toEqual({ key, accepted: last.valid });
      expect(Buffer.compare(Buffer.from((await p.store.getBytes(key))!), last.body)).toBe(0);
      const name = key.slice(key.lastIndexOf('/') + 1);
      const emails = mail.filter((m) => m.to === 'performance@example.org' && m.subject.startsWith(`Upload rejected: ${name} (`));
      // Each S3 version is judged on its own: every rejected version of the key got exactly one
      // email, a good version none, whatever came after it under the same key.
      const rejectedVersions = uploads.filter((u) => u.key === key && !u.valid).length;
      expect({ key, emails: emails.length }).toEqual({ key, emails: rejectedVersions });
      if (!last.valid) expect(await p.store.head(await rejectionCsvKey(p.store, key))).not.toBeNull();
    }
  });

  it('SES accepted no email twice, and sent previews only of versions that exist', async () => {
    const mail = await sesAccepted(p);
    expect(duplicates(mail)).toEqual([]);
    const previews = mail.filter((m) => m.subject.startsWith('[Preview]'));
    const manifests = (await p.store.list(`reports/${PERIOD}/`)).filter((o) => o.key.endsWith('.json'));
    expect(previews.length).toBe(manifests.length);
    expect(mail.every((m) => m.to === 'performance@example.org')).toBe(true);
  });

  it('every handler invocation is recorded in runs/', async () => {
    const recorded = await runs(p);
    for (const stage of ['ingest', 'render', 'distribute'] as const) {
      const invoked = p.bus.delivered.filter((d) => d.stage === stage).map((d) => d.key).sort();
      expect({ stage, triggers: recorded.filter((r) => r.stage === stage).map((r) => r.trigger).sort() }).toEqual({ stage, triggers: invoked });
    }
    expect(recorded.filter((r) => r.stage === 'ingest' && r.outcome === 'rejected').length).toBeGreaterThanOrEqual(uploads.filter((u) => !u.valid).length);
  });
});
