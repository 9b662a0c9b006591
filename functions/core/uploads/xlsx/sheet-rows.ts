/**
 * A worksheet part (`<sheetData><row><c>…`) as rows of cell text, streamed: after each
 * decompressed chunk the rows finished so far are handed over, so a large sheet is never held
 * whole. Cell and row positions come from their `r` attributes when present (writers skip empty
 * cells and rows), else follow the previous one, as the format allows.
 */
import type JSZip from 'jszip';
import { CellError, cellText, type RawCell, type WorkbookFormats } from './cell-text.ts';
import { MAX_CELL_CHARS, stream } from './workbook-parts.ts';
import { parseXmlChunks } from './xml-events.ts';

export interface SheetRow {
  /** The sheet's row number (1 is the top row). */
  number: number;
  /** Cell text from column A, trailing blank cells dropped; a gap is ''. */
  fields: string[];
}

export async function* sheetRows(sheet: JSZip.JSZipObject, formats: WorkbookFormats): AsyncGenerator<SheetRow[]> {
  let done: SheetRow[] = [];
  let rowNumber = 0;
  let fields: string[] = [];
  let column = 0;
  let cell: RawCell | null = null;
  let text: string[] = [];
  let inline: string[] = [];
  let into: 'value' | 'inline' | null = null;
  let phonetic = 0;

  const handlers = {
    open(name: string, attributes: Readonly<Record<string, string>>) {
      switch (name) {
        case 'row':
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          fields = [];
          column = 0;
          break;
        case 'c':
          column = attributes.r ? columnNumber(attributes.r) : column + 1;
          cell = { type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: '' };
          text = [];
          inline = [];
          break;
        case 'v':
          if (cell) into = 'value';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell && phonetic === 0) into = 'inline';
          break;
      }
    },
    text(t: string) {
      if (into === 'value') text.push(t);
      else if (into === 'inline') inline.push(t);
    },
    close(name: string) {
      switch (name) {
        case 'v':
        case 't':
          into = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          if (!cell) break;
          const c: RawCell = cell;
          c.value = c.type === 'inlineStr' && inline.length ? inline.join('') : text.join('');
          if (c.value.length > MAX_CELL_CHARS) throw new CellError('a cell longer than a spreadsheet allows');
          const value = cellText(c, formats);
          if (value !== '') fields[column - 1] = value;
          cell = null;
          break;
        }
        case 'row':
          done.push({ number: rowNumber, fields: Array.from(fields, (f) => f ?? '') });
          break;
      }
    },
  };

  for await (const _ of parseXmlChunks(stream(sheet), handlers)) {
    if (done.length) {
      yield done;
      done = [];
    }
  }
}

/** `AB12` → 28: the column letters of a cell reference, A = 1. */
export function columnNumber(reference: string): number {
  let n = 0;
  for (const ch of reference.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  if (n === 0 || n > 16_384) throw new CellError(`a cell reference "${reference}" outside a worksheet's columns`);
  return n;
}
