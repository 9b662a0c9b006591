/**
 * `report-cards history`: what the pipeline did, newest last, from the run records every stage
 * writes under `runs/`. Reads the copy `npm start` leaves in out/runs by default, or the bucket
 * itself with --bucket (the SDK's usual credentials; S3_ENDPOINT for a local server).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatRun, runRecordSchema, type RunRecord } from '../../core/pipeline/runs.ts';
import { OUTPUT_PREFIXES } from '../../core/bucket-layout.ts';
import { S3ObjectStore, s3ClientFor } from '../../adapters/object-store.ts';

export const help = `Usage: report-cards history [--dir DIR | --bucket NAME] [--limit N] [--json]

Prints the run history: one block per stage run (ingest, render, distribute, schedule) with
what it did, oldest first.

  --dir DIR      folder of run records (default: out/runs, written by npm start)
  --bucket NAME  read runs/ from this S3 bucket instead (S3_ENDPOINT for a local server)
  --limit N      only the last N runs
  --json         print the records as a JSON array`;

async function fromDir(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map((n) => readFile(path.join(dir, n), 'utf8')));
}

async function fromBucket(bucket: string): Promise<string[]> {
  const store = new S3ObjectStore(s3ClientFor(process.env.S3_ENDPOINT), bucket);
  const objects = (await store.list(OUTPUT_PREFIXES.runs)).sort((a, b) => (a.key < b.key ? -1 : 1));
  const out: string[] = [];
  for (const o of objects) {
    const b = await store.getBytes(o.key);
    if (b) out.push(Buffer.from(b).toString('utf8'));
  }
  return out;
}

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { dir: { type: 'string' }, bucket: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } },
    }));
  } catch (e) {
    process.stderr.write(`report-cards history: ${(e as Error).message}\n\n${help}\n`);
    return 2;
  }
  if (values.dir && values.bucket) {
    process.stderr.write(`report-cards history: give --dir or --bucket, not both\n`);
    return 2;
  }
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(limit > 0)) {
    process.stderr.write(`report-cards history: --limit must be a positive number\n`);
    return 2;
  }
  let texts: string[];
  try {
    texts = values.bucket ? await fromBucket(values.bucket) : await fromDir(values.dir ?? path.join('out', 'runs'));
  } catch (e) {
    process.stderr.write(`report-cards history: cannot read the run history: ${(e as Error).message}\n`);
    return 2;
  }
  const runs: RunRecord[] = [];
  for (const t of texts) {
    const r = runRecordSchema.safeParse(JSON.parse(t));
    if (r.success) runs.push(r.data);
  }
  runs.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  const shown = runs.slice(Math.max(0, runs.length - limit));
  if (values.json) process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  else if (shown.length === 0) process.stdout.write('No runs recorded yet.\n');
  else process.stdout.write(`${shown.map(formatRun).join('\n')}\n`);
  return 0;
}
