/**
 * Reads the first worksheet of an .xlsx workbook as records, in the same batches the CSV reader
 * gives (record 0 = the header row), so one code path checks headers, values and rows whatever
 * the file was. Cells become CSV text by value, not as displayed (xlsx/cell-text.ts).
 *
 * The zip is opened with JSZip from its central directory, so parts are found by name whatever
 * order the zip holds them in (ExcelJS's streaming reader depended on that order and, under
 * load, sometimes named the wrong sheet or returned shared-string indexes: exceljs#962, #683).
 * The compressed upload is held (it is capped in size before parsing) until the small parts are
 * read; the sheet's compressed bytes are then copied out and dropped slice by slice as the sheet is
 * decompressed and parsed as a stream. A workbook that cannot be read, or that goes beyond a
 * resource limit while it streams (xlsx/limits.ts), is one `CsvFormatError` sentence, never a
 * stack trace.
 */
import { CsvFormatError } from './csv-format-error.ts';
import type { ByteSource, CsvBatch } from './csv-reader.ts';
import { sheetRows } from './xlsx/sheet-rows.ts';
import { locateParts, readFormats } from './xlsx/workbook-parts.ts';
import { WorkbookZip } from './xlsx/zip-parts.ts';

/**
 * Rows handed over at a time (the CSV reader hands over one 64 KB slice's records), fewer when
 * they are wide: a row is held from column A to its last value, up to 16,384 columns.
 */
const BATCH_ROWS = 1000;
const BATCH_CELLS = 64 * 1024;

const unreadable =
  'The file is named .xlsx but could not be read as an Excel workbook (it may be damaged or only partly uploaded); open it in Excel and save it again, or save it as "CSV UTF-8 (Comma delimited) (*.csv)" and upload that file.';

/** Records of the workbook's first worksheet (in tab order); rows with no cells are skipped. */
export async function* readXlsxBatches(source: ByteSource): AsyncGenerator<CsvBatch> {
  const { sheet, formats } = await guard(async () => {
    const zip = await WorkbookZip.open(await collect(source));
    const parts = await locateParts(zip);
    const formats = await readFormats(parts);
    // Read last, and holding nothing else of the zip: the upload is dropped with the zip.
    return { sheet: zip.detach(parts.sheet), formats };
  });
  let headerRow = -1;
  let batch: CsvBatch | null = null;
  let batchCells = 0;
  const rows = sheetRows(sheet, formats);
  for (;;) {
    const next = await guard(() => rows.next());
    if (next.done) break;
    for (const row of next.value) {
      if (row.fields.length === 0) continue;
      if (headerRow < 0) headerRow = row.number;
      const record = row.number - headerRow;
      if (batch && batch.first + batch.records.length !== record) {
        yield batch;
        batch = null;
      }
      if (!batch) {
        batch = { first: record, records: [], positional: true };
        batchCells = 0;
      }
      batch.records.push(row.fields);
      batchCells += row.fields.length;
      if (batch.records.length >= BATCH_ROWS || batchCells >= BATCH_CELLS) {
        yield batch;
        batch = null;
      }
    }
  }
  if (batch) yield batch;
  if (headerRow < 0) throw new CsvFormatError('The file is empty.', 'empty-file');
}

/** The libraries' errors (bad zip, bad XML, a missing shared string) become one sentence; ours pass through. */
async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CsvFormatError) throw error;
    throw new CsvFormatError(unreadable, 'not-xlsx');
  }
}

async function collect(source: ByteSource): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  return Buffer.concat(chunks);
}
