/**
 * Fuzzing the ingest (architecture.md: in-process, so 10,000 cases take seconds). Files are random
 * bytes, or near-valid CSV made by mutating a real upload of a seeded sample: columns dropped or
 * duplicated, quotes broken, values replaced by random text, BOMs, multi-byte characters cut in
 * half, huge fields, mixed line ends. `validateUpload` must always answer with a verdict: never
 * throw, never hang, never hide a crash of its own (rule `internal`), never hand back data with
 * errors. A smaller set goes through the real CLI process, which must exit 0 or 1 with a message
 * and no stack trace, within a time limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { validateUpload } from '../../functions/core/uploads/validate-upload.ts';
import { UPLOAD_KINDS, type UploadKind } from '../../functions/core/uploads/kinds/index.ts';
import { ROOT } from '../../functions/local/pipeline.ts';
import { tinySample } from './support.ts';

const BASE_KINDS = ['events', 'waiting', 'population'] as const;
const IN_PROCESS_RUNS = 10_000;
// Each CLI process costs ~0.5 s of a core (tsx start-up): 60 keeps this file near 30 s on two cores.
const CLI_RUNS = 60;
const CLI_TIMEOUT_MS = 20_000;

type Table = string[][];
type Mutation =
  | { op: 'dropColumn'; at: number }
  | { op: 'duplicateColumn'; at: number }
  | { op: 'breakQuote'; row: number; col: number }
  | { op: 'randomValue'; row: number; col: number; value: string }
  | { op: 'hugeField'; row: number; col: number; size: number }
  | { op: 'dropRows'; from: number; count: number }
  | { op: 'duplicateRow'; row: number };
type Finish = { bom: boolean; newline: '\r\n' | '\n' | '\r'; cutMultibyte: boolean; truncateAt: number | null };

/** First rows of each base upload, split naively (the sample quotes only where needed). */
const bases: Partial<Record<(typeof BASE_KINDS)[number], Table>> = {};

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === ',' && !q) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('dropColumn' as const), at: fc.nat(30) }),
  fc.record({ op: fc.constant('duplicateColumn' as const), at: fc.nat(30) }),
  fc.record({ op: fc.constant('breakQuote' as const), row: fc.nat(25), col: fc.nat(30) }),
  fc.record({
    op: fc.constant('randomValue' as const),
    row: fc.nat(25),
    col: fc.nat(30),
    value: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', ' ', '2021-02-30', '-1', '1e309', 'NaN', '=cmd|/c calc', '"', '""', '\u00a0', '0000-00-00', '99999999999999999999')),
  }),
  fc.record({ op: fc.constant('hugeField' as const), row: fc.nat(25), col: fc.nat(30), size: fc.integer({ min: 1_000, max: 200_000 }) }),
  fc.record({ op: fc.constant('dropRows' as const), from: fc.nat(25), count: fc.nat(30) }),
  fc.record({ op: fc.constant('duplicateRow' as const), row: fc.nat(25) }),
);

