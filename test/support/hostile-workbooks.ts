/**
 * Workbooks built to exhaust a reader, each a few kilobytes to a few megabytes of zip that
 * inflates to up to gigabytes: the attacks of issue 11 and one for each limit of
 * functions/core/uploads/xlsx/limits.ts. A population header (4 columns) comes first, so what
 * follows is what a reader meets after accepting the header. Built in milliseconds (zip-bytes.ts),
 * for the limit tests and for `npm run bench`.
 */
import { workbookParts, type Parts } from './hand-made-workbook.ts';
import { deflatedEntry, repeatedEntry, zipBytes, type ZipEntry } from './zip-bytes.ts';

const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';
const HERE = '\u0000';

export const POPULATION_HEADER =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>la_code</t></is></c><c r="B1" t="inlineStr"><is><t>year</t></is></c><c r="C1" t="inlineStr"><is><t>age_band</t></is></c><c r="D1" t="inlineStr"><is><t>population</t></is></c></row>';

/**
 * A hand-made workbook whose part `path` holds `unit` × `count` where `parts` put HERE, deflated
 * in ~1 MB blocks; `recordedSize` overrides the size its directory records.
 */
function repeated(parts: Parts, path: string, unit: string, count: number, recordedSize?: number): Buffer {
  const perBlock = Math.max(1, Math.floor(2 ** 20 / unit.length));
  const blocks = Math.floor(count / perBlock);
  const rest = unit.repeat(count - blocks * perBlock);
  const entries: ZipEntry[] = workbookParts(parts).map(([name, xml]) => {
    if (name !== path) return deflatedEntry(name, xml);
    const [head, tail] = xml.split(HERE);
    const entry = repeatedEntry(name, head!, unit.repeat(perBlock), blocks, rest + tail!);
    return recordedSize === undefined ? entry : { ...entry, size: recordedSize };
  });
  return zipBytes(entries);
}

const sheet = (unit: string, count: number, recordedSize?: number, header = POPULATION_HEADER) => repeated({ sheetData: header + HERE }, SHEET, unit, count, recordedSize);
/** The population header with a note in column XFD: every column is the header's. */
const WIDE_HEADER = POPULATION_HEADER.replace('</row>', '<c r="XFD1" t="inlineStr"><is><t>note</t></is></c></row>');
const strings = (unit: string, count: number) => repeated({ sharedStrings: [HERE], sheetData: POPULATION_HEADER }, STRINGS, unit, count);

/** Each hostile workbook by name, with the limit (limits.ts `BEYOND` key) that refuses it. */
export const HOSTILE = {
  /** Issue 11: 10 million nested elements (was a heap out of memory). */
  'deep-nesting': { limit: 'xmlDepth', build: () => sheet('<x>', 10_000_000) },
  /** Issue 11: 150 million empty shared strings (was a process abort). */
  'empty-shared-strings': { limit: 'sharedStrings', build: () => strings('<si/>', 150_000_000) },
  /** 1,100,000 texts of 65 characters: more text than the shared-string table may hold. */
  'long-shared-strings': { limit: 'sharedStringChars', build: () => strings(`<si><t>${'x'.repeat(65)}</t></si>`, 1_100_000) },
  /** Issue 11: 1,000,000 zip entries (was 1.7 GB). */
  'zip-entries': { limit: 'zipEntries', build: () => zipBytes(workbookParts({ sheetData: POPULATION_HEADER }).map(([n, x]) => deflatedEntry(n, x)), 1_000_000) },
  /** A sheet of 2.5 GB whose directory says so. */
  'inflated-bytes': { limit: 'inflatedBytes', build: () => sheet('<x/>', 2.5 * 2 ** 30 / 4) },
  /** A sheet of 1 GB whose directory says 4 KB. */
  'understated-size': { limit: 'understatedSize', build: () => sheet('<x/>', 2 ** 30 / 4, 4096) },
  /** One text of a gigabyte. */
  'long-text': { limit: 'xmlToken', build: () => sheet('x', 2 ** 30) },
  /** Issue 11's column XFD on each of 1,000,000 rows, under a header that reaches XFD too. */
  'wide-header': { limit: 'cells', build: () => sheet('<row><c r="XFD1"><v>1</v></c></row>', 1_000_000, undefined, WIDE_HEADER) },
} as const;

/**
 * 2,064 rows of 16,384 blank cells: 33.8 million cells, each an element to parse. The slowest
 * refusal (the cells limit is met only after that many), so `npm run bench` times it.
 */
export function manyBlankCells(): Buffer {
  return sheet(`<row>${'<c/>'.repeat(16_384)}</row>`, 2_064);
}

export type HostileName = keyof typeof HOSTILE;

/**
 * Issue 11: a value in column XFD on each of 1,000,000 rows (was over five minutes). Not beyond a
 * limit: each row has more values than the header, an error per row.
 */
export function farRightCells(rows = 1_000_000): Buffer {
  return sheet('<row><c r="XFD1"><v>1</v></c></row>', rows);
}
