/**
 * The upload options that `measures` and `render` share (cli.md: "same inputs as measures"):
 * parse them, check each file can be opened, validate every file with validateUpload, print the
 * problems as `validate` does, and hand back MeasureInputs for computeMeasures. One place, so the
 * two commands accept exactly the same files and reject them the same way.
 */
import fs from 'node:fs';
import { SNAPSHOT_KINDS, type MeasureInputs, type UploadKind } from '../core/uploads/parsed.ts';
import { formatIssueLines } from '../core/uploads/report.ts';
import { validateUpload, type UploadResult } from '../core/uploads/validate-upload.ts';

export const SINGLE_INPUTS = ['events', 'population', 'targets', 'benchmarks', 'commentary'] as const;
/**
 * Snapshot kinds: the option may be repeated, each file holding one month or many; for a month
 * several files hold, the file named later wins (as the newer upload does in the bucket).
 */
export const MULTIPLE_INPUTS = SNAPSHOT_KINDS;

/** `parseArgs` option declarations for the inputs. */
export const INPUT_OPTIONS = {
  ...Object.fromEntries(SINGLE_INPUTS.map((k) => [k, { type: 'string' as const }])),
  ...Object.fromEntries(MULTIPLE_INPUTS.map((k) => [k, { type: 'string' as const, multiple: true }])),
} as Record<(typeof SINGLE_INPUTS)[number] | (typeof MULTIPLE_INPUTS)[number], { type: 'string'; multiple?: boolean }>;

export const INPUT_HELP = `  --events FILE       CLD events extract (required)
  --population FILE   ONS population estimates (rates need it)
  --targets FILE      targets per measure and financial year
  --benchmarks FILE   comparator values
  --waiting FILE      people waiting at month ends (one month or many; may be repeated,
                      a later file wins for a month two files hold)
  --finance FILE      budget monitoring, one month or many (may be repeated, likewise)
  --providers FILE    commissioned providers, one month or many (may be repeated, likewise)
  --commentary FILE   officers' commentary`;

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
  for (const kind of SINGLE_INPUTS) if (typeof values[kind] === 'string') files.push({ kind, path: values[kind] as string });
  for (const kind of MULTIPLE_INPUTS) for (const path of (values[kind] as string[] | undefined) ?? []) files.push({ kind, path });
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
  // Single kinds are one parsed upload; repeatable kinds are lists in the order given.
  const bag: Record<string, unknown> = {};
  for (const { kind, result } of results) {
    if ((MULTIPLE_INPUTS as readonly string[]).includes(kind)) bag[kind] = [...((bag[kind] as unknown[]) ?? []), result.data];
    else bag[kind] = result.data;
  }
  return { ok: true, inputs: bag as unknown as MeasureInputs };
}
