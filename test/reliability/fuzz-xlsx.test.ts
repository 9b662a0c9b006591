/**
 * Fuzzing the .xlsx reader in-process: workbooks whose parts are valid zips holding broken or
 * hostile XML (cut short, random text spliced in, unknown cell types, shared-string indexes out
 * of range, references beyond the sheet, deep nesting), and valid workbooks with bytes flipped or
 * cut off. `validateUpload` must always answer with a verdict: never throw, never hang, never a
 * crash of its own (rule `internal`), never data alongside errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateUpload } from '../../functions/core/uploads/validate-upload.ts';
import { handMadeWorkbook, NS } from '../support/hand-made-workbook.ts';

const RUNS = 2_000;

const cellXml = fc.oneof(
  fc.record({ col: fc.constantFrom('A', 'B', 'C', 'D', 'XFD', 'XFE', '', '1'), type: fc.constantFrom('s', 'str', 'inlineStr', 'b', 'e', 'd', 'n', '', 'zz'), v: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('0', '1', '5', '-1', '1e308', 'NaN', '44316', '2021-02-30T00:00:00')) }).map(
    ({ col, type, v }) => (type === 'inlineStr' ? `<c r="${col}2" t="inlineStr"><is><t>${escape(v)}</t></is></c>` : `<c r="${col}2"${type ? ` t="${type}"` : ''} s="${v.length % 4}"><v>${escape(v)}</v></c>`),
  ),
  fc.constantFrom('<c r="A2"><f>SUM(A1)</f></c>', '<c/>', '<c r="A2"><v/></c>', '<c r="B2" t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c>'),
);

const header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Damage {
  part: 'sheet' | 'workbook' | 'rels' | 'strings' | 'styles' | null;
  how: 'cut' | 'splice' | 'nest';
  at: number;
  text: string;
}

const damage: fc.Arbitrary<Damage> = fc.record({
  part: fc.constantFrom('sheet' as const, 'workbook' as const, 'rels' as const, 'strings' as const, 'styles' as const, null),
  how: fc.constantFrom('cut' as const, 'splice' as const, 'nest' as const),
  at: fc.nat(2_000),
  text: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('<', '</row>', '<row r="0">', '&bogus;', ']]>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '\u0000', '<c r="A1048577"/>')),
});

function damaged(xml: string, d: Damage): string {
  const at = d.at % (xml.length + 1);
  if (d.how === 'cut') return xml.slice(0, at);
  if (d.how === 'nest') return xml.slice(0, at) + '<x>'.repeat(500) + xml.slice(at);
  return xml.slice(0, at) + d.text + xml.slice(at);
}

const PART_PATHS: Record<NonNullable<Damage['part']>, string> = {
  sheet: 'xl/worksheets/sheet1.xml',
  workbook: 'xl/workbook.xml',
  rels: 'xl/_rels/workbook.xml.rels',
  strings: 'xl/sharedStrings.xml',
  styles: 'xl/styles.xml',
};

function workbook(rows: string[][], d: Damage): Promise<Uint8Array> {
  const data = rows.map((cells, i) => `<row r="${i + 2}">${cells.join('').replaceAll('2"', `${i + 2}"`)}</row>`).join('');
  return handMadeWorkbook(
    {
      sharedStrings: ['la_code', 'year', 'age_band', 'population'].map((s) => `<si><t>${s}</t></si>`),
      styles: `<styleSheet xmlns="${NS}"><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="2"/></cellXfs></styleSheet>`,
      sheetData: header + data,
    },
    (path, xml) => (d.part !== null && PART_PATHS[d.part] === path ? damaged(xml, d) : xml),
  );
}

const brokenBytes = fc.record({ flips: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 4 }), cut: fc.option(fc.nat(), { freq: 3 }) });

/** A valid population row (the accepting path), in the cell forms writers use. */
const validRow = fc
  .record({ band: fc.constantFrom('18-64', '65+'), count: fc.nat(500_000), inline: fc.boolean(), year: fc.integer({ min: 2015, max: 2030 }) })
  .map(({ band, count, inline, year }) => [
    inline ? '<c r="A2" t="inlineStr"><is><t>E08000018</t></is></c>' : '<c r="A2" t="str"><v>E08000018</v></c>',
    `<c r="B2"><v>${year}</v></c>`,
    `<c r="C2" t="inlineStr"><is><t>${band}</t></is></c>`,
    `<c r="D2" s="3"><v>${count}</v></c>`,
  ]);

const generated = fc.record({
  rows: fc.array(fc.oneof({ weight: 1, arbitrary: fc.array(cellXml, { minLength: 1, maxLength: 5 }) }, { weight: 3, arbitrary: validRow }), { maxLength: 6 }),
  damage,
  bytes: brokenBytes,
  corruptBytes: fc.boolean(),
});

describe('fuzzing the .xlsx reader', () => {
  it(`answers every one of ${RUNS} generated workbooks with a verdict`, async () => {
    const verdicts = { accepted: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(generated, async ({ rows, damage: d, bytes: b, corruptBytes }) => {
        let file = await workbook(rows, d);
        if (corruptBytes) {
          file = file.slice();
          for (const [at, value] of b.flips) file[at % file.length] = value;
          if (b.cut !== null) file = file.subarray(0, b.cut % (file.length + 1));
        }
        const r = await validateUpload('population', file, { fileName: 'fuzz.xlsx' });
        expect(r.errorCountsByRule.internal, r.errors.find((e) => e.rule === 'internal')?.message).toBeUndefined();
        if (r.errorCount > 0) expect(r.data).toBeNull();
        else expect(r.data).not.toBeNull();
        verdicts[r.errorCount > 0 ? 'rejected' : 'accepted']++;
        for (const e of r.errors) expect(e.message).not.toMatch(/\n\s+at /);
      }),
      { numRuns: RUNS, seed: 20261123, endOnFailure: true },
    );
    // The generator reaches both verdicts, so the reader's accepting path is fuzzed too.
    expect(verdicts.accepted).toBeGreaterThan(RUNS / 50);
    expect(verdicts.rejected).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
