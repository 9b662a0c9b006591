/**
 * Every resource limit of the .xlsx reader, in one place. A zip compresses repetition a
 * thousandfold, so a kilobyte upload can describe billions of elements; each limit is checked
 * while the workbook streams, before the memory or time it guards is spent, and is set so that a
 * real extract at Excel's own limits (1,048,576 rows, columns to XFD, 32,767 characters a cell)
 * still passes. Breaking one rejects the whole file with one sentence, as an unreadable one is.
 */
import { CsvFormatError } from '../csv-format-error.ts';

/** Excel's last row. */
export const MAX_ROWS = 1_048_576;
/** Excel's last column, XFD. */
export const MAX_COLUMNS = 16_384;
/** Excel's own limit on one cell's text; anything longer was not written by a spreadsheet. */
export const MAX_CELL_CHARS = 32_767;
/** Excel allows about 64,000 cell formats; a styles part with more was not written by a spreadsheet. */
export const MAX_CELL_FORMATS = 65_536;
/**
 * Cells on the first sheet (each row counts the cells it holds or, if more, the columns up to its
 * last value): Excel's last row times 32 columns, the CLD events layout's 25 and some of a
 * council's own. A hostile sheet of that many blank cells is refused in ~3 s on a loaded 2-core
 * machine (`npm run bench -- limits`): blank cells skip the XML parser (xml-events.ts).
 */
export const MAX_CELLS = MAX_ROWS * 32;
/**
 * Shared strings (Excel stores each distinct text once): four per row at Excel's last row, where
 * an extract has at most three texts unique to a row (event reference, person id, NHS number).
 * Held in memory for the whole read, so this and the characters below bound the table's size.
 */
export const MAX_SHARED_STRINGS = MAX_ROWS * 4;
/** Characters in all shared strings together: four 16-character texts per row at Excel's last row. */
export const MAX_SHARED_STRING_CHARS = 64 * 1024 * 1024;
/**
 * Files in the zip: a workbook is about ten parts plus two per sheet and one per picture; the
 * zip library holds ~2 KB for each entry it lists, whether read or not.
 */
export const MAX_ZIP_ENTRIES = 10_000;
/**
 * Bytes inflated from the parts read (workbook, relationships, styles, shared strings, the first
 * sheet): Excel writes ~40 bytes a cell, so MAX_CELLS of them and their shared strings fit.
 */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024 * 1024;
/**
 * XML elements nested in one another: the deepest a spreadsheet writes (extension lists in a
 * sheet) is about ten; the parser keeps one entry per open element.
 */
export const MAX_XML_DEPTH = 64;
/**
 * Characters of one XML token (a text, a tag with its attributes, a comment), which the parser
 * holds whole until it ends: a 32,767-character cell written with entity escapes (`&quot;`, six
 * characters each) is under 200,000.
 */
export const MAX_XML_TOKEN_CHARS = 1024 * 1024;

const n = (count: number) => count.toLocaleString('en-GB');

/** What each limit's sentence says the workbook does, and why that is too much. */
export const BEYOND = {
  rows: `has a row below row ${n(MAX_ROWS)}, the last row of an Excel sheet`,
  columns: 'has a cell to the right of column XFD, the last column of an Excel sheet',
  cells: `holds more than ${n(MAX_CELLS)} cells on its first sheet, more than ${n(MAX_CELLS / MAX_ROWS)} columns of Excel's ${n(MAX_ROWS)} rows`,
  sharedStrings: `holds more than ${n(MAX_SHARED_STRINGS)} distinct texts (shared strings), more than an extract of Excel's ${n(MAX_ROWS)} rows has`,
  sharedStringChars: `holds more than ${n(MAX_SHARED_STRING_CHARS)} characters of distinct text (shared strings), more than an extract of Excel's ${n(MAX_ROWS)} rows has`,
  zipEntries: `is a zip of more than ${n(MAX_ZIP_ENTRIES)} files, where a workbook has a few dozen`,
  inflatedBytes: `unpacks to more than ${n(MAX_INFLATED_BYTES / 1024 ** 3)} GB, more than ${n(MAX_CELLS)} cells take`,
  understatedSize: 'unpacks to more bytes than its zip directory records (a damaged or crafted file)',
  xmlDepth: `nests XML elements more than ${MAX_XML_DEPTH} deep, where a spreadsheet nests about ten`,
  xmlToken: `has a single XML text or tag longer than ${n(MAX_XML_TOKEN_CHARS)} characters, where a cell holds at most ${n(MAX_CELL_CHARS)}`,
  cellFormats: `has more than ${n(MAX_CELL_FORMATS)} cell formats, more than Excel allows`,
} as const;

/** The one-sentence rejection for a workbook beyond a limit (rule `not-xlsx`, row 0, as an unreadable file). */
export function beyondLimit(what: keyof typeof BEYOND): CsvFormatError {
  return new CsvFormatError(
    `The .xlsx workbook ${BEYOND[what]}, so it was not read; check it is the right file, or save the data as "CSV UTF-8 (Comma delimited) (*.csv)" and upload that file.`,
    'not-xlsx',
  );
}
