/**
 * `report-cards validate FILE --kind KIND [--json]` (cli.md): checks one upload against
 * extract-spec.md with the same core code the ingest Lambda runs. Problems go to stderr as
 * `FILE:ROW:COLUMN: error|warning: message` lines (stdout gets a one-line verdict), or, with
 * `--json`, one JSON document to stdout. Exit 0 accepted, 1 rejected, 2 usage or unreadable file.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { UPLOAD_KINDS, type UploadKind } from '../../core/uploads/kinds/index.ts';
import type { UploadIssue } from '../../core/uploads/parsed.ts';
import { formatIssueLines } from '../../core/uploads/report.ts';
import { validateUpload } from '../../core/uploads/validate-upload.ts';

export const help = `Usage: report-cards validate FILE --kind KIND [--json]

Checks one upload against the upload formats (extract-spec.md) and prints its warnings and
errors, one a line: FILE:ROW:COLUMN: error: message (ROW 1 is the first data row, 0 the whole
file; COLUMN is the normalised column name).

  --kind KIND   one of: ${UPLOAD_KINDS.join(', ')}
  --json        print { kind, rows, errors, warnings } as JSON on stdout instead

Exit codes: 0 accepted, 1 rejected (any error), 2 usage error or the file cannot be opened.`;

function usage(message: string): number {
  process.stderr.write(`report-cards validate: ${message}\n\n${help}\n`);
  return 2;
}

export async function run(args: string[]): Promise<number> {
  let values: { kind?: string; json?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { kind: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
  if (positionals.length !== 1) return usage(positionals.length ? 'give exactly one FILE' : 'FILE is required');
  const kind = values.kind;
  if (!kind) return usage('--kind KIND is required');
  if (!(UPLOAD_KINDS as readonly string[]).includes(kind)) return usage(`unknown kind '${kind}'; use one of ${UPLOAD_KINDS.join(', ')}`);
  const file = positionals[0];

  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      process.stderr.write(`report-cards validate: ${file} is not a file\n`);
      return 2;
    }
  } catch (e) {
    process.stderr.write(`report-cards validate: cannot open ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  const stream = handle.createReadStream({ highWaterMark: 1024 * 1024 });
  const result = await validateUpload(kind as UploadKind, stream, { fileName: file });
  stream.destroy();

  if (values.json) {
    const { rows, errorCount, warningCount, errorCountsByRule } = result;
    // cli.md's fields, values included: this output stays on the officer's machine.
    const contract = ({ row, column, value, rule, message }: UploadIssue) => ({ row, column, value, rule, message });
    const [errors, warnings] = [result.errors.map(contract), result.warnings.map(contract)];
    process.stdout.write(`${JSON.stringify({ kind, rows, errors, warnings, errorCount, warningCount, errorCountsByRule }, null, 2)}\n`);
  } else {
    const lines = formatIssueLines(file, result);
    if (lines.length) process.stderr.write(`${lines.join('\n')}\n`);
    const verdict = result.errorCount > 0 ? 'rejected' : 'accepted';
    process.stdout.write(`${file}: ${verdict} (${kind}, ${result.rows} rows, ${result.errorCount} errors, ${result.warningCount} warnings)\n`);
  }
  return result.errorCount > 0 ? 1 : 0;
}
