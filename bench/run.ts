/**
 * `npm run bench`: speed and memory, each figure beside a reference measured in the same run.
 *
 *  1. Ingest: a 1,000,000-row events extract (seeded sample generator) validated and every measure
 *     computed by the project, against DuckDB reading the same CSV and computing a subset.
 *     Targets (issue 3): ≤ 10 s, ≤ 512 MB peak RSS, ≤ 3× DuckDB.
 *  2. Render: a 30-card pack, against pdfmake laying out 30 plain pages.
 *     Targets (issue 4): ≤ 2 s, ≤ 2 MB.
 *  3. Workbooks: 100,000 event rows validated from an .xlsx, against the same rows as CSV.
 *  4. Workbook limits: the 1,000,000-row extract as an .xlsx (within Excel's and the reader's
 *     limits) against the same rows as CSV; the slowest hostile workbook to refuse and the one
 *     that takes the most memory (test/support/hostile-workbooks.ts), against that .xlsx.
 *     Targets (issue 11): a hostile workbook refused within seconds and under 512 MB; every task of
 *     this section runs with --max-old-space-size=512, the ingest function's memory.
 * Each task runs in its own child process so its peak RSS is its own. `npm run bench -- limits`
 * runs only the named sections (ingest, render, workbooks, limits).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { eventsCsvLines } from '../functions/core/sample/index.ts';
import { writeSample } from '../functions/adapters/sample-files.ts';
import { computeMeasures } from '../functions/core/measures/compute.ts';
import { validateUpload } from '../functions/core/uploads/validate-upload.ts';
import { createReadStream } from 'node:fs';
import { writeEventsWorkbook } from './fixtures/events-workbook.ts';
import { writeLargeEventsWorkbook } from './fixtures/large-events-workbook.ts';
import { HOSTILE, manyBlankCells } from '../test/support/hostile-workbooks.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, '.bench');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const sections = process.argv.slice(2);
const runs = (section: string) => sections.length === 0 || sections.includes(section);

interface Figures {
  task: string;
  wallSeconds: number;
  peakRssMb: number;
  [key: string]: unknown;
}

function child(task: string, ...args: string[]): Figures {
  return childWith([], task, ...args);
}

/** The ingest function's heap: the limits section runs its workbooks and their CSV inside it. */
const LAMBDA_HEAP = ['--max-old-space-size=512'];

