/**
 * .xlsx uploads (first sheet): workbooks are built here with ExcelJS, the library that reads
 * them, and must give exactly what the equivalent CSV gives through validateUpload.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { validateUpload } from '../../../functions/core/uploads/validate-upload.ts';
import { handMadeWorkbook } from '../../support/hand-made-workbook.ts';
import { BASE_EVENT, EVENT_COLUMNS, SERVICE, type EventColumn } from './fixtures.ts';

type Cell = ExcelJS.CellValue;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const bytes = (text: string) => new TextEncoder().encode(text);

async function workbook(rows: Cell[][], extraSheets: Record<string, Cell[][]> = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Data');
  rows.forEach((r, i) => {
    if (r.length) sheet.getRow(i + 1).values = r as ExcelJS.CellValue[];
  });
  for (const [name, other] of Object.entries(extraSheets)) {
    const s = wb.addWorksheet(name);
    other.forEach((r) => s.addRow(r));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function csv(rows: string[][]): Uint8Array {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return bytes(rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
}

/** An event row's cells as Excel would hold them: dates as dates, amounts as numbers. */
function eventCells(fields: Record<EventColumn, string>): Cell[] {
  return EVENT_COLUMNS.map((c) => {
    const v = fields[c];
    if (v === '') return null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return day(v);
    if (/^\d+(\.\d+)?$/.test(v) && (c === 'planned_units_per_week' || c === 'unit_cost')) return Number(v);
    return v;
  });
}

const request = { ...BASE_EVENT };
// A Release 1 outcome label: a warning, the same from either format.
const release1 = { ...BASE_EVENT, event_reference: 'EV2', event_outcome: 'NFA - Information & Advice / Signposting only' };
const service = { ...BASE_EVENT, ...SERVICE, event_reference: 'EV3', unit_cost: '21.5', planned_units_per_week: '0.1' } as Record<EventColumn, string>;

async function xlsxEvents(rows: Record<EventColumn, string>[], cells?: (rows: Cell[][]) => void): Promise<Uint8Array> {
  const sheet: Cell[][] = [[...EVENT_COLUMNS], ...rows.map(eventCells)];
  cells?.(sheet);
  return workbook(sheet, { Notes: [['not', 'an', 'extract'], [1, 2, 3]] });
}

