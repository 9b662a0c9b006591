/**
 * Workbooks written by hand from their XML, for what ExcelJS never writes but other producers
 * (Excel, LibreOffice, reporting tools) do: prefixed elements, inline strings, cells and rows
 * without `r`, absolute relationship targets, the 1904 date system, phonetic runs.
 */
import { describe, expect, it } from 'vitest';
import { validateUpload } from '../../../../functions/core/uploads/validate-upload.ts';
import { columnNumber } from '../../../../functions/core/uploads/xlsx/sheet-rows.ts';
import { handMadeWorkbook, NS, REL } from '../../../support/hand-made-workbook.ts';

const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>la_code</t></is></c><c r="B1" t="inlineStr"><is><t>year</t></is></c><c r="C1" t="inlineStr"><is><t>age_band</t></is></c><c r="D1" t="inlineStr"><is><t>population</t></is></c></row>';

describe('hand-made workbooks', () => {
  it('inline strings, cells and rows without r, formula strings and a blank row read as the CSV would', async () => {
    const bytes = await handMadeWorkbook({
      sheetData: `${header}<row><c t="inlineStr"><is><t>E08000018</t></is></c><c><v>2021</v></c><c t="str"><f>"18-"&amp;"64"</f><v>18-64</v></c><c><v>160000</v></c></row><row r="4"/><row r="5"><c r="A5" t="inlineStr"><is><r><t>E0800</t></r><r><t>0018</t></r></is></c><c r="B5"><v>2021</v></c><c r="C5" t="inlineStr"><is><t>65+</t></is></c><c r="D5"><v>50000</v></c></row>`,
    });
    const result = await validateUpload('population', bytes, { fileName: 'p.xlsx' });
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual([
      { laCode: 'E08000018', year: 2021, ageBand: '18-64', population: 160000 },
      { laCode: 'E08000018', year: 2021, ageBand: '65+', population: 50000 },
    ]);
  });

  it('prefixed elements (x:row), an absolute sheet target and shared strings with a phonetic run', async () => {
    const x = (xml: string) => xml.replace(/<(\/?)(row|c|v|is|t)\b/g, '<$1x:$2');
    // The sheet's elements prefixed, as in files whose main namespace is bound to x:.
    const prefixSheet = (path: string, xml: string) =>
      path !== 'xl/worksheets/sheet1.xml' ? xml : xml.replace(`<worksheet xmlns="${NS}"><sheetData>`, `<x:worksheet xmlns:x="${NS}"><x:sheetData>`).replace('</sheetData></worksheet>', '</x:sheetData></x:worksheet>');
    const bytes = await handMadeWorkbook(
      {
        sheetTarget: '/xl/worksheets/sheet1.xml',
        sharedStrings: ['<si><t>la_code</t></si>', '<si><t>year</t></si>', '<si><t>age_band</t></si>', '<si><t>population</t></si>', '<si><r><t>65</t></r><r><t>+</t></r><rPh sb="0" eb="1"><t>ろくじゅうご</t></rPh></si>'],
        sheetData: x('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>E08000018</t></is></c><c r="B2"><v>2021</v></c><c r="C2" t="s"><v>4</v></c><c r="D2"><v>7</v></c></row>'),
      },
      prefixSheet,
    );
    const result = await validateUpload('population', bytes, { fileName: 'p.xlsx' });
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual([{ laCode: 'E08000018', year: 2021, ageBand: '65+', population: 7 }]);
  });

  it('dates by custom and built-in format in the 1904 date system', async () => {
    const styles = `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const workbook = `<workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr date1904="1"/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const bytes = await handMadeWorkbook({
      workbook,
      styles,
      sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>plain</t></is></c><c r="B1" t="inlineStr"><is><t>custom</t></is></c><c r="C1" t="inlineStr"><is><t>builtin</t></is></c></row><row r="2"><c r="A2" s="0"><v>42854</v></c><c r="B2" s="1"><v>42854</v></c><c r="C2" s="2"><v>42854.25</v></c></row>',
    });
    // population would reject these columns; the rejection report still shows the cell text.
    const result = await validateUpload('population', bytes, { fileName: 'p.xlsx' });
    expect(result.warnings.map((w) => w.value)).toEqual(['plain', 'custom', 'builtin']);
    const { readXlsxBatches } = await import('../../../../functions/core/uploads/xlsx-reader.ts');
    const records: string[][] = [];
    for await (const batch of readXlsxBatches(bytes)) records.push(...batch.records);
    expect(records[1]).toEqual(['42854', '2021-04-30', '2021-04-30 06:00:00']);
  });

  it('a cell naming a shared string the workbook does not hold is one sentence', async () => {
    const bytes = await handMadeWorkbook({ sharedStrings: ['<si><t>la_code</t></si>'], sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>9</v></c></row>' });
    const result = await validateUpload('population', bytes, { fileName: 'p.xlsx' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 0, rule: 'not-xlsx' });
  });

  it('a workbook whose first tab points at no sheet part is one sentence', async () => {
    const bytes = await handMadeWorkbook({ sheetTarget: 'worksheets/missing.xml', sheetData: header });
    const result = await validateUpload('population', bytes, { fileName: 'p.xlsx' });
    expect(result.errors[0]).toMatchObject({ row: 0, rule: 'not-xlsx' });
    expect(result.errors[0].message).toMatch(/no worksheet/);
  });

  it('a styles part with more cell formats than Excel allows is refused, not held', async () => {
    const formats = (n: number) => `<styleSheet xmlns="${NS}"><cellXfs>${'<xf numFmtId="0"/>'.repeat(n)}</cellXfs></styleSheet>`;
    const ok = await validateUpload('population', await handMadeWorkbook({ styles: formats(64_000), sheetData: header }), { fileName: 'p.xlsx' });
    expect(ok.errors.map((e) => e.rule)).not.toContain('not-xlsx');
    const bomb = await validateUpload('population', await handMadeWorkbook({ styles: formats(70_000), sheetData: header }), { fileName: 'p.xlsx' });
    expect(bomb.errors).toHaveLength(1);
    expect(bomb.errors[0]).toMatchObject({ row: 0, rule: 'not-xlsx' });
  });

  it('the same bytes read the same, however many are read at once', async () => {
    const bytes = await handMadeWorkbook({ sheetData: `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>E08000018</t></is></c><c r="B2"><v>2021</v></c><c r="C2" t="inlineStr"><is><t>65+</t></is></c><c r="D2"><v>3</v></c></row>` });
    const results = await Promise.all(Array.from({ length: 40 }, () => validateUpload('population', bytes, { fileName: 'p.xlsx' })));
    for (const r of results) expect(r.data).toEqual([{ laCode: 'E08000018', year: 2021, ageBand: '65+', population: 3 }]);
  });
});

describe('column letters', () => {
  it('A is 1, Z 26, AA 27, XFD the last column', () => {
    expect(columnNumber('A1')).toBe(1);
    expect(columnNumber('z9')).toBe(26);
    expect(columnNumber('AA10')).toBe(27);
    expect(columnNumber('XFD1048576')).toBe(16_384);
    expect(() => columnNumber('XFE1')).toThrow();
    expect(() => columnNumber('12')).toThrow();
  });
});

describe('cells', () => {
  it('every cell counts, blank or not, and so does every column up to a row’s last value', async () => {
    const { WorkbookZip } = await import('../../../../functions/core/uploads/xlsx/zip-parts.ts');
    const { sheetRows } = await import('../../../../functions/core/uploads/xlsx/sheet-rows.ts');
    const { BEYOND } = await import('../../../../functions/core/uploads/xlsx/limits.ts');
    // A header of 5 cells reaching column J (10 columns held), 10 blank cells, one value in column J
    // (10 columns held): 30 cells.
    const wide = header.replace('</row>', '<c r="J1" t="inlineStr"><is><t>note</t></is></c></row>');
    const bytes = await handMadeWorkbook({ sheetData: `${wide}<row r="2">${'<c/>'.repeat(10)}</row><row r="3"><c r="J3"><v>1</v></c></row>` });
    const read = async (maxCells: number) => {
      const zip = await WorkbookZip.open(bytes);
      const sheet = zip.part('xl/worksheets/sheet1.xml')!;
      const rows: number[] = [];
      for await (const batch of sheetRows(sheet, { sharedStrings: [], dateStyles: [], date1904: false }, maxCells)) rows.push(...batch.map((r) => r.number));
      return rows;
    };
    expect(await read(30)).toEqual([1, 2, 3]);
    await expect(read(29)).rejects.toThrow(BEYOND.cells);
  });
});
