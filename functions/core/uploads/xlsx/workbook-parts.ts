/**
 * Finds a workbook's parts the way the Open Packaging Conventions say to, not by fixed names:
 * `_rels/.rels` names the workbook, the workbook's relationships name its sheets, shared strings
 * and styles. The first sheet is the first `<sheet>` in workbook.xml, i.e. the first tab, whatever
 * order the zip holds its entries in. Also reads the two small parts every cell needs: the shared
 * strings and which cell formats are dates.
 */
import { CsvFormatError } from '../csv-format-error.ts';
import { isBuiltInDateFormat, isDateFormat, type WorkbookFormats } from './cell-text.ts';
import { beyondLimit, MAX_CELL_CHARS, MAX_CELL_FORMATS, MAX_SHARED_STRING_CHARS, MAX_SHARED_STRINGS } from './limits.ts';
import { PackedStrings } from './shared-strings.ts';
import { parseXml, prefixedAttribute } from './xml-events.ts';
import type { WorkbookZip, ZipPart } from './zip-parts.ts';

export interface WorkbookParts {
  sheet: ZipPart;
  sharedStrings: ZipPart | null;
  styles: ZipPart | null;
  date1904: boolean;
}

const noSheet = 'The .xlsx workbook has no worksheet; open it in Excel, check the data is on the first sheet, and save it again.';

export async function locateParts(zip: WorkbookZip): Promise<WorkbookParts> {
  const root = await firstRelationships(zip, '_rels/.rels', { workbook: (_, type) => type.endsWith('/officeDocument') });
  const workbookPath = resolve('', root.workbook ?? 'xl/workbook.xml');
  const workbook = zip.part(workbookPath);
  if (!workbook) throw new CsvFormatError(noSheet, 'not-xlsx');

  let firstSheetId: string | undefined;
  let date1904 = false;
  await parseXml(workbook.stream(), {
    open(name, attributes) {
      if (name === 'sheet') firstSheetId ??= prefixedAttribute(attributes, 'id') ?? '';
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
    },
  });
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const targets = await firstRelationships(zip, `${folder}_rels/${workbookPath.slice(folder.length)}.rels`, {
    sheet: (id) => id === firstSheetId,
    sharedStrings: (_, type) => type.endsWith('/sharedStrings'),
    styles: (_, type) => type.endsWith('/styles'),
  });
  const target = (name: keyof typeof targets) => {
    const t = targets[name];
    return t === undefined ? null : zip.part(resolve(folder, t));
  };
  const sheet = target('sheet');
  if (!sheet) throw new CsvFormatError(noSheet, 'not-xlsx');
  return { sheet, sharedStrings: target('sharedStrings'), styles: target('styles'), date1904 };
}

/** The shared strings table and the date cell formats, with the workbook's date system. */
export async function readFormats(parts: WorkbookParts): Promise<WorkbookFormats> {
  return {
    sharedStrings: parts.sharedStrings ? await readSharedStrings(parts.sharedStrings) : [],
    dateStyles: parts.styles ? await readDateStyles(parts.styles) : [],
    date1904: parts.date1904,
  };
}

async function readSharedStrings(file: ZipPart): Promise<PackedStrings> {
  const strings = new PackedStrings();
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0; // <rPh> runs are reading aids (furigana), not part of the value
  let length = 0;
  let total = 0;
  await parseXml(file.stream(), {
    open(name) {
      if (name === 'si') {
        if (strings.length >= MAX_SHARED_STRINGS) throw beyondLimit('sharedStrings');
        current = [];
        length = 0;
      } else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = phonetic === 0;
    },
    text(text) {
      if (!current || !inText) return;
      length += text.length;
      if (length > MAX_CELL_CHARS) throw new Error('a shared string longer than a cell holds');
      current.push(text);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        const value = current.join('');
        total += value.length;
        if (total > MAX_SHARED_STRING_CHARS) throw beyondLimit('sharedStringChars');
        strings.push(value);
        current = null;
      }
    },
  });
  return strings.trim();
}

/** For each cell format (`<cellXfs><xf>`, in order), whether it shows a date or time. */
async function readDateStyles(file: ZipPart): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  await parseXml(file.stream(), {
    open(name, attributes) {
      if (name === 'numFmt') {
        if (custom.size >= MAX_CELL_FORMATS) throw beyondLimit('cellFormats');
        custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      }
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        if (formatIds.length >= MAX_CELL_FORMATS) throw beyondLimit('cellFormats');
        formatIds.push(Number(attributes.numFmtId ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : isBuiltInDateFormat(id)));
}

/**
 * The target of the first relationship in `path` passing each test (`Id`, `Type`), external ones
 * aside. Nothing else is kept, so a relationships part of any length costs no memory.
 */
async function firstRelationships<K extends string>(zip: WorkbookZip, path: string, tests: Record<K, (id: string, type: string) => boolean>): Promise<Partial<Record<K, string>>> {
  const found: Partial<Record<K, string>> = {};
  const file = zip.part(path);
  if (!file) return found;
  const names = Object.keys(tests) as K[];
  await parseXml(file.stream(), {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
      for (const k of names) if (found[k] === undefined && tests[k](attributes.Id ?? '', attributes.Type ?? '')) found[k] = attributes.Target ?? '';
    },
  });
  return found;
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