describe('xlsx uploads', () => {
  it('an events workbook gives the same data, row count and warnings as the same CSV', async () => {
    const rows = [request, release1, service];
    const fromCsv = await validateUpload('events', csv([[...EVENT_COLUMNS], ...rows.map((r) => EVENT_COLUMNS.map((c) => r[c]))]), { fileName: 'e.csv' });
    // The service's planned units as a formula: its cached result is what counts.
    const xlsx = await xlsxEvents(rows, (s) => {
      s[3][EVENT_COLUMNS.indexOf('planned_units_per_week')] = { formula: '1/10', result: 0.1 } as Cell;
    });
    const fromXlsx = await validateUpload('events', xlsx, { fileName: 'Extract.XLSX' });
    expect(fromCsv.errors).toEqual([]);
    expect(fromXlsx.errors).toEqual([]);
    expect(fromXlsx.data).not.toBeNull();
    expect(fromXlsx.data).toEqual(fromCsv.data);
    expect(fromXlsx.rows).toBe(3);
    expect(fromXlsx.warnings).toEqual(fromCsv.warnings);
    expect(fromXlsx.warnings.some((w) => w.row === 2 && w.column === 'event_outcome')).toBe(true);
  });

  it('a population workbook with numeric cells gives the same data as the CSV, also read as a stream', async () => {
    const header = ['LA Code', 'Year', 'Age band', 'Population'];
    const rows = [
      ['E08000018', 2021, '18-64', 160000],
      ['E08000018', 2021, '65+', 50000],
    ];
    const fromCsv = await validateUpload('population', csv([header, ...rows.map((r) => r.map(String))]), { fileName: 'p.csv' });
    const xlsx = await workbook([header, ...rows], { Ignored: [['la_code'], ['nonsense']] });
    const fromXlsx = await validateUpload('population', xlsx, { fileName: 'pop.xlsx' });
    expect(fromCsv.data).not.toBeNull();
    expect(fromXlsx.data).toEqual(fromCsv.data);
    async function* chunks() {
      for (let at = 0; at < xlsx.length; at += 97) yield xlsx.subarray(at, at + 97);
    }
    const streamed = await validateUpload('population', chunks(), { fileName: 'pop.xlsx' });
    expect(streamed.data).toEqual(fromCsv.data);
  });

  it('reads the same data whatever order the zip holds its parts in (workbook.xml first, last, or between the sheets)', async () => {
    const header = ['la_code', 'year', 'age_band', 'population'];
    const original = await workbook([header, ['E08000018', 2021, '65+', 7]], { Ignored: [['la_code'], ['nonsense']] });
    const parts = await JSZip.loadAsync(original);
    const names = Object.keys(parts.files).filter((n) => !parts.files[n].dir);
    const sheets = names.filter((n) => n.startsWith('xl/worksheets/sheet'));
    const rest = names.filter((n) => !sheets.includes(n) && n !== 'xl/workbook.xml' && n !== 'xl/sharedStrings.xml');
    // Shared strings and relationships before the sheets, so a sheet is parsed the moment it arrives.
    const orders = [
      [...rest, 'xl/sharedStrings.xml', 'xl/workbook.xml', ...sheets],
      [...rest, 'xl/sharedStrings.xml', ...sheets, 'xl/workbook.xml'],
      [...rest, 'xl/sharedStrings.xml', sheets[0], 'xl/workbook.xml', ...sheets.slice(1)],
      [...rest, 'xl/sharedStrings.xml', ...[...sheets].reverse(), 'xl/workbook.xml'],
      ['xl/workbook.xml', ...sheets, ...rest, 'xl/sharedStrings.xml'],
    ];
    for (const order of orders) {
      const rezipped = new JSZip();
      for (const name of order) rezipped.file(name, await parts.file(name)!.async('uint8array'));
      const bytes = await rezipped.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const result = await validateUpload('population', bytes, { fileName: 'p.xlsx' });
      expect(result.errors, order.join(' ')).toEqual([]);
      expect(result.data).toEqual([{ laCode: 'E08000018', year: 2021, ageBand: '65+', population: 7 }]);
    }
  });

  it('reads the first sheet in tab order, not the first one created', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Old').addRows([['la_code', 'year', 'age_band', 'population'], ['E08000018', 2020, '65+', 1]]);
    const first = wb.addWorksheet('Current');
    first.addRows([['la_code', 'year', 'age_band', 'population'], ['E08000018', 2021, '65+', 2]]);
    (first as unknown as { orderNo: number }).orderNo = -1; // a tab moved to the front (not in the typings)
    const result = await validateUpload('population', new Uint8Array(await wb.xlsx.writeBuffer()), { fileName: 'p.xlsx' });
    expect(result.data).toEqual([{ laCode: 'E08000018', year: 2021, ageBand: '65+', population: 2 }]);
  });

  it('reports an error at the sheet row less the header row, skipping empty rows, with its column', async () => {
    const sheet: Cell[][] = [[...EVENT_COLUMNS], eventCells(request), []];
    const bad = eventCells({ ...request, event_reference: 'EV9' });
    // A date with a time of day is not a date (the spec's midnight rule).
    bad[EVENT_COLUMNS.indexOf('event_start_date')] = new Date('2021-05-01T09:30:00Z');
    sheet.push(bad);
    const result = await validateUpload('events', await workbook(sheet), { fileName: 'e.xlsx' });
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 3, column: 'event_start_date', value: '2021-05-01 09:30:00' });
  });

  it('a corrupt or truncated .xlsx is one clear sentence, never a throw', async () => {
    const good = await workbook([['la_code', 'year', 'age_band', 'population'], ['E08000018', 2021, '65+', 5]]);
    const broken = [good.subarray(0, Math.floor(good.length / 2)), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9])];
    for (const b of broken) {
      const result = await validateUpload('population', b, { fileName: 'pop.xlsx' });
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0].row).toBe(0);
      expect(['not-xlsx', 'empty-file']).toContain(result.errors[0].rule);
      expect(result.errors[0].message).not.toMatch(/\n\s+at /);
    }
    const garbage = await validateUpload('population', broken[1], { fileName: 'pop.xlsx' });
    expect(garbage.errors[0].message).toMatch(/could not be read as an Excel workbook/);
  });

  it('a workbook named .csv keeps the one-sentence rejection, naming both ways out', async () => {
    const xlsx = await workbook([['la_code', 'year', 'age_band', 'population'], ['E08000018', 2021, '65+', 5]]);
    const result = await validateUpload('population', xlsx, { fileName: 'pop.csv' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].rule).toBe('not-csv');
    expect(result.errors[0].message).toContain('CSV UTF-8');
    expect(result.errors[0].message).toContain('.xlsx');
  });

  it('a CSV text file named .xlsx is still read as CSV', async () => {
    const text = csv([['la_code', 'year', 'age_band', 'population'], ['E08000018', '2021', '65+', '5']]);
    const result = await validateUpload('population', text, { fileName: 'pop.xlsx' });
    expect(result.errors).toEqual([]);
    expect(result.data).toHaveLength(1);
  });
});

