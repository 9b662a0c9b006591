/**
 * The function construct's bundle, built for real (local esbuild, as `cdk synth` does) from the
 * real handlers: it must carry what the handlers read at run time and load where no node_modules
 * exist, as in Lambda's /var/task.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_PATHS, ESM_BANNER, PROJECT_ROOT } from '../../../infra/constructs/report-function.ts';
import { synthDefault, type Built } from '../synth.ts';
import { readPdf } from '../../support/pdf-text.ts';
import ExcelJS from 'exceljs';

const run = promisify(execFile);

/**
 * The start of a smoke script run in a copy of a bundle: an in-memory ObjectStore (the port every
 * handler takes; the S3 adapter has its own tests) holding `objects`, the deps a handler needs, and
 * `s3Event(key)`, the notification Lambda would pass.
 */
const SMOKE_SETUP = `
const stored = (k) => ({ key: k, size: objects.get(k).length, lastModified: new Date('2021-12-01T09:00:00Z') });
const store = {
  async getStream(k) { return objects.has(k) ? { ...stored(k), versionId: null, body: [objects.get(k)] } : null; },
  async getBytes(k) { return objects.get(k) ?? null; },
  async put(k, body) { objects.set(k, Buffer.from(body)); },
  async putStream(k, body) { const parts = []; for await (const c of body) parts.push(Buffer.from(c)); objects.set(k, Buffer.concat(parts)); },
  async head(k) { return objects.has(k) ? stored(k) : null; },
  async list(p) { return [...objects.keys()].filter((k) => k.startsWith(p)).map(stored); },
  async listVersions(p) { return (await store.list(p)).map((o) => ({ ...o, versionId: null })); },
  async presignGet() { throw new Error('not used in the smoke test'); },
};
const deps = { store, clock: { now: () => new Date('2021-12-01T09:00:00Z') }, sender: 'a@example.org',
  templatesDir: process.env.TEMPLATES_DIR, fontsDir: process.env.FONTS_DIR };
const s3Event = (key) => ({ Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', awsRegion: 'eu-west-2',
  s3: { bucket: { name: 'data-bucket', arn: 'arn:aws:s3:::data-bucket' }, object: { key, size: 1 } } }] });
`;

/** The bundled render handler over a measures document (argv[2]); writes each PDF beside the script. */
const RENDER_SMOKE = `
import { readFileSync, writeFileSync } from 'node:fs';
const { createRender } = await import('./index.mjs');
const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const key = 'measures/' + doc.period + '.json';
const objects = new Map([[key, Buffer.from(JSON.stringify(doc))]]);
${SMOKE_SETUP}
const result = await createRender(deps)(s3Event(key));
result.rendered.forEach((k, i) => writeFileSync('out-' + i + '.pdf', objects.get(k)));
console.log(JSON.stringify(result));
`;

/** The bundled ingest handler over one upload (file argv[2], key argv[3]); prints the validation record it wrote. */
const INGEST_SMOKE = `
import { readFileSync } from 'node:fs';
const { createIngest } = await import('./index.mjs');
const objects = new Map([[process.argv[3], readFileSync(process.argv[2])]]);
${SMOKE_SETUP}
await createIngest(deps)(s3Event(process.argv[3]));
const record = [...objects.keys()].find((k) => k.startsWith('validation/'));
console.log(record ? JSON.stringify(JSON.parse(objects.get(record).toString('utf8'))) : 'no validation record');
`;