function mutate(table: Table, ms: Mutation[]): Table {
  let t = table.map((r) => [...r]);
  const cols = () => Math.max(1, t[0]?.length ?? 1);
  for (const m of ms) {
    if (t.length === 0) break;
    const row = 'row' in m ? m.row % t.length : 0;
    const col = 'col' in m ? m.col % cols() : 0;
    switch (m.op) {
      case 'dropColumn':
        t = t.map((r) => r.filter((_, i) => i !== m.at % cols()));
        break;
      case 'duplicateColumn':
        t = t.map((r) => [...r, r[m.at % cols()] ?? '']);
        break;
      case 'breakQuote':
        if (t[row]) t[row][col] = `"${t[row][col] ?? ''}`;
        break;
      case 'randomValue':
        if (t[row]) t[row][col] = /[",\r\n]/.test(m.value) && m.value.length > 1 ? `"${m.value.replace(/"/g, '""')}"` : m.value;
        break;
      case 'hugeField':
        if (t[row]) t[row][col] = 'x'.repeat(m.size);
        break;
      case 'dropRows':
        t.splice(m.from % t.length, m.count);
        break;
      case 'duplicateRow':
        t.splice(row, 0, [...t[row]]);
        break;
    }
  }
  return t;
}

function finish(t: Table, f: Finish): Uint8Array {
  let bytes = Buffer.from(t.map((r) => r.join(',')).join(f.newline), 'utf8');
  if (f.cutMultibyte) bytes = Buffer.concat([bytes, Buffer.from('é€😀', 'utf8').subarray(0, 5)]);
  if (f.truncateAt !== null) bytes = bytes.subarray(0, f.truncateAt % (bytes.length + 1));
  return f.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

const finishing: fc.Arbitrary<Finish> = fc.record({
  bom: fc.boolean(),
  newline: fc.constantFrom('\r\n' as const, '\n' as const, '\r' as const),
  cutMultibyte: fc.boolean(),
  truncateAt: fc.option(fc.nat(6_000), { freq: 4 }),
});

const kind: fc.Arbitrary<UploadKind> = fc.constantFrom(...UPLOAD_KINDS);

/** One generated upload: bytes and the kind it is declared as. */
const upload: fc.Arbitrary<{ kind: UploadKind; bytes: Uint8Array; how: string }> = fc.oneof(
  fc.record({ kind, bytes: fc.uint8Array({ maxLength: 3_000 }), how: fc.constant('random bytes') }),
  fc.record({
    // Mostly declared as its own kind (so the mutations reach the row rules), sometimes another.
    pair: fc.constantFrom(...BASE_KINDS).chain((base) => fc.tuple(fc.constant(base), fc.oneof({ weight: 3, arbitrary: fc.constant(base as UploadKind) }, { weight: 1, arbitrary: kind }))),
    muts: fc.array(mutation, { maxLength: 6 }),
    fin: finishing,
  }).map(({ pair: [base, k], muts, fin }) => ({ kind: k, bytes: finish(mutate(bases[base]!, muts), fin), how: `mutated ${base}` })),
);

async function check(kind: UploadKind, bytes: Uint8Array) {
  const r = await validateUpload(kind, bytes, { fileName: 'fuzz.csv' });
  expect(r.errorCountsByRule.internal, r.errors.find((e) => e.rule === 'internal')?.message).toBeUndefined();
  expect(Number.isInteger(r.rows) && r.rows >= 0).toBe(true);
  if (r.errorCount > 0) expect(r.data).toBeNull();
  else expect(r.data).not.toBeNull();
}

function runCli(file: string, kind: UploadKind): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/report-cards.mjs'), 'validate', file, '--kind', kind], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // A hang is a failure: kill it and report the signal.
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('fuzzing the ingest', () => {
  let dir: string;

  beforeAll(async () => {
    const sample = await tinySample(5);
    for (const k of BASE_KINDS) {
      const lines = (await readFile(path.join(sample, `${k}.csv`), 'utf8')).split(/\r?\n/).filter(Boolean);
      bases[k] = lines.slice(0, 26).map(splitCsvLine);
    }
    dir = await mkdtemp(path.join(os.tmpdir(), 'rc-fuzz-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the unmutated bases are accepted (so mutations start from valid files)', async () => {
    for (const k of BASE_KINDS) {
      const r = await validateUpload(k, finish(bases[k]!, { bom: false, newline: '\r\n', cutMultibyte: false, truncateAt: null }));
      expect(r.errors).toEqual([]);
    }
  });

  it(`validateUpload answers every one of ${IN_PROCESS_RUNS} generated files with a verdict`, async () => {
    await fc.assert(
      fc.asyncProperty(upload, async ({ kind, bytes }) => check(kind, bytes)),
      { numRuns: IN_PROCESS_RUNS, seed: 20261123, endOnFailure: true },
    );
  });

  it(`the real CLI exits 0 or 1 with a message, never a stack trace or a hang, on ${CLI_RUNS} generated files`, async () => {
    const cases = fc.sample(upload, { numRuns: CLI_RUNS, seed: 424242 });
    const files = await Promise.all(
      cases.map(async (c, i) => {
        const file = path.join(dir, `case-${i}.csv`);
        await writeFile(file, c.bytes);
        return { ...c, file };
      }),
    );
    const problems: string[] = [];
    let next = 0;
    // Two at a time: the machine has two cores.
    await Promise.all(
      [0, 1].map(async () => {
        while (next < files.length) {
          const c = files[next++];
          const r = await runCli(c.file, c.kind);
          const what = `${path.basename(c.file)} (${c.how} as ${c.kind})`;
          if (r.signal) problems.push(`${what}: killed (${r.signal}) after ${CLI_TIMEOUT_MS} ms`);
          else if (r.code !== 0 && r.code !== 1) problems.push(`${what}: exit ${r.code}: ${r.stderr.slice(0, 300)}`);
          else if (r.code === 1 && !r.stderr.trim()) problems.push(`${what}: rejected without a message`);
          else if (!/: (accepted|rejected) \(/.test(r.stdout)) problems.push(`${what}: no verdict on stdout`);
          if (/\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr) || /(TypeError|RangeError|ReferenceError):/.test(r.stderr)) problems.push(`${what}: stack trace on stderr: ${r.stderr.slice(0, 300)}`);
        }
      }),
    );
    expect(problems).toEqual([]);
  });
});