describe('workbook values get the CSV rules', () => {
  /** One events row of inline strings, with the named cells given as raw `<c>` contents instead. */
  async function eventsWithCells(raw: Partial<Record<EventColumn, string>>): Promise<Uint8Array> {
    const ref = (i: number, r: number) => `${i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(39 + i)}`}${r}`;
    const text = (i: number, r: number, v: string) => (v === '' ? '' : `<c r="${ref(i, r)}" t="inlineStr"><is><t>${v}</t></is></c>`);
    const values = { ...BASE_EVENT, ...SERVICE } as Record<EventColumn, string>;
    const row2 = EVENT_COLUMNS.map((c, i) => (raw[c] !== undefined ? `<c r="${ref(i, 2)}"${raw[c]}</c>` : text(i, 2, values[c]))).join('');
    return handMadeWorkbook({ sheetData: `<row r="1">${EVENT_COLUMNS.map((c, i) => text(i, 1, c)).join('')}</row><row r="2">${row2}</row>` });
  }
  const check = async (raw: Partial<Record<EventColumn, string>>) => (await validateUpload('events', await eventsWithCells(raw), { fileName: 'e.xlsx' })).errors.map((e) => `${e.rule}@${e.column}`);

  it('a date cell holding an impossible date is an error, not the next month', async () => {
    expect(await check({ event_start_date: ' t="d"><v>2021-11-31</v>' })).toEqual(['impossible-date@event_start_date']);
    expect(await check({ event_start_date: ' t="d"><v>2021-11-30</v>' })).toEqual([]);
  });

  it('1e308, 0x1F, Infinity and a long fraction are not numbers that pass', async () => {
    expect(await check({ unit_cost: '><v>1e308</v>' })).toEqual(['number-precision@unit_cost']);
    expect(await check({ unit_cost: '><v>0x1F</v>' })).toEqual(['number-format@unit_cost']);
    expect(await check({ unit_cost: '><v>Infinity</v>' })).toEqual(['number-format@unit_cost']);
    expect(await check({ planned_units_per_week: '><v>0.333333333333333</v>' })).toEqual(['number-precision@planned_units_per_week']);
    expect(await check({ unit_cost: '><v>21.5</v>', planned_units_per_week: '><v>12.25</v>' })).toEqual([]);
  });
});

describe('the command line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates a population workbook (exit 0)', async () => {
    const file = path.join(dir, 'population.xlsx');
    writeFileSync(file, await workbook([['la_code', 'year', 'age_band', 'population'], ['E08000018', 2021, '18-64', 160000], ['E08000018', 2021, '65+', 50000]]));
    const run = spawnSync(process.execPath, ['bin/report-cards.mjs', 'validate', file, '--kind', 'population'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);
});
