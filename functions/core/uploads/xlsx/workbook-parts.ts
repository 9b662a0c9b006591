/**
 * Finds a workbook's parts the way the Open Packaging Conventions say to, not by fixed names:
 * `_rels/.rels` names the workbook, the workbook's relationships name its sheets, shared strings
 * and styles. The first sheet is the first `<sheet>` in workbook.xml, i.e. the first tab, whatever
 * order the zip holds its entries in. Also reads the two small parts every cell needs: the shared
 * strings and which cell formats are dates.
 */
import { Readable } from 'node:stream';
import type JSZip from 'jszip';
import { CsvFormatError } from '../csv-format-error.ts';
import { isBuiltInDateFormat, isDateFormat, type WorkbookFormats } from './cell-text.ts';
import { parseXml, prefixedAttribute } from './xml-events.ts';

/** Excel's own limit on one cell's text; anything longer was not written by a spreadsheet. */
export const MAX_CELL_CHARS = 32_767;
/** Excel allows about 64,000 cell formats; a styles part with more was not written by a spreadsheet. */
const MAX_CELL_FORMATS = 65_536;
/** Shared strings kept in memory at most (characters): well above a million-row extract's ids. */
const MAX_SHARED_STRING_CHARS = 64 * 1024 * 1024;

export interface WorkbookParts {
  sheet: JSZip.JSZipObject;
  sharedStrings: JSZip.JSZipObject | null;
  styles: JSZip.JSZipObject | null;
  date1904: boolean;
}

const noSheet = 'The .xlsx workbook has no worksheet; open it in Excel, check the data is on the first sheet, and save it again.';

export async function locateParts(zip: JSZip): Promise<WorkbookParts> {
  const root = await relationships(zip, '_rels/.rels');
  const workbookPath = resolve('', [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml');
  const workbook = part(zip, workbookPath);
  if (!workbook) throw new CsvFormatError(noSheet, 'not-xlsx');

  let firstSheetId: string | undefined;
  let date1904 = false;
  await parseXml(stream(workbook), {
    open(name, attributes) {
      if (name === 'sheet') firstSheetId ??= prefixedAttribute(attributes, 'id') ?? '';
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
    },
  });
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const rels = await relationships(zip, `${folder}_rels/${workbookPath.slice(folder.length)}.rels`);
  const byType = (suffix: string) => {
    const rel = [...rels.values()].find((r) => r.type.endsWith(suffix));
    return rel ? part(zip, resolve(folder, rel.target)) : null;
  };
  const first = rels.get(firstSheetId ?? '');
  const sheet = first ? part(zip, resolve(folder, first.target)) : null;
  if (!sheet) throw new CsvFormatError(noSheet, 'not-xlsx');
  return { sheet, sharedStrings: byType('/sharedStrings'), styles: byType('/styles'), date1904 };
}

/** The shared strings table and the date cell formats, with the workbook's date system. */
export async function readFormats(parts: WorkbookParts): Promise<WorkbookFormats> {
  return {
    sharedStrings: parts.sharedStrings ? await readSharedStrings(parts.sharedStrings) : [],
    dateStyles: parts.styles ? await readDateStyles(parts.styles) : [],
    date1904: parts.date1904,
  };
}

async function readSharedStrings(file: JSZip.JSZipObject): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0; // <rPh> runs are reading aids (furigana), not part of the value
  let total = 0;
  await parseXml(stream(file), {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = phonetic === 0;
    },
    text(text) {
      if (current && inText) current.push(text);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        const value = current.join('');
        total += value.length;
        if (value.length > MAX_CELL_CHARS || total > MAX_SHARED_STRING_CHARS) throw new Error('shared strings beyond what a spreadsheet holds');
        strings.push(value);
        current = null;
      }
    },
  });
  return strings;
}

/** For each cell format (`<cellXfs><xf>`, in order), whether it shows a date or time. */
async function readDateStyles(file: JSZip.JSZipObject): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  await parseXml(stream(file), {
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        if (formatIds.length >= MAX_CELL_FORMATS) throw new Error('more cell formats than a spreadsheet holds');
        formatIds.push(Number(attributes.numFmtId ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : isBuiltInDateFormat(id)));
}

interface Relationship {
  type: string;
  target: string;
}

async function relationships(zip: JSZip, path: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const file = part(zip, path);
  if (!file) return rels;
  await parseXml(stream(file), {
    open(name, attributes) {
      if (name === 'Relationship' && attributes.TargetMode !== 'External') rels.set(attributes.Id ?? '', { type: attributes.Type ?? '', target: attributes.Target ?? '' });
    },
  });
  return rels;
}

/** A relationship target as a zip path: absolute (`/xl/…`) or relative to the source's folder. */
function resolve(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const path: string[] = [];
  for (const s of segments) {
    if (s === '..') path.pop();
    else if (s !== '.' && s !== '') path.push(s);
  }
  return path.join('/');
}

/** Part names are case-insensitive in OPC; zip entry names are not. */
function part(zip: JSZip, path: string): JSZip.JSZipObject | null {
  const exact = zip.file(path);
  if (exact) return exact;
  const lower = path.toLowerCase();
  return Object.values(zip.files).find((f) => !f.dir && f.name.toLowerCase() === lower) ?? null;
}

/** A part decompressed as a stream (JSZip's is an old-style stream: wrap gives async iteration and backpressure). */
export function stream(file: JSZip.JSZipObject): AsyncIterable<Uint8Array> {
  return new Readable().wrap(file.nodeStream('nodebuffer'));
}
