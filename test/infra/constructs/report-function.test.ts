/**
 * The function construct's bundle, built for real (local esbuild, as `cdk synth` does) from the
 * real handlers: it must carry what the handlers read at run time and load where no node_modules
 * exist, as in Lambda's /var/task.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_PATHS, ESM_BANNER, PROJECT_ROOT } from '../../../infra/constructs/report-function.ts';
import { synthDefault, type Built } from '../synth.ts';

const run = promisify(execFile);
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

  it.each(STAGES)('%s: carries the templates, the four Roboto fonts and the pdfkit font metrics', (stage) => {
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
    expect(readdirSync(path.join(dir, BUNDLE_PATHS.pdfkitData))).toContain('Helvetica.afm');
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
});
