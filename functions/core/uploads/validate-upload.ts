/**
 * The one entry point from bytes to parsed data: reads the CSV stream (or an .xlsx workbook's
 * first sheet, record-source.ts), checks the header, applies
 * the kind's row and cross-row rules, and returns every problem found. It never throws on any
 * input: whole-file problems become issues on row 0. Data is null whenever there is an error,
 * so no number is ever computed from a file with rows silently dropped.
 */
import { CsvFormatError, type ByteSource, type CsvBatch } from './csv-reader.ts';
import { hasRequiredColumns, resolveHeader } from './headers.ts';
import { DEFAULT_MAX_ISSUES, IssueLog } from './issues.ts';
import { KINDS, kindDefinition, type ParsedUpload, type UploadKind } from './kinds/index.ts';
import type { UploadIssue } from './parsed.ts';
import { readRecordBatches } from './record-source.ts';
import { RowReader } from './row-reader.ts';

export type { ParsedUpload } from './kinds/index.ts';

export interface UploadResult<K extends UploadKind = UploadKind> {
  kind: K;
  fileName: string;
  rows: number;
  /** At least the first 1,000 (`maxIssues`); `errorCount` counts them all. */
  errors: UploadIssue[];
  errorCount: number;
  errorCountsByRule: Record<string, number>;
  warnings: UploadIssue[];
  warningCount: number;
  /** Null whenever there is any error. */
  data: ParsedUpload[K] | null;
}

export async function validateUpload<K extends UploadKind>(
  kind: K,
  source: ByteSource,
  /** `onError`: called with every error as it is found, for a complete list kept outside memory. */
  options: { fileName?: string; maxIssues?: number; onError?: (issue: UploadIssue) => void } = {},
): Promise<UploadResult<K>> {
  const log = new IssueLog(Math.max(options.maxIssues ?? DEFAULT_MAX_ISSUES, DEFAULT_MAX_ISSUES), options.onError);
  const fileName = options.fileName ?? `${kind}.csv`;
  let rows = 0;
  let data: ParsedUpload[K] | null = null;
  try {
    const outcome = await parse(kind, readRecordBatches(source, fileName), log);
    rows = outcome.rows;
    data = outcome.data;
  } catch (e) {
    if (e instanceof CsvFormatError) {
      // An unclosed quote is reported at the row that opens it; encodings and formats at row 0.
      log.fileError(e.record, e.rule, e.message);
    } else {
      // A bug of ours must not look like a good file, nor crash the caller.
      // The exception's text may quote the file, so it goes in `value` (shown on the officer's own
      // machine only), never in the message.
      log.error(0, '', e instanceof Error ? e.message : String(e), 'internal', 'The file could not be checked (an internal error; please tell the product team).');
    }
  }
  return {
    kind,
    fileName,
    rows,
    errors: log.errors,
    errorCount: log.errorCount,
    errorCountsByRule: log.errorCountsByRule,
    warnings: log.warnings,
    warningCount: log.warningCount,
    data: log.errorCount > 0 ? null : data,
  };
}

/** Another kind whose required columns all appear when this kind's do not: one clear sentence. */
function otherKindOf(kind: UploadKind, header: string[]): UploadKind | undefined {
  if (hasRequiredColumns(header, KINDS[kind].columns)) return undefined;
  return (Object.keys(KINDS) as UploadKind[]).find((k) => k !== kind && hasRequiredColumns(header, KINDS[k].columns));
}

async function parse<K extends UploadKind>(kind: K, batches: AsyncIterable<CsvBatch>, log: IssueLog): Promise<{ rows: number; data: ParsedUpload[K] | null }> {
  const definition = Object.hasOwn(KINDS, kind) ? kindDefinition(kind) : undefined;
  if (!definition) {
    log.error(0, '', null, 'unknown-kind', `There is no upload kind '${kind}'.`);
    return { rows: 0, data: null };
  }
  let reader: RowReader | undefined;
  let headerLength = 0;
  let rows = 0;
  let headerRejected = false;
  const parser = definition.createParser();
  for await (const { first, records, positional } of batches) {
    for (let i = 0; i < records.length; i++) {
      const record = first + i;
      const fields = records[i];
      if (record === 0) {
        headerLength = fields.length;
        const other = otherKindOf(kind, fields);
        if (other) {
          log.error(0, '', null, 'wrong-kind', `The columns are those of a ${other} upload, not ${kind}; upload it as ${other} (or check the file).`);
          headerRejected = true;
          break;
        }
        const index = resolveHeader(fields, definition.columns, log);
        if (!index) {
          headerRejected = true;
          break;
        }
        reader = new RowReader(index, log);
        continue;
      }
      const r = reader!;
      // A CSV record with fewer values than the header has lost one somewhere, so the values after
      // it sit under the wrong columns (a person id under gender): reports that leave the bucket
      // then show none of its values. A longer record with anything beyond the header is refused below.
      r.load(record, fields, positional === true || fields.length >= headerLength);
      if (r.blank()) continue; // blank lines (and Excel's ",,,," lines) still count as records
      rows++;
      if (fields.length > headerLength && r.extraValues(headerLength)) {
        r.error('', null, 'field-count', `Row has ${fields.length} values but the header has ${headerLength} columns (an unquoted comma in a value?)`);
        continue;
      }
      parser.row(r);
    }
    if (headerRejected) return { rows: 0, data: null };
  }
  if (!reader) {
    log.error(0, '', null, 'empty-file', 'The file is empty.');
    return { rows: 0, data: null };
  }
  if (rows === 0) {
    log.error(0, '', null, 'no-data-rows', 'The file has a header row but no data rows.');
    return { rows: 0, data: null };
  }
  const data = parser.finish(reader);
  if (log.errorCount > 0) return { rows, data: null };
  const checked = definition.checkAtRuntime ? definition.schema.safeParse(data) : { success: true as const };
  if (!checked.success) {
    log.error(0, '', checked.error.issues[0]?.message ?? null, 'internal', 'The parsed data does not match its contract (an internal error; please tell the product team).');
    return { rows, data: null };
  }
  return { rows, data: data as ParsedUpload[K] };
}
