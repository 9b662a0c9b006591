/**
 * Reads the first worksheet of an .xlsx workbook as records, in the same batches the CSV reader
 * gives (record 0 = the header row), so one code path checks headers, values and rows whatever
 * the file was. Cells become the text a "CSV UTF-8" export would hold: numbers as plain decimals,
 * date cells as `YYYY-MM-DD` (with the time when it is not midnight, so the date rule rejects it),
 * formulas as their cached result.
 *
 * ExcelJS's streaming WorkbookReader is used so a large events extract is never held whole in
 * memory. A workbook it cannot read becomes one `CsvFormatError` sentence, never a stack trace.
 */
import { Readable } from 'node:stream';
import Big from 'big.js';
import ExcelJS from 'exceljs';
import { CsvFormatError } from './csv-format-error.ts';
import type { ByteSource, CsvBatch } from './csv-reader.ts';

/** Rows handed over at a time (the CSV reader hands over one 64 KB slice's records). */
const BATCH_ROWS = 1000;

const unreadable =
  'The file is named .xlsx but could not be read as an Excel workbook (it may be damaged or only partly uploaded); open it in Excel and save it again, or save it as "CSV UTF-8 (Comma delimited) (*.csv)" and upload that file.';

/** Records of the workbook's first worksheet (in tab order); rows with no cells are skipped. */
export async function* readXlsxBatches(source: ByteSource): AsyncGenerator<CsvBatch> {
  const stream = Readable.from(source instanceof Uint8Array ? [source] : source, { objectMode: false });
  // A stream error with no listener would crash the process; the reader's own rejection reports it.
  stream.on('error', () => {});
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // The reader is an EventEmitter at runtime though its typings do not say so.
  (workbook as unknown as NodeJS.EventEmitter).on('error', () => {});
  waitForSheetNames(workbook);
  let headerRow = -1;
  let batch: CsvBatch | null = null;
  let sawSheet = false;
  const sheets = guarded(workbook[Symbol.asyncIterator]());
  try {
    for await (const sheet of sheets) {
      // Sheets arrive in zip order; the first tab is the first sheet workbook.xml lists.
      const firstName = (workbook as unknown as { model?: { sheets?: { name?: string }[] } }).model?.sheets?.[0]?.name;
      if (firstName !== undefined && (sheet as unknown as { name?: string }).name !== firstName) continue;
      sawSheet = true;
      for await (const row of guarded(sheet[Symbol.asyncIterator]())) {
        const fields = rowFields(row);
        if (fields.length === 0) continue;
        if (headerRow < 0) headerRow = row.number;
        const record = row.number - headerRow;
        if (batch && batch.first + batch.records.length !== record) {
          yield batch;
          batch = null;
        }
        batch ??= { first: record, records: [] };
        batch.records.push(fields);
        if (batch.records.length >= BATCH_ROWS) {
          yield batch;
          batch = null;
        }
      }
      break;
    }
  } finally {
    // Stop reading the rest of the upload (other sheets, or an S3 body) once the first sheet is done.
    stream.destroy();
  }
  if (batch) yield batch;
  if (!sawSheet) throw new CsvFormatError('The .xlsx workbook has no worksheet; open it in Excel, check the data is on the first sheet, and save it again.', 'not-xlsx');
  if (headerRow < 0) throw new CsvFormatError('The file is empty.', 'empty-file');
}

/**
 * ExcelJS parses a worksheet at once when the shared strings and the workbook's relationships have
 * been read, but names it from xl/workbook.xml, which a zip may hold later (ExcelJS itself writes it
 * last): it then fails on the missing sheet list (exceljs issue #962), so which entry came first
 * decided whether a good upload was rejected. Hiding the relationships until the workbook part has
 * been read makes such sheets wait in the reader's temporary files, which it reads once the whole
 * zip has been seen, by then with every sheet's name.
 */
function waitForSheetNames(workbook: ExcelJS.stream.xlsx.WorkbookReader): void {
  const reader = workbook as unknown as { model?: unknown };
  let relationships: unknown;
  Object.defineProperty(workbook, 'workbookRels', {
    configurable: true,
    get: () => (reader.model === undefined ? undefined : relationships),
    set: (value: unknown) => {
      relationships = value;
    },
  });
}

/** The library's errors (bad zip, bad XML) become one sentence; ours pass through. */
async function* guarded<T>(iterator: AsyncIterator<T>): AsyncGenerator<T> {
  for (;;) {
    let next: IteratorResult<T>;
    try {
      next = await iterator.next();
    } catch {
      throw new CsvFormatError(unreadable, 'not-xlsx');
    }
    if (next.done) return;
    yield next.value;
  }
}

/** A row's cells as text, trailing blanks dropped (Excel keeps formatted empty cells). */
function rowFields(row: ExcelJS.Row): string[] {
  const fields: string[] = [];
  let last = 0;
  const count = row.cellCount;
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    const text = cellText(cell.value, cell.numFmt);
    fields.push(text);
    if (text !== '') last = c;
  }
  fields.length = last;
  return fields;
}

type CellValue = ExcelJS.CellValue | undefined;

export function cellText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numFmt && isDateFormat(numFmt) ? dateText(serialToDate(value)) : numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      // The cached result, as Excel last computed it; a date-formatted number is a date.
      return cellText((value as { result?: CellValue }).result, numFmt);
    }
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // a hyperlink
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * Plain decimal text: no exponent, and rounded to the 15 significant digits Excel keeps, so a
 * stored 0.30000000000000004 reads 0.3 as Excel shows it.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return new Big(Number(n.toPrecision(15))).toFixed();
}

/** `YYYY-MM-DD`, or with `HH:MM:SS` when the time is not midnight (to the nearest second). */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return String(d);
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${p(t.getUTCFullYear(), 4)}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`;
  const h = t.getUTCHours();
  const m = t.getUTCMinutes();
  const s = t.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${p(h)}:${p(m)}:${p(s)}`;
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01 (the 1900 leap-year bug is before it). */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/** A number format that shows a date or time (d, m, y, h, s outside quotes and brackets). */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}
