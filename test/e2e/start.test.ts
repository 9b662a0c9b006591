/**
 * `npm start`'s runner, small: every email SES accepted is saved as .eml (the raw bytes sent, after
 * the MessageId came back), the PDFs land in out/reports, the run history in out/runs. Then the
 * real entry as a child process: `--data DIR` with an officer's folder, `--help`, usage errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import Papa from 'papaparse';
import { writeSample } from '../../functions/adapters/sample-files.ts';
import { LOCAL_RECIPIENTS, ROOT } from '../../functions/local/pipeline.ts';
import { start } from '../../functions/local/start.ts';
import { brokenEvents } from './helpers.ts';
import { readPdf } from '../support/pdf-text.ts';
import { FIXTURE_TEMPLATES_DIR, shippedPacks } from '../support/project-files.ts';

let out: string;
let code: number;
const lines: string[] = [];

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'rc-start-'));
  // The tests' own packs, so a pack added to templates/ does not change the counts below.
  code = await start({ outDir: out, source: { sample: { people: 2000, seed: 3, end: '2021-11', months: 24 } }, log: (l) => lines.push(l), templatesDir: FIXTURE_TEMPLATES_DIR });
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('npm start (the embedded default)', () => {
  it('runs the whole pipeline without an error and says where to look', () => {
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/Done: \d+ S3 events handled, 2 pack versions rendered, 10 emails accepted by SES\./);
    expect(lines.join('\n')).toContain('Emails:');
  });

  it('saves previews and the committee sends as .eml files whose attachment is the PDF in out/reports', async () => {
    const mails = (await readdir(path.join(out, 'mail'))).sort();
    expect(mails).toHaveLength(10);
    expect(mails[0]).toMatch(/^001-performance@example\.org\.eml$/);
    const pdfs = await readdir(path.join(out, 'reports'));
    expect(pdfs).toHaveLength(2);
    const board = await simpleParser(await readFile(path.join(out, 'mail', mails.find((m) => m.includes('chair@'))!)));
    expect(board.subject).not.toMatch(/Preview|Revised/);
    const attached = board.attachments[0].content;
    const match = [];
    for (const f of pdfs) if (Buffer.compare(await readFile(path.join(out, 'reports', f)), attached) === 0) match.push(f);
    expect(match).toHaveLength(1);
    expect((await readPdf(new Uint8Array(attached))).pages.length).toBeGreaterThan(1);
  });

  it('leaves the run history for report-cards history', async () => {
    const runs = await readdir(path.join(out, 'runs'));
    expect(runs.length).toBeGreaterThanOrEqual(12);
  });
});

/** The real `npm start` entry (what `npm start -- ARGS` runs), as a child process. */
async function npmStart(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'functions/local/npm-start.ts'), ...args], { cwd: ROOT, timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const NO_STACK = /\n\s+at /;

describe('npm start -- --data DIR (the officer\'s own files)', () => {
  let data: string;
  let dataOut: string;
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    data = await mkdtemp(path.join(os.tmpdir(), 'rc-data-'));
    dataOut = await mkdtemp(path.join(os.tmpdir(), 'rc-data-out-'));
    await writeSample(data, { seed: 5, people: 300, end: '2021-11', months: 24 });
    // As an officer's folder looks: a workbook, a name with capitals and spaces, a draft with
    // errors beside the good extract, and a file that is not an upload.
    const population = Papa.parse<string[]>(await readFile(path.join(data, 'population.csv'), 'utf8'), { skipEmptyLines: true }).data;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Population').addRows(population.map((row, i) => (i === 0 ? row : row.map((v) => (/^\d+$/.test(v) ? Number(v) : v)))));
    await writeFile(path.join(data, 'Population 2021.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    await rm(path.join(data, 'population.csv'));
    await writeFile(path.join(data, 'events-draft.csv'), await brokenEvents(data));
    await writeFile(path.join(data, 'notes.txt'), 'not an upload\n');
    run = await npmStart(['--data', data, '--out', dataOut]);
  }, 300_000);
  afterAll(async () => {
    await rm(data, { recursive: true, force: true });
    await rm(dataOut, { recursive: true, force: true });
  });

  it('puts every upload in the usual order, says which were accepted, and ignores the rest by name', () => {
    expect(run.stdout).toContain('ignored (name does not start with an upload kind): notes.txt');
    const uploaded = [...run.stdout.matchAll(/uploaded (\S+(?: \S+)*?): accepted/g)].map((m) => m[1]);
    expect(uploaded).toEqual([
      'reference/population/Population 2021.xlsx',
      'reference/targets/targets.csv',
      'reference/benchmarks/benchmarks.csv',
      'commentary/commentary.csv',
      'extracts/waiting/waiting.csv',
      'extracts/finance/finance.csv',
      'extracts/providers/providers.csv',
      'extracts/events/events.csv',
    ]);
  });

  it('reports the broken file in one line on stderr and exits 1, with no stack trace', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ {2}uploaded extracts\/events\/events-draft\.csv: REJECTED \(3 errors\); rejection email: \S*\/mail\/001-performance@example\.org\.eml\n$/);
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('saves the rejection email in out/mail, and nothing is lost: the good files still make both packs and their sends', async () => {
    const mails = (await readdir(path.join(dataOut, 'mail'))).sort();
    // npm start -- --data runs the shipped packs: 1 rejection + per pack its preview and its
    // board/clerk sends (the local lists; 2 packs: 1 + 2 × (1 + 4) = 11).
    const packs = await shippedPacks();
    const { lists } = LOCAL_RECIPIENTS;
    const perPack = (p: (typeof packs)[number]) => lists[p.distribution.previewList]!.length + new Set(p.distribution.lists.flatMap((l) => lists[l]!)).size;
    const sends = 1 + packs.reduce((n, p) => n + perPack(p), 0);
    expect(mails).toHaveLength(sends);
    const rejection = await simpleParser(await readFile(path.join(dataOut, 'mail', mails[0]!)));
    expect(rejection.to).toMatchObject({ text: 'performance@example.org' });
    expect(rejection.subject).toBe('Upload rejected: events-draft.csv (events), 3 errors');
    expect(rejection.attachments.map((a) => a.filename)).toEqual(['events-draft.csv.errors.csv']);
    expect(await readdir(path.join(dataOut, 'reports'))).toHaveLength(packs.length);
    expect(run.stdout).toContain(`pack versions rendered, ${sends} emails accepted by SES.`);
    expect(run.stdout).toMatch(new RegExp(`Done: \\d+ S3 events handled, ${packs.length} pack versions rendered`));
    expect(run.stdout).toContain('Rejected: 1 upload;');
  });
});

describe('npm start: --help and usage errors', () => {
  it('explains both modes on --help, exit 0', async () => {
    const r = await npmStart(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm start -- --data DIR');
    expect(r.stdout).toContain('seeded sample council');
    expect(r.stderr).toBe('');
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--data'], '--data needs a folder'],
    [['--data', '/nonexistent/report-cards-data'], 'no such folder'],
    [['--data', 'templates/packs'], 'has no upload files'],
  ])('%j: one sentence on stderr, exit 2, no stack trace', async (args, says) => {
    const r = await npmStart(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^npm start: [^\n]+ \(npm start -- --help explains the options\)\.\n$/);
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toMatch(NO_STACK);
  });
});
