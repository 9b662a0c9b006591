/**
 * core/ is pure (architecture.md): no file system, no child processes, no AWS SDK, no environment,
 * no clock, and nothing imported from outside core/. The reading and writing lives in adapters/.
 * Review alone lets this drift one convenient import at a time, so every file under
 * functions/core is scanned here and a single offending line fails the suite, naming the line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = path.resolve(import.meta.dirname, '../../functions/core');

/** Modules core must never load: they reach the disk, other processes or AWS. */
const BANNED_MODULE = /^(node:)?(fs|fs\/promises|child_process)$|^@aws-sdk\//;

/** Every module specifier a line names: static imports and re-exports, dynamic import(), require(). */
const SPECIFIERS = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\s+['"]([^'"]+)['"]/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];

/** Ways to read the environment or the clock; core takes both as arguments instead. */
const IMPURE_TEXT: [RegExp, string][] = [
  [/\bprocess\.env\b/, 'mentions process.env'],
  [/\bDate\.now\s*\(/, 'reads the clock (Date.now())'],
  [/\bnew\s+Date\s*\(\s*\)/, 'reads the clock (new Date())'],
];

/** The problems of one file's text, as `file:line: what`; `file` is its path under functions/core. */
function impurities(file: string, text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    for (const pattern of SPECIFIERS) {
      for (const [, spec] of line.matchAll(pattern)) {
        if (BANNED_MODULE.test(spec)) problems.push(`${at}: imports ${spec}`);
        const resolved = path.posix.normalize(path.posix.join('functions/core', path.posix.dirname(file), spec));
        if (spec.startsWith('.') && !resolved.startsWith('functions/core/')) problems.push(`${at}: imports ${spec}, outside core/`);
      }
    }
    for (const [pattern, what] of IMPURE_TEXT) if (pattern.test(line)) problems.push(`${at}: ${what}`);
  });
  return problems;
}

function coreFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? coreFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('functions/core is pure', () => {
  it('no file under functions/core touches the file system, child processes, the AWS SDK, the environment or the clock', () => {
    const files = coreFiles(CORE);
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((f) => impurities(path.relative(CORE, f).split(path.sep).join('/'), readFileSync(f, 'utf8')));
    expect(problems).toEqual([]);
  });

  // The scan is only as good as its patterns: each must catch the form it is there for.
  it.each([
    ["import { readFile } from 'node:fs/promises';", 'imports node:fs/promises'],
    ["import { existsSync } from 'node:fs';", 'imports node:fs'],
    ["import fs from 'fs';", 'imports fs'],
    ["export { readFile } from 'fs/promises';", 'imports fs/promises'],
    ["const { execFile } = await import('node:child_process');", 'imports node:child_process'],
    ["const cp = require('child_process');", 'imports child_process'],
    ["import { S3Client } from '@aws-sdk/client-s3';", 'imports @aws-sdk/client-s3'],
    ["import '@aws-sdk/client-ses';", 'imports @aws-sdk/client-ses'],
    ['const bucket = process.env.BUCKET;', 'mentions process.env'],
    ['const at = Date.now();', 'reads the clock (Date.now())'],
    ['const at = new Date().toISOString();', 'reads the clock (new Date())'],
    ["import { systemClock } from '../../adapters/clock.ts';", 'imports ../../adapters/clock.ts, outside core/'],
  ])('catches %s', (line, what) => {
    expect(impurities('cards/example.ts', line)).toEqual([`cards/example.ts:1: ${what}`]);
  });

  it('lets pure lines through', () => {
    const pure = [
      "import path from 'node:path';",
      "import { createHash } from 'node:crypto';",
      "import { card } from './card.ts';",
      "import type { MeasuresDocument } from '../measures/document.ts';",
      'const created = new Date(options.generatedAt);',
      "const fsName = 'report-cards/fonts';",
    ].join('\n');
    expect(impurities('cards/example.ts', pure)).toEqual([]);
  });
});
