/**
 * Duplicate and out-of-order S3 events. S3 delivers at least once and in no particular order, so
 * the same uploads go through two pipelines: one gets each event once, in upload order; the other
 * gets the upload events shuffled (an older events extract's event after the newer one's), each
 * delivered two or three times, and then every measures and manifest event again. Both must end
 * the same: the same measures (values and the files they came from), the same pack versions sent
 * to the same board members on the distribution day, and no email twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fixedClock } from '../../functions/adapters/clock.ts';
import { UPLOAD_PREFIXES } from '../../functions/core/bucket-layout.ts';
import type { UploadKind } from '../../functions/core/uploads/parsed.ts';
import type { MeasuresDocument } from '../../functions/core/measures/document.ts';
import { approvalKey, parseManifestKey } from '../../functions/core/pipeline/manifest.ts';
import { UPLOAD_ORDER } from '../../functions/local/start.ts';
import { localPipeline } from '../support/local.ts';
import { dropEveryKth, dropRow } from '../support/csv-edits.ts';
import { duplicates, json, P, PERIOD, redeliver, sesAccepted, tinySample } from './support.ts';

const DISTRIBUTION_DAY = fixedClock('2021-12-09T07:00:00Z'); // both packs due (5th and 7th working days passed)

interface Put {
  key: string;
  body: string;
}

async function uploads(): Promise<Put[]> {
  const sample = await tinySample(17);
  const read = (k: UploadKind) => readFile(path.join(sample, `${k}.csv`), 'utf8');
  const out: Put[] = [];
  for (const kind of UPLOAD_ORDER.filter((k) => k !== 'events')) out.push({ key: `${UPLOAD_PREFIXES[kind]}${kind}.csv`, body: await read(kind) });
  const events = await read('events');
  // The older extract sorts after the newer one by name too: only its time says it is older.
  out.push({ key: `${UPLOAD_PREFIXES.events}events z old.csv`, body: events });
  out.push({ key: `${UPLOAD_PREFIXES.population}population corrected.csv`, body: dropRow(await read('population'), 2) });
  out.push({ key: `${UPLOAD_PREFIXES.events}events a new.csv`, body: dropEveryKth(events, 25) });
  return out;
}

/**
 * Puts one upload. The last three (old events, corrected population, new events) must each have a
 * LastModified (whole seconds) later than every upload before them; the reference files need not.
 */
async function putInOrder(p: P, u: Put, last: { t: number }, strict: boolean) {
  for (;;) {
    await p.store.put(u.key, u.body, 'text/csv');
    const t = (await p.store.head(u.key))!.lastModified.getTime();
    if (!strict || t > last.t) {
      last.t = Math.max(t, last.t);
      return;
    }
    await new Promise((r) => setTimeout(r, 1_000 - (Date.now() % 1_000) + 5));
  }
}

async function distribute(p: P) {
  for (const o of await p.store.list(`reports/${PERIOD}/`)) {
    const ref = parseManifestKey(o.key);
    if (ref) await p.store.put(approvalKey(ref.period, ref.packId, ref.version), '{}', 'application/json');
  }
  await p.bus.idle();
  await p.schedule(DISTRIBUTION_DAY);
  await p.schedule(DISTRIBUTION_DAY); // Scheduler is at-least-once too
}

/** What a run ends with: measure values and sources, the versions the board got, and from whom. */
async function outcome(p: P) {
  const doc = await json<MeasuresDocument & { uploads: unknown }>(p, `measures/${PERIOD}.json`);
  const values = Object.fromEntries(doc.measures.map((m) => [m.id, m.series.map((s) => `${s.month}=${s.value}`).join(' ')]));
  const mail = await sesAccepted(p);
  const board = mail
    .filter((m) => !m.subject.startsWith('[Preview]') && m.to !== 'performance@example.org')
    .map((m) => `${m.to}: ${m.subject}`)
    .sort();
  return { uploads: doc.uploads, values, board, duplicates: duplicates(mail) };
}

describe('duplicate and out-of-order S3 events', () => {
  let shuffled: P;
  let puts: Put[];
  let a: Awaited<ReturnType<typeof outcome>>;
  let inOrderErrors: unknown[];

  beforeAll(async () => {
    puts = await uploads();
    // One pipeline at a time: aws-ses-v2-local keeps its store in a module-level variable, shared
    // by every server in the process.
    const inOrder = await localPipeline();
    try {
      const last = { t: 0 };
      for (const [i, u] of puts.entries()) {
        await putInOrder(inOrder, u, last, i >= puts.length - 3);
        await inOrder.bus.idle();
      }
      await distribute(inOrder);
      inOrderErrors = inOrder.bus.errors();
      a = await outcome(inOrder);
      await fetch(`${inOrder.servers.sesEndpoint}/clear-store`, { method: 'POST' });
    } finally {
      await inOrder.dispose();
    }

    shuffled = await localPipeline();
    // Same uploads, same order of LastModified; no event delivered while they land.
    shuffled.bus.paused = true;
    const last2 = { t: 0 };
    for (const [i, u] of puts.entries()) await putInOrder(shuffled, u, last2, i >= puts.length - 3);
    shuffled.bus.paused = false;
    const keys = puts.map((u) => u.key);
    const [oldEvents, , newEvents] = keys.slice(-3);
    const order = [newEvents, newEvents, ...keys.slice(0, -3).reverse(), newEvents, keys.at(-2)!, oldEvents, keys[0], oldEvents, keys.at(-2)!, keys[1], oldEvents];
    for (const k of order) await redeliver(shuffled, k, false);
    await shuffled.bus.idle();
    // Then every later-stage event again, newest first.
    const later = [...new Set(shuffled.bus.delivered.filter((d) => d.stage !== 'ingest').map((d) => d.key))].reverse();
    for (const k of later) await redeliver(shuffled, k, false);
    await shuffled.bus.idle();
    await distribute(shuffled);
  });
  afterAll(() => shuffled?.dispose());

  it('both pipelines ran every event without error, and the shuffled one really got duplicates and an old event last', () => {
    expect(inOrderErrors).toEqual([]);
    expect(shuffled.bus.errors()).toEqual([]);
    const ingested = shuffled.bus.delivered.filter((d) => d.stage === 'ingest').map((d) => d.key);
    expect(ingested.filter((k) => k.endsWith('events a new.csv')).length).toBe(3);
    expect(ingested.at(-1)).toMatch(/events z old\.csv$/);
  });

  it('ends with the same measures, from the newest valid files, and the same board mail, none twice', async () => {
    const b = await outcome(shuffled);
    expect(a.uploads).toMatchObject({ events: 'extracts/events/events a new.csv', population: `${UPLOAD_PREFIXES.population}population corrected.csv` });
    expect(b.uploads).toEqual(a.uploads);
    expect(b.values).toEqual(a.values);
    expect(a.board, a.board.join('\n')).toHaveLength(8); // 3 board members and a clerk x 2 packs
    expect(b.board).toEqual(a.board);
    expect(a.duplicates).toEqual([]);
    expect(b.duplicates).toEqual([]);
  });
});
