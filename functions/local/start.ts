/**
 * `npm start`: the whole pipeline on the embedded default. Puts the uploads — a seeded sample, or
 * the officer's own files with `--data DIR` — into local S3 (reference files first, the events
 * extract last), lets each S3 event drive the next stage, approves every version (the local
 * stand-in for an officer), runs the schedule handler on each pack's distribution day (a frozen
 * clock), and saves what SES accepted as out/mail/*.eml and the PDFs as out/reports/*.pdf.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../adapters/clock.ts';
import { loadPackTemplates } from '../adapters/pack-templates.ts';
import { writeSample } from '../adapters/sample-files.ts';
import { OUTPUT_PREFIXES, UPLOAD_PREFIXES } from '../core/bucket-layout.ts';
import { approvalKey, parseManifestKey } from '../core/pipeline/manifest.ts';
import { nthWorkingDay } from '../core/pipeline/working-days.ts';
import { validationRecordSchema, type ValidationRecord } from '../core/pipeline/uploads-state.ts';
import { loadBankHolidays } from '../adapters/bank-holidays.ts';
import { addMonths } from '../core/calendar/days.ts';
import { plural } from '../core/plural.ts';
import type { UploadKind } from '../core/uploads/parsed.ts';
import { officerUploads, UPLOAD_ORDER, type OfficerUpload } from './officer-files.ts';
import { startLocalPipeline, type LocalPipeline } from './pipeline.ts';
import type { StartSource } from './start-options.ts';

export { UPLOAD_ORDER };

export interface StartOptions {
  outDir: string;
  source: StartSource;
  log: (line: string) => void;
  /** Rejected uploads and stage failures (stderr under npm start); `log` when absent. */
  warn?: (line: string) => void;
  /** Pack templates and bank holidays; default the project's templates/ (tests pass their own). */
  templatesDir?: string;
}

/** Puts one upload through the S3 API and waits for the pipeline to settle. */
async function putUpload(p: LocalPipeline, u: OfficerUpload): Promise<void> {
  await p.store.put(u.key, await readFile(u.file), u.contentType);
  await p.bus.idle();
}

/** Puts one sample file through the S3 API and waits for the pipeline to settle. */
export async function uploadSample(p: LocalPipeline, sampleDir: string, kind: UploadKind): Promise<string> {
  const key = `${UPLOAD_PREFIXES[kind]}${kind}.csv`;
  await putUpload(p, { kind, key, file: path.join(sampleDir, `${kind}.csv`), contentType: 'text/csv' });
  return key;
}

/** Writes an approval for every rendered version (officers do this by hand in a real deployment). */
export async function approveAll(p: LocalPipeline, approvedBy: string): Promise<string[]> {
  const keys: string[] = [];
  for (const o of await p.store.list('reports/')) {
    const ref = parseManifestKey(o.key);
    if (!ref) continue;
    const key = approvalKey(ref.period, ref.packId, ref.version);
    await p.store.put(key, JSON.stringify({ approvedBy, at: p.deps.clock.now().toISOString() }), 'application/json');
    keys.push(key);
  }
  await p.bus.idle();
  return keys;
}

/** The instant (09:00 UTC, so the London date is the same in GMT and BST) of each pack's distribution day. */
export async function distributionDays(templatesDir: string, period: string): Promise<Map<string, string[]>> {
  const holidays = await loadBankHolidays(templatesDir);
  const days = new Map<string, string[]>();
  for (const pack of await loadPackTemplates(path.join(templatesDir, 'packs'))) {
    const day = nthWorkingDay(addMonths(period, 1), pack.distribution.workingDay, holidays);
    if (!day) continue;
    days.set(day, [...(days.get(day) ?? []), pack.id]);
  }
  return days;
}

/** The newest validation record ingest wrote for an upload key, or null when it wrote none. */
async function verdictOf(p: LocalPipeline, key: string): Promise<ValidationRecord | null> {
  let newest: ValidationRecord | null = null;
  for (const o of await p.store.list(`${OUTPUT_PREFIXES.validation}${key}`)) {
    const bytes = await p.store.getBytes(o.key);
    const r = bytes ? validationRecordSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8'))) : null;
    if (r?.success && r.data.key === key && (!newest || r.data.validatedAt >= newest.validatedAt)) newest = r.data;
  }
  return newest;
}

/** The months that have a measures document (`measures/<period>.json`), oldest first. */
async function measuredPeriods(p: LocalPipeline): Promise<string[]> {
  const periods = (await p.store.list(OUTPUT_PREFIXES.measures)).map((o) => /^measures\/(\d{4}-\d{2})\.json$/.exec(o.key)?.[1]);
  return [...new Set(periods.filter((x): x is string => Boolean(x)))].sort();
}