/** A real measures document for a small generated council, through the CLI the officers use. */
async function sampleMeasures(dir: string): Promise<string> {
  const cli = path.join(PROJECT_ROOT, 'bin/report-cards.mjs');
  await run(process.execPath, [cli, 'sample', '--out', dir, '--people', '200', '--seed', '7'], { cwd: PROJECT_ROOT });
  const kinds = ['events', 'population', 'targets', 'benchmarks', 'waiting', 'finance', 'providers', 'commentary'];
  const inputs = kinds.filter((k) => existsSync(path.join(dir, `${k}.csv`))).flatMap((k) => [`--${k}`, path.join(dir, `${k}.csv`)]);
  const { stdout } = await run(process.execPath, [cli, 'measures', ...inputs], { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 });
  const doc = JSON.parse(stdout);
  // As ingest records them: which upload of each kind the measures came from (render's readiness check).
  doc.uploads = Object.fromEntries(kinds.map((k) => [k, `uploads/${k}.csv`]));
  const file = path.join(dir, 'measures.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}
/** The entry parses the environment when loaded (a bad one fails the cold start), so the smoke scripts give a valid one. */
const SMOKE_ENV = { AWS_REGION: 'eu-west-2', BUCKET: 'data-bucket', LEDGER_TABLE: 'send-ledger', SENDER: 'a@example.org' };

const STAGES = ['Ingest', 'Render', 'Distribute', 'Schedule'] as const;

let built: Built;
let outdir: string;
const assetDirs = new Map<string, string>();

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'report-function-'));
  built = synthDefault({ bundle: true, outdir });
  const functions = built.stateless$.findResources('AWS::Lambda::Function');
  for (const stage of STAGES) {
    const [, fn] = Object.entries(functions).find(([id]) => id.startsWith(`${stage}Function`))!;
    const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
    assetDirs.set(stage, path.join(outdir, `asset.${hash}`));
  }
});

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('ReportFunction bundle', () => {
  it.each(STAGES)('%s: one ESM file with the require/__dirname banner and a source map', (stage) => {
    const dir = assetDirs.get(stage)!;
    const code = readFileSync(path.join(dir, 'index.mjs'), 'utf8');
    expect(code.startsWith(ESM_BANNER)).toBe(true);
    expect(existsSync(path.join(dir, 'index.mjs.map'))).toBe(true);
    // The AWS SDK is bundled (the tested version is the deployed one), so nothing imports it at run time.
    expect(code).not.toMatch(/from\s*["']@aws-sdk\//);
  });

  it.each(STAGES)('%s: carries the templates, the four Roboto fonts and pdfkit\'s data files', (stage) => {
    const dir = assetDirs.get(stage)!;
    const templates = readdirSync(path.join(PROJECT_ROOT, 'templates'), { recursive: true }).map(String).sort();
    expect(templates.length).toBeGreaterThan(0);
    expect(readdirSync(path.join(dir, BUNDLE_PATHS.templates), { recursive: true }).map(String).sort()).toEqual(templates);
    expect(readdirSync(path.join(dir, BUNDLE_PATHS.fonts)).sort()).toEqual([
      'Roboto-Italic.ttf',
      'Roboto-Medium.ttf',
      'Roboto-MediumItalic.ttf',
      'Roboto-Regular.ttf',
    ]);
    const original = readFileSync(path.join(PROJECT_ROOT, 'node_modules/pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
    expect(readFileSync(path.join(dir, BUNDLE_PATHS.fonts, 'Roboto-Regular.ttf')).equals(original)).toBe(true);
    const pdfkitData = readdirSync(path.join(PROJECT_ROOT, 'node_modules/pdfkit/js/data')).sort();
    expect(pdfkitData).toEqual(expect.arrayContaining(['Helvetica.afm', 'sRGB_IEC61966_2_1.icc']));
    expect(readdirSync(path.join(dir, BUNDLE_PATHS.pdfkitData)).sort()).toEqual(pdfkitData);
  });

  it.each(STAGES)('%s: loads and exports handler where no node_modules exist', async (stage) => {
    const task = mkdtempSync(path.join(tmpdir(), 'var-task-'));
    try {
      cpSync(assetDirs.get(stage)!, task, { recursive: true });
      const { stdout } = await run(
        process.execPath,
        ['--input-type=module', '-e', `const m = await import(${JSON.stringify(path.join(task, 'index.mjs'))}); console.log(typeof m.handler);`],
        {
          cwd: task,
          env: {
            PATH: process.env.PATH,
            AWS_REGION: 'eu-west-2',
            ...built.stateless$.findResources('AWS::Lambda::Function')[
              Object.keys(built.stateless$.findResources('AWS::Lambda::Function')).find((id) => id.startsWith(`${stage}Function`))!
            ]!.Properties.Environment.Variables,
            BUCKET: 'data-bucket',
            LEDGER_TABLE: 'send-ledger',
            TEMPLATES_DIR: path.join(task, BUNDLE_PATHS.templates),
            FONTS_DIR: path.join(task, BUNDLE_PATHS.fonts),
          },
        },
      );
      expect(stdout.trim()).toBe('function');
    } finally {
      rmSync(task, { recursive: true, force: true });
    }
  });

  it('render: the bundled handler renders every pack to a readable PDF with only the bundle on disk', async () => {
    const task = mkdtempSync(path.join(tmpdir(), 'var-task-'));
    const sample = mkdtempSync(path.join(tmpdir(), 'sample-'));
    try {
      cpSync(assetDirs.get('Render')!, task, { recursive: true });
      writeFileSync(path.join(task, 'smoke.mjs'), RENDER_SMOKE);
      const measures = await sampleMeasures(sample);
      const { stdout } = await run(process.execPath, ['smoke.mjs', measures], {
        cwd: task,
        env: {
          PATH: process.env.PATH,
          ...SMOKE_ENV,
          TEMPLATES_DIR: path.join(task, BUNDLE_PATHS.templates),
          FONTS_DIR: path.join(task, BUNDLE_PATHS.fonts),
        },
      });
      const packs = readdirSync(path.join(PROJECT_ROOT, 'templates/packs')).filter((f) => f.endsWith('.json'));
      const rendered = (JSON.parse(stdout.trim().split('\n').pop()!) as { rendered: string[] }).rendered;
      expect(rendered).toHaveLength(packs.length);
      for (let i = 0; i < rendered.length; i++) {
        const bytes = readFileSync(path.join(task, `out-${i}.pdf`));
        const pdf = await readPdf(bytes);
        expect(pdf.pages.length).toBeGreaterThan(1);
        // The tagging reaches pdfmake's own classes inside the bundle too.
        expect(bytes.toString('latin1')).toMatch(/\/S \/H2\n/);
        expect(pdf.pages[0]).not.toBe('');
      }
    } finally {
      rmSync(task, { recursive: true, force: true });
      rmSync(sample, { recursive: true, force: true });
    }
  });

  it('ingest: the bundled handler reads an .xlsx upload (zip and XML readers bundled) with only the bundle on disk', async () => {
    const task = mkdtempSync(path.join(tmpdir(), 'var-task-'));
    try {
      cpSync(assetDirs.get('Ingest')!, task, { recursive: true });
      writeFileSync(path.join(task, 'smoke.mjs'), INGEST_SMOKE);
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Population').addRows([['LA Code', 'Year', 'Age band', 'Population'], ['E08000018', 2021, '18-64', 160000], ['E08000018', 2021, '65+', 50000]]);
      writeFileSync(path.join(task, 'population.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
      const { stdout } = await run(process.execPath, ['smoke.mjs', 'population.xlsx', 'reference/population/population.xlsx'], {
        cwd: task,
        env: { PATH: process.env.PATH, ...SMOKE_ENV, TEMPLATES_DIR: path.join(task, BUNDLE_PATHS.templates), FONTS_DIR: path.join(task, BUNDLE_PATHS.fonts) },
      });
      const record = JSON.parse(stdout.trim().split('\n').pop()!);
      expect(record).toMatchObject({ key: 'reference/population/population.xlsx', kind: 'population', accepted: true, rows: 2, errorCount: 0 });
    } finally {
      rmSync(task, { recursive: true, force: true });
    }
  });
});
