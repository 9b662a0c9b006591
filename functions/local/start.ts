/**
 * `npm start`: the whole pipeline on the embedded default. Writes a seeded sample, puts the uploads
 * into local S3 (reference files first, the events extract last), lets each S3 event drive the next
 * stage, approves every version (the local stand-in for an officer), runs the schedule handler on
 * each pack's distribution day (a frozen clock), and saves what SES accepted as out/mail/*.eml and
 * the PDFs as out/reports/*.pdf.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fixedClock } from '../adapters/clock.ts';
import { loadPackTemplates } from '../adapters/pack-templates.ts';
import { writeSample } from '../adapters/sample-files.ts';
import { UPLOAD_PREFIXES } from '../core/bucket-layout.ts';
import { approvalKey, parseManifestKey } from '../core/pipeline/manifest.ts';
import { nthWorkingDay } from '../core/pipeline/working-days.ts';
import { loadBankHolidays } from '../adapters/bank-holidays.ts';
import { addMonths } from '../core/calendar/days.ts';
import type { UploadKind } from '../core/uploads/parsed.ts';
import { ROOT, startLocalPipeline, type LocalPipeline } from './pipeline.ts';

/** Reference files first, the events extract last (architecture.md): the last upload completes the set. */
export const UPLOAD_ORDER: UploadKind[] = ['population', 'targets', 'benchmarks', 'commentary', 'waiting', 'finance', 'providers', 'events'];

export interface StartOptions {
  outDir: string;
  people: number;
  seed: number;
  end: string;
  months: number;
  log: (line: string) => void;
}

/** Puts one sample file through the S3 API and waits for the pipeline to settle. */
export async function uploadSample(p: LocalPipeline, sampleDir: string, kind: UploadKind): Promise<string> {
  const key = `${UPLOAD_PREFIXES[kind]}${kind}.csv`;
  await p.store.put(key, await readFile(path.join(sampleDir, `${kind}.csv`)), 'text/csv');
  await p.bus.idle();
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

export async function start(o: StartOptions): Promise<number> {
  const mailDir = path.join(o.outDir, 'mail');
  const reportsDir = path.join(o.outDir, 'reports');
  const runsDir = path.join(o.outDir, 'runs');
  for (const d of [mailDir, reportsDir, runsDir]) {
    await rm(d, { recursive: true, force: true });
    await mkdir(d, { recursive: true });
  }
  const work = await mkdtemp(path.join(os.tmpdir(), 'report-cards-'));
  let n = 0;
  const p = await startLocalPipeline({
    s3Dir: path.join(work, 's3'),
    // The raw bytes SES accepted, saved only once it returned a MessageId.
    onSent: async ({ recipient, raw }) => {
      n += 1;
      await writeFile(path.join(mailDir, `${String(n).padStart(3, '0')}-${recipient}.eml`), raw);
    },
  });
  try {
    o.log(`Local S3 ${p.servers.s3Endpoint}, SES ${p.servers.sesEndpoint}, DynamoDB ${p.servers.dynamoEndpoint}; triggers from ${p.rulesSource}`);
    const sampleDir = path.join(work, 'sample');
    await writeSample(sampleDir, { seed: o.seed, people: o.people, end: o.end, months: o.months });
    o.log(`Sample uploads written (seed ${o.seed}, ${o.people} people, ${o.months} months to ${o.end})`);
    for (const kind of UPLOAD_ORDER) o.log(`  uploaded ${await uploadSample(p, sampleDir, kind)}`);
    const approvals = await approveAll(p, 'npm start (automatic local approval)');
    o.log(`Approved ${approvals.length} pack version(s)`);
    for (const [day] of [...(await distributionDays(p.deps.templatesDir, o.end))].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const before = n;
      const r = await p.schedule(fixedClock(`${day}T09:00:00Z`));
      o.log(`Schedule on ${r.today}: packs due ${r.due.join(', ') || 'no pack'}; ${n - before} email(s) sent`);
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
    for (const e of errors) o.log(`ERROR in ${e.stage} for ${e.key}: ${e.error?.message}`);
    o.log('');
    o.log(`Done: ${p.bus.delivered.length} S3 events handled, ${manifests} pack version(s) rendered, ${n} email(s) accepted by SES.`);
    o.log(`  PDFs:   ${path.relative(process.cwd(), reportsDir) || reportsDir}/ (${pdfs})`);
    o.log(`  Emails: ${path.relative(process.cwd(), mailDir) || mailDir}/ (${n} .eml files, the raw bytes sent)`);
    o.log(`  Run history: ${path.relative(process.cwd(), runsDir) || runsDir}/ (print it with: npx report-cards history)`);
    return errors.length ? 1 : 0;
  } finally {
    await p.close();
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // The SDK's multi-line Node-version warning would bury the summary; say it in one line instead.
  if (Number(process.versions.node.split('.')[0]) < 22 && process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === undefined) {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    process.stdout.write(`Note: Node ${process.versions.node}; AWS SDK releases after early January 2027 need Node 22 or later.\n`);
  }
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: path.join(ROOT, 'out') },
      people: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '1' },
      end: { type: 'string', default: '2021-11' },
      months: { type: 'string', default: '36' },
    },
  });
  const code = await start({
    outDir: path.resolve(values.out),
    people: Number(values.people),
    seed: Number(values.seed),
    end: values.end,
    months: Number(values.months),
    log: (l) => process.stdout.write(`${l}\n`),
  });
  process.exitCode = code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
