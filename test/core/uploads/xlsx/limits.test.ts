/**
 * The workbook limits end to end: each hostile workbook of issue 11 (and one per limit) is a few
 * kilobytes that inflate to up to gigabytes, and gets its one-sentence rejection from a child
 * process whose heap is capped at 512 MB, so a reader that held what the workbook describes would
 * die there instead of passing. Excel's last row and column still read.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { validateUpload } from '../../../../functions/core/uploads/validate-upload.ts';
import { readXlsxBatches } from '../../../../functions/core/uploads/xlsx-reader.ts';
import { beyondLimit } from '../../../../functions/core/uploads/xlsx/limits.ts';
import { handMadeWorkbook } from '../../../support/hand-made-workbook.ts';
import { HOSTILE, POPULATION_HEADER, type HostileName } from '../../../support/hostile-workbooks.ts';

interface ChildResult {
  name: string;
  zipBytes: number;
  seconds: number;
  rows: number;
  errorCountsByRule: Record<string, number>;
  first: { row: number; rule: string; message: string };
  accepted: boolean;
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const populationRow = (r: number, extra = '') => `<row r="${r}">${cell(`A${r}`, 'E08000018')}<c r="B${r}"><v>2021</v></c>${cell(`C${r}`, '65+')}<c r="D${r}"><v>7</v></c>${extra}</row>`;

describe('hostile workbooks, in a process with a 512 MB heap', () => {
  it('each is refused with the sentence of the limit it breaks, and a value in column XFD on a million rows is an error per row', () => {
    const names = Object.keys(HOSTILE) as HostileName[];
    const run = spawnSync(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', 'test/support/validate-hostile.ts', ...names, 'far-right-cells'], {
      encoding: 'utf8',
      timeout: 400_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const results = new Map<string, ChildResult>(lines.filter((l) => l.name).map((l) => [l.name, l]));
    for (const name of names) {
      const r = results.get(name)!;
      // Kilobytes to a few megabytes in; gigabytes described.
      expect(r.zipBytes, name).toBeLessThan(4 * 1024 * 1024 + (name === 'zip-entries' ? 60e6 : 0));
      expect(r.accepted, name).toBe(false);
      expect(r.errorCountsByRule['not-xlsx'], name).toBe(1);
      const sentence = beyondLimit(HOSTILE[name].limit).message;
      // Listed first, even after the row errors found before the limit (wide-header has thousands).
      expect(r.first, name).toEqual({ row: 0, rule: 'not-xlsx', message: sentence });
      expect(r.errorCountsByRule.internal, name).toBeUndefined();
    }
    const farRight = results.get('far-right-cells')!;
    expect(farRight).toMatchObject({ rows: 1_000_000, errorCountsByRule: { 'field-count': 1_000_000 }, accepted: false });
    expect(lines.at(-1).peakRssMb).toBeLessThan(512);
  }, 420_000);
});

describe("Excel's own limits", () => {
  it("the last row and the last column read; a row or column beyond them is the limit's one sentence", async () => {
    const note = (r: number) => cell(`XFD${r}`, 'n');
    const lastRow = await validateUpload('population', await handMadeWorkbook({ sheetData: POPULATION_HEADER.replace('</row>', `${note(1)}</row>`) + populationRow(1_048_576, note(1_048_576)) }), { fileName: 'p.xlsx' });
    expect(lastRow.errors).toEqual([]);
    expect(lastRow.data).toEqual([{ laCode: 'E08000018', year: 2021, ageBand: '65+', population: 7 }]);

    const beyond = {
      rows: [`<row r="1048577">${cell('A1048577', 'x')}</row>`, `<row>${cell('A1048577', 'x')}</row>`, `<row r="1048576"/><row>${cell('A1', 'x')}</row>`],
      columns: [`<row r="2">${cell('XFE2', 'x')}</row>`, `<row r="2">${cell('XFD2', 'x')}<c t="inlineStr"><is><t>x</t></is></c></row>`],
    } as const;
    for (const [limit, rows] of Object.entries(beyond) as [keyof typeof beyond, readonly string[]][]) {
      for (const row of rows) {
        const result = await validateUpload('population', await handMadeWorkbook({ sheetData: POPULATION_HEADER + row }), { fileName: 'p.xlsx' });
        expect(result.errors, row).toEqual([expect.objectContaining({ row: 0, rule: 'not-xlsx', message: beyondLimit(limit).message })]);
      }
    }
  });

  it('a value beyond the header is held one column past it, not at its own column', async () => {
    const bytes = await handMadeWorkbook({ sheetData: POPULATION_HEADER + populationRow(2, cell('XFD2', 'far')) + `<row r="3">${cell('XFC3', ' ')}${cell('XFD3', 'far')}</row>` });
    const records: string[][] = [];
    for await (const batch of readXlsxBatches(bytes)) records.push(...batch.records);
    // Four header columns: the far values sit in the fifth, whatever blank came before them.
    expect(records.map((r) => r.length)).toEqual([4, 5, 5]);
    expect(records[1]).toEqual(['E08000018', '2021', '65+', '7', 'far']);
    expect(records[2]).toEqual(['', '', '', '', 'far']);
    const result = await validateUpload('population', bytes, { fileName: 'p.xlsx' });
    expect(result.errors.map((e) => [e.row, e.rule])).toContainEqual([1, 'field-count']);
  });
});
