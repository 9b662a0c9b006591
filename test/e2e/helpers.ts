/** Shared steps for the end-to-end tests: a small seeded sample, uploads through S3, reading mail back (PDFs: test/support/pdf-text.ts). */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { simpleParser, type ParsedMail } from 'mailparser';
import { writeSample } from '../../functions/adapters/sample-files.ts';
import { UPLOAD_ORDER, uploadSample } from '../../functions/local/start.ts';
import type { LocalPipeline } from '../../functions/local/pipeline.ts';
import type { SentMail } from '../support/local.ts';
import { dropEveryKth } from '../support/csv-edits.ts';

export const PERIOD = '2021-11';

export async function smallSample(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-sample-'));
  await writeSample(dir, { seed: 7, people: 2000, end: PERIOD, months: 24 });
  return dir;
}

export async function uploadAll(p: LocalPipeline, sampleDir: string): Promise<void> {
  for (const kind of UPLOAD_ORDER) await uploadSample(p, sampleDir, kind);
}

export async function parse(m: SentMail): Promise<ParsedMail> {
  return simpleParser(Buffer.from(m.raw));
}

export async function sesStoreCount(p: LocalPipeline): Promise<number> {
  const r = (await (await fetch(`${p.servers.sesEndpoint}/store`)).json()) as { emails: unknown[] };
  return r.emails.length;
}

/** A corrected events extract: the same file with every 40th data row removed (still valid). */
export async function correctedEvents(sampleDir: string): Promise<string> {
  return dropEveryKth(await readFile(path.join(sampleDir, 'events.csv'), 'utf8'), 40);
}

/** An events extract with errors: an unknown event type on the first three rows. */
export async function brokenEvents(sampleDir: string): Promise<string> {
  const parsed = Papa.parse<Record<string, string>>(await readFile(path.join(sampleDir, 'events.csv'), 'utf8'), { header: true, skipEmptyLines: true });
  const column = parsed.meta.fields!.find((f) => f.toLowerCase() === 'event_type')!;
  parsed.data.slice(0, 3).forEach((row) => (row[column] = 'Banana'));
  return Papa.unparse(parsed.data, { newline: '\r\n' });
}
