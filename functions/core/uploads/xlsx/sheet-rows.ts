/**
 * A worksheet part (`<sheetData><row><c>…`) as rows of cell text, streamed: after each
 * decompressed chunk the rows finished so far are handed over, so a large sheet is never held
 * whole. Cell and row positions come from their `r` attributes when present (writers skip empty
 * cells and rows), else follow the previous one, as the format allows.
 *
 * A row is held as an array from column A to its last value, so a value far to the right would
 * cost a column of work per row: once the header (the first row with a value) is read, a value
 * beyond the header's last column is held one column past it, where it still makes the row one
 * with more values than the header has. Rows, columns and cells are limited as they stream
 * (limits.ts).
 */
import { trimValue } from '../values.ts';
import { CellError, cellText, type WorkbookFormats } from './cell-text.ts';
import { beyondLimit, MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS } from './limits.ts';
import { parseXmlChunks } from './xml-events.ts';
import type { ZipPart } from './zip-parts.ts';

export interface SheetRow {
  /** The sheet's row number (1 is the top row). */
  number: number;
  /** Cell text from column A, trailing blank cells dropped; a gap is ''. */
  fields: string[];
}

/** `maxCells` is MAX_CELLS but for tests, which cannot afford 33 million cells to show the count. */
export async function* sheetRows(sheet: ZipPart, formats: WorkbookFormats, maxCells = MAX_CELLS): AsyncGenerator<SheetRow[]> {
  let done: SheetRow[] = [];
  let rowNumber = 0;
  let fields: string[] = [];
  let column = 0;
  // The open cell, as plain variables: one object and two arrays a cell made a blank cell
  // (`<c r="A1" s="1"/>`, of which a sheet may hold tens of millions) cost more than saxes did.
  let inCell = false;
  let type = 'n';
  let style = '';
  let valueText = '';
  let inlineText = '';
  let inlineSeen = false;
  let length = 0;
  let into: 'value' | 'inline' | null = null;
  let phonetic = 0;
  /** Columns a row is held to: all of them until the header is read, then one past its last. */
  let width = MAX_COLUMNS;
  let headerRead = false;
  let cellsInRow = 0;
  let cells = 0;

  const handlers = {
    open(name: string, attributes: Readonly<Record<string, string>>) {
      switch (name) {
        case 'row':
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          if (rowNumber > MAX_ROWS) throw beyondLimit('rows');
          if (!Number.isInteger(rowNumber) || rowNumber < 1) throw new CellError(`a row numbered "${attributes.r}"`);
          fields = [];
          column = 0;
          cellsInRow = 0;
          break;
        case 'c':
          column = attributes.r ? columnNumber(attributes.r) : column + 1;
          if (column > MAX_COLUMNS) throw beyondLimit('columns');
          cellsInRow++;
          inCell = true;
          type = attributes.t ?? 'n';
          style = attributes.s ?? '';
          valueText = '';
          inlineText = '';
          inlineSeen = false;
          length = 0;
          break;
        case 'v':
          if (inCell) into = 'value';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inCell && phonetic === 0) into = 'inline';
          break;
      }
    },
    text(t: string) {
      if (into === null) return;
      length += t.length;
      if (length > MAX_CELL_CHARS) throw new CellError('a cell longer than a spreadsheet allows');
      if (into === 'value') valueText += t;
      else {
        inlineText += t;
        inlineSeen = true;
      }
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
          if (!inCell) break;
          inCell = false;
          const raw = type === 'inlineStr' && inlineSeen ? inlineText : valueText;
          // A cell with no text is blank unless it claims a shared string (an error) or a boolean.
          if (raw === '' && type !== 's' && type !== 'b') break;
          const value = cellText({ type, style: Number(style || 0), value: raw }, formats);
          if (value !== '') {
            // Past the header, only whether the row holds a value there matters, so keep one.
            const at = Math.min(column, width) - 1;
            if (at >= fields.length) {
              // Gaps filled as they open: a holey array far to the right is a slow dictionary.
              if (fields.length === 0) fields = new Array<string>(at + 1).fill('');
              else while (fields.length <= at) fields.push('');
              fields[at] = value;
            } else if (at < width - 1 || trimValue(fields[at]!) === '') fields[at] = value;
          }
          break;
        }
        case 'row': {
          cells += Math.max(cellsInRow, fields.length);
          if (cells > maxCells) throw beyondLimit('cells');
          if (!headerRead && fields.length > 0) {
            headerRead = true;
            width = fields.length + 1;
          }
          done.push({ number: rowNumber, fields });
          break;
        }
      }
    },
  };

  for await (const _ of parseXmlChunks(sheet.stream(), handlers, { blankCells: true })) {
    if (done.length) {
      yield done;
      done = [];
    }
  }
}

/** `AB12` → 28: the column letters of a cell reference, A = 1; beyond XFD or row 1,048,576 is rejected. */
export function columnNumber(reference: string): number {
  let n = 0;
  let at = 0;
  for (; at < reference.length; at++) {
    const code = reference.charCodeAt(at) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
    if (n > MAX_COLUMNS) throw beyondLimit('columns');
  }
  if (n === 0) throw new CellError(`a cell reference "${reference.slice(0, 20)}" without column letters`);
  // The row digits, compared as text so that a thousand of them cost nothing.
  const row = reference.slice(at).replace(/^0+/, '');
  if (row.length > String(MAX_ROWS).length || (/^\d+$/.test(row) && Number(row) > MAX_ROWS)) throw beyondLimit('rows');
  return n;
}