/** The uploads of the chosen source: the sample written into `work`, or the officer's folder. */
async function uploadsOf(o: StartOptions, work: string): Promise<OfficerUpload[]> {
  if ('dataDir' in o.source) {
    const { uploads, ignored } = await officerUploads(o.source.dataDir);
    o.log(`Your files from ${o.source.dataDir}: ${plural(uploads.length, 'upload')}${ignored.length ? `; ignored (name does not start with an upload kind): ${ignored.join(', ')}` : ''}`);
    return uploads;
  }
  const s = o.source.sample;
  const sampleDir = path.join(work, 'sample');
  await writeSample(sampleDir, s);
  o.log(`Sample uploads written (seed ${s.seed}, ${s.people} people, ${s.months} months to ${s.end})`);
  return UPLOAD_ORDER.map((kind) => ({ kind, key: `${UPLOAD_PREFIXES[kind]}${kind}.csv`, file: path.join(sampleDir, `${kind}.csv`), contentType: 'text/csv' }));
}

export async function start(o: StartOptions): Promise<number> {
  const warn = o.warn ?? o.log;
  const mailDir = path.join(o.outDir, 'mail');
  const reportsDir = path.join(o.outDir, 'reports');
  const runsDir = path.join(o.outDir, 'runs');
  for (const d of [mailDir, reportsDir, runsDir]) {
    await rm(d, { recursive: true, force: true });
    await mkdir(d, { recursive: true });
  }
  // Relative to where npm start runs when inside it (out/mail/…), otherwise the absolute path.
  const shown = (file: string) => {
    const rel = path.relative(process.cwd(), file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  };
  const work = await mkdtemp(path.join(os.tmpdir(), 'report-cards-'));
  const mails: string[] = [];
  const p = await startLocalPipeline({
    s3Dir: path.join(work, 's3'),
    templatesDir: o.templatesDir,
    // The raw bytes SES accepted, saved only once it returned a MessageId.
    onSent: async ({ recipient, raw }) => {
      const file = path.join(mailDir, `${String(mails.length + 1).padStart(3, '0')}-${recipient}.eml`);
      mails.push(file);
      await writeFile(file, raw);
    },
  });
  try {
    o.log(`Local S3 ${p.servers.s3Endpoint}, SES ${p.servers.sesEndpoint}, DynamoDB ${p.servers.dynamoEndpoint}; triggers from ${p.rulesSource}`);
    let rejected = 0;
    for (const u of await uploadsOf(o, work)) {
      const before = mails.length;
      await putUpload(p, u);
      const verdict = await verdictOf(p, u.key);
      if (verdict?.accepted) {
        o.log(`  uploaded ${u.key}: accepted, ${verdict.rows} rows`);
        continue;
      }
      rejected += 1;
      const emails = mails.slice(before).map(shown);
      const why = verdict ? (verdict.refused ?? plural(verdict.errorCount, 'error')) : 'no validation record (see the run history)';
      warn(`  uploaded ${u.key}: REJECTED (${why}); rejection email: ${emails.join(', ') || 'none sent'}`);
    }
    const approvals = await approveAll(p, 'npm start (automatic local approval)');
    o.log(`Approved ${plural(approvals.length, 'pack version')}`);
    const periods = await measuredPeriods(p);
    if (periods.length === 0) o.log('No measures were computed (no accepted events extract), so no pack is due');
    for (const period of periods) {
      for (const [day] of [...(await distributionDays(p.deps.templatesDir, period))].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const before = mails.length;
        const r = await p.schedule(fixedClock(`${day}T09:00:00Z`));
        o.log(`Schedule on ${r.today}: packs due ${r.due.join(', ') || 'no pack'}; ${plural(mails.length - before, 'email')} sent`);
      }
    }
    await p.bus.idle();
    let pdfs = 0;
    for (const obj of await p.store.list('reports/')) {
      if (!obj.key.endsWith('.pdf')) continue;
      const bytes = await p.store.getBytes(obj.key);
      if (!bytes) continue;
      await writeFile(path.join(reportsDir, obj.key.slice('reports/'.length).replace(/\//g, '-')), bytes);
      pdfs += 1;
    }
    for (const obj of await p.store.list('runs/')) {
      const bytes = await p.store.getBytes(obj.key);
      if (bytes) await writeFile(path.join(runsDir, obj.key.slice('runs/'.length)), bytes);
    }
    const manifests = (await p.store.list('reports/')).filter((x) => x.key.endsWith('.json')).length;
    const errors = p.bus.errors();
    for (const e of errors) warn(`ERROR in ${e.stage} for ${e.key}: ${e.error?.message}`);
    o.log('');
    o.log(`Done: ${plural(p.bus.delivered.length, 'S3 event')} handled, ${plural(manifests, 'pack version')} rendered, ${plural(mails.length, 'email')} accepted by SES.`);
    if (rejected) o.log(`  Rejected: ${plural(rejected, 'upload')}; each rejection email is in ${shown(mailDir)}/`);
    o.log(`  PDFs:   ${shown(reportsDir)}/ (${pdfs})`);
    o.log(`  Emails: ${shown(mailDir)}/ (${mails.length} .eml files, the raw bytes sent)`);
    o.log(`  Run history: ${shown(runsDir)}/ (print it with: npx report-cards history)`);
    return errors.length || rejected ? 1 : 0;
  } finally {
    await p.close();
    await rm(work, { recursive: true, force: true });
  }
}
