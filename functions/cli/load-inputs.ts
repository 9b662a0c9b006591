/**
 * The upload options that `measures` and `render` share (cli.md: "same inputs as measures"):
 * parse them, check each file can be opened, validate every file with validateUpload, print the
 * problems as `validate` does, and hand back MeasureInputs for computeMeasures. One place, so the
 * two commands accept exactly the same files and reject them the same way. The options, their
 * help and which may be repeated are read from the registry of upload kinds.
 */
import fs from 'node:fs';
import { assembleInputs } from '../core/measures/inputs.ts';
import { isSnapshotKind, KINDS, PERIOD_KIND, UPLOAD_KINDS, type UploadKind } from '../core/uploads/kinds/index.ts';
import type { MeasureInputs } from '../core/uploads/parsed.ts';
import { formatIssueLines } from '../core/uploads/report.ts';
import { validateUpload, type UploadResult } from '../core/uploads/validate-upload.ts';

/**
 * `parseArgs` option declarations for the inputs: `--<kind> FILE`. A snapshot kind's option may be
 * repeated, each file holding one month or many; for a month several files hold, the file named
 * later wins (as the newer upload does in the bucket).
 */
export const INPUT_OPTIONS = Object.fromEntries(
  UPLOAD_KINDS.map((kind) => [kind, isSnapshotKind(kind) ? { type: 'string' as const, multiple: true } : { type: 'string' as const }]),
) as Record<UploadKind, { type: 'string'; multiple?: boolean }>;

const HELP_COLUMN = 22;

/** One line per option (`--events FILE` then its help), continuation lines indented under the help. */
export const INPUT_HELP = UPLOAD_KINDS.map((kind) =>
  `  --${kind} FILE`.padEnd(HELP_COLUMN - 1).concat(' ', KINDS[kind].help.split('\n').join(`\n${' '.repeat(HELP_COLUMN)}`)),
).join('\n');

/**
 * The usage line `lead` followed by the inputs, wrapped at `width` columns with continuation lines
 * indented under the command's first option (`Usage: report-cards <command> `).
 */
export function inputUsage(lead: string, width = 92): string {
  const words = UPLOAD_KINDS.map((k) => (k === PERIOD_KIND ? `--${k} FILE` : isSnapshotKind(k) ? `[--${k} FILE]...` : `[--${k} FILE]`));
  const indent = ' '.repeat(lead.split(' ', 3).join(' ').length + 1);
  const lines = [lead.trimEnd()];
  for (const w of words) {
    const last = lines.length - 1;
    if (lines[last].length + 1 + w.length > width) lines.push(`${indent}${w}`);
    else lines[last] = `${lines[last]} ${w}`;
  }
  return lines.join('\n');
}

export type LoadResult = { ok: true; inputs: MeasureInputs } | { ok: false; exitCode: 1 | 2 };

/**
 * Validates the files named in `values` (from parseArgs with INPUT_OPTIONS). Problems go to
 * `stderr`; exit code 2 when a file cannot be opened, 1 when any is rejected.
 */
export async function loadInputs(
  command: string,
  values: Record<string, unknown>,
  stderr: (text: string) => void = (t) => process.stderr.write(t),
): Promise<LoadResult> {
  const files: { kind: UploadKind; path: string }[] = [];
  for (const kind of UPLOAD_KINDS) {
    const given = values[kind];
    for (const path of typeof given === 'string' ? [given] : ((given as string[] | undefined) ?? [])) files.push({ kind, path });
  }
  for (const { path } of files) {
    try {
      await fs.promises.access(path, fs.constants.R_OK);
    } catch {
      stderr(`report-cards ${command}: cannot open ${path}\n`);
      return { ok: false, exitCode: 2 };
    }
  }
  const results: { kind: UploadKind; path: string; result: UploadResult }[] = [];
  for (const file of files) {
    results.push({ ...file, result: await validateUpload(file.kind, fs.createReadStream(file.path), { fileName: file.path }) });
  }
  for (const { path, result } of results) {
    const lines = formatIssueLines(path, result);
    if (lines.length) stderr(`${lines.join('\n')}\n`);
  }
  if (results.some(({ result }) => result.errorCount > 0 || result.data === null)) return { ok: false, exitCode: 1 };
  // The commands insist on the period's kind before calling this, so there is always one here.
  const assembled = assembleInputs(results.map(({ kind, path, result }) => ({ kind, name: path, data: result.data })));
  return assembled ? { ok: true, inputs: assembled.inputs } : { ok: false, exitCode: 2 };
}