function childWith(nodeOptions: string[], task: string, ...args: string[]): Figures {
  const out = execFileSync(process.execPath, [...nodeOptions, '--import', 'tsx', path.join(root, 'bench/measure-child.ts'), task, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

async function writeLines(file: string, lines: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const stream = createWriteStream(file);
  for await (const line of lines) {
    if (!stream.write(line)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

const WORKBOOK_ROWS = Math.min(ROWS, 100_000);

interface Inputs {
  events: string;
  population: string;
  document: string;
  workbookCsv: string;
  workbook: string;
  largeWorkbook: string;
  slowestHostile: string;
  largestHostile: string;
}

async function prepare(): Promise<Inputs> {
  await mkdir(work, { recursive: true });
  const events = path.join(work, `events-${ROWS}.csv`);
  const sampleDir = path.join(work, 'sample');
  if (!existsSync(events)) {
    process.stdout.write(`generating a ${ROWS.toLocaleString('en-GB')}-row events extract…\n`);
    await writeLines(events, eventsCsvLines({ seed: 1, targetRows: ROWS }));
  }
  // Excel holds at most 1,048,576 rows; a tenth of that keeps the workbook side of the run short.
  const workbookCsv = path.join(work, `events-${WORKBOOK_ROWS}.csv`);
  const workbook = path.join(work, `events-${WORKBOOK_ROWS}.xlsx`);
  if (runs('workbooks') && !existsSync(workbook)) {
    process.stdout.write(`writing ${WORKBOOK_ROWS.toLocaleString('en-GB')} event rows as .csv and .xlsx…\n`);
    await writeLines(workbookCsv, eventsCsvLines({ seed: 1, targetRows: WORKBOOK_ROWS }));
    await writeEventsWorkbook(workbookCsv, workbook);
  }
  // The whole extract as a workbook: within Excel's 1,048,576 rows, so within the reader's limits.
  const largeWorkbook = path.join(work, `events-${ROWS}.xlsx`);
  const slowestHostile = path.join(work, 'hostile-many-blank-cells.xlsx');
  const largestHostile = path.join(work, 'hostile-wide-header.xlsx');
  if (runs('limits')) {
    if (!existsSync(largeWorkbook)) {
      process.stdout.write(`writing ${ROWS.toLocaleString('en-GB')} event rows as .xlsx…\n`);
      await writeLargeEventsWorkbook(events, largeWorkbook);
    }
    await writeFile(slowestHostile, manyBlankCells());
    await writeFile(largestHostile, HOSTILE['wide-header'].build());
  }
  const population = path.join(sampleDir, 'population.csv');
  // The render benchmark draws the default sample's measures.
  const document = path.join(work, 'sample-measures.json');
  if (runs('ingest') || runs('render')) {
    await writeSample(sampleDir, { seed: 1 });
    const ev = await validateUpload('events', createReadStream(path.join(sampleDir, 'events.csv')));
    const pop = await validateUpload('population', createReadStream(population));
    if (!ev.data || !pop.data) throw new Error('the default sample did not validate');
    await writeFile(document, JSON.stringify(computeMeasures({ events: ev.data, population: pop.data })));
  }
  return { events, population, document, workbookCsv, workbook, largeWorkbook, slowestHostile, largestHostile };
}

function row(label: string, f: Figures, extra = ''): string {
  return `${label.padEnd(34)} ${f.wallSeconds.toFixed(2).padStart(7)} s ${f.peakRssMb.toFixed(0).padStart(6)} MB  ${extra}`;
}

const inputs = await prepare();
const rowsPerSecond = (f: Figures) => `${Math.round(Number(f.rows) / f.wallSeconds).toLocaleString('en-GB')} rows/s`;
const lines: string[] = [];
const results: Record<string, Figures> = {};

if (runs('ingest')) {
  const project = (results.project = child('project', inputs.events, inputs.population));
  const duck = (results.duck = child('duckdb', inputs.events));
  lines.push(
    `Ingest: ${Number(project.rows).toLocaleString('en-GB')} event rows`,
    row('  project: validate + all measures', project, `${rowsPerSecond(project)} (measures ${Number(project.measuresSeconds).toFixed(2)} s)`),
    row('  DuckDB: read_csv + 3 measures', duck, rowsPerSecond(duck)),
    `  ratio project / DuckDB: ${(project.wallSeconds / duck.wallSeconds).toFixed(2)}× wall, ${(project.peakRssMb / duck.peakRssMb).toFixed(2)}× peak RSS` +
      `   (targets: ≤ 10 s, ≤ 512 MB, ≤ 3×)`,
  );
}
if (runs('render')) {
  const render = (results.render = child('render', inputs.document, path.join(work, 'bench-30.pdf')));
  const reference = (results.reference = child('render-reference'));
  lines.push(
    `Render: ${render.cards}-card pack`,
    row('  project: report cards', render, `render ${Number(render.renderSeconds).toFixed(2)} s, ${(Number(render.bytes) / 1e6).toFixed(2)} MB PDF`),
    row('  pdfmake: 30 plain pages', reference, `render ${Number(reference.renderSeconds).toFixed(2)} s, ${(Number(reference.bytes) / 1e6).toFixed(2)} MB PDF`),
    `  ratio report cards / plain pages: ${(Number(render.renderSeconds) / Number(reference.renderSeconds)).toFixed(2)}× render time   (targets: ≤ 2 s, ≤ 2 MB)`,
  );
}
if (runs('workbooks')) {
  const fromXlsx = (results.fromXlsx = child('validate', 'events', inputs.workbook));
  const fromCsv = (results.fromCsv = child('validate', 'events', inputs.workbookCsv));
  lines.push(
    `Workbooks: ${Number(fromXlsx.rows).toLocaleString('en-GB')} event rows validated`,
    row('  project: from .xlsx', fromXlsx, rowsPerSecond(fromXlsx)),
    row('  project: the same rows from .csv', fromCsv, rowsPerSecond(fromCsv)),
    `  ratio .xlsx / .csv: ${(fromXlsx.wallSeconds / fromCsv.wallSeconds).toFixed(2)}× wall, ${(fromXlsx.peakRssMb / fromCsv.peakRssMb).toFixed(2)}× peak RSS`,
  );
}
if (runs('limits')) {
  const large = (results.largeXlsx = childWith(LAMBDA_HEAP, 'validate', 'events', inputs.largeWorkbook));
  const largeCsv = (results.largeCsv = childWith(LAMBDA_HEAP, 'validate', 'events', inputs.events));
  const slowest = (results.slowestHostile = childWith(LAMBDA_HEAP, 'reject', 'population', inputs.slowestHostile));
  const largest = (results.largestHostile = childWith(LAMBDA_HEAP, 'reject', 'population', inputs.largestHostile));
  const vsLarge = (f: Figures) => `${(f.wallSeconds / large.wallSeconds).toFixed(2)}× wall, ${(f.peakRssMb / large.peakRssMb).toFixed(2)}× peak RSS of the ${Number(large.rows).toLocaleString('en-GB')}-row .xlsx`;
  lines.push(
    `Workbook limits: ${Number(large.rows).toLocaleString('en-GB')} event rows, and hostile workbooks refused (each in a 512 MB heap)`,
    row('  project: from .xlsx', large, rowsPerSecond(large)),
    row('  project: the same rows from .csv', largeCsv, rowsPerSecond(largeCsv)),
    `  ratio .xlsx / .csv: ${(large.wallSeconds / largeCsv.wallSeconds).toFixed(2)}× wall, ${(large.peakRssMb / largeCsv.peakRssMb).toFixed(2)}× peak RSS`,
    row('  refused: 33.8M blank cells', slowest, vsLarge(slowest)),
    row('  refused: a header to XFD, 1M rows', largest, vsLarge(largest)),
    '  (targets: a hostile workbook refused within seconds, ≤ 512 MB)',
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
await writeFile(path.join(work, sections.length ? `results-${sections.join('-')}.json` : 'results.json'), JSON.stringify(results, null, 2));
