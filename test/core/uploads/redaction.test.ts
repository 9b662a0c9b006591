/**
 * Redaction by provenance (issue 11): attacks that move personal values into columns that are not
 * personal — a lost first cell, an extra cell, reordered cells, ids and dates typed anywhere, a
 * file without its header row, a workbook with cells in the wrong columns — and the check that
 * no person id, NHS number, date of birth or death, or free text reaches the rejection report,
 * while every error is still named by row and rule (and by column where it is one of the kind's).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksPersonal, redactor } from '../../../functions/core/uploads/redaction.ts';
import { rejectionReport } from '../../../functions/core/uploads/report.ts';
import type { UploadIssue } from '../../../functions/core/uploads/parsed.ts';
import { validateUpload, type UploadResult } from '../../../functions/core/uploads/validate-upload.ts';
import { KINDS } from '../../../functions/core/uploads/kinds/index.ts';
import { handMadeWorkbook } from '../../support/hand-made-workbook.ts';
import { BASE_EVENT, cell, EVENT_COLUMNS, SERVICE, validateText, type EventFields } from './fixtures.ts';

/** Three people whose personal values are distinctive enough to search the report for. */
const PEOPLE = [
  { la_person_unique_identifier: 'P4400917', nhs_number: '943 476 5919', date_of_birth: '1950-03-04', date_of_death: '', review_reason: 'Daughter Margaret Oduya asked' },
  { la_person_unique_identifier: 'SMITHJOHN', nhs_number: '4010232137', date_of_birth: '17/08/1938', date_of_death: '2021-06-30', review_reason: '' },
  { la_person_unique_identifier: 'c0ffee42-ab', nhs_number: '', date_of_birth: '1961-12-25 00:00:00', date_of_death: '', review_reason: 'Lives with Tomasz Wierzbicki' },
] as const;

/** Every personal string, with the digits of NHS numbers also searched without their spaces. */
const SECRETS = PEOPLE.flatMap((p) => [p.la_person_unique_identifier, p.nhs_number, p.nhs_number.replace(/ /g, ''), p.date_of_birth, p.date_of_death, p.review_reason]).filter((s) => s !== '');

function personRows(): string[][] {
  return PEOPLE.flatMap((person, i) => {
    const events: EventFields[] = [{}, SERVICE, { event_type: 'Review', event_outcome: 'Continuation of support or services', review_reason: person.review_reason }];
    return events.map((e) => EVENT_COLUMNS.map((c) => ({ ...BASE_EVENT, event_reference: `EV${i}`, ...person, ...e, review_reason: person.review_reason })[c] ?? ''));
  });
}

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

function everythingSent(result: UploadResult): string {
  const { subject, text, errorsCsv } = rejectionReport('events.csv', result);
  return `${subject}\n${text}\n${errorsCsv}`;
}

/** No secret in the report, and each listed error named by row and rule (and column when it is one of ours). */
function expectRedactedButNamed(result: UploadResult): void {
  expect(result.errorCount).toBeGreaterThan(0);
  const sent = everythingSent(result);
  expect(SECRETS.filter((s) => sent.includes(s))).toEqual([]);
  const lines = rejectionReport('events.csv', result).errorsCsv.trimEnd().split('\r\n').slice(1);
  expect(lines).toHaveLength(result.errors.length);
  const ours = new Set(KINDS.events.columns.map((c) => c.name));
  result.errors.forEach((e, i) => {
    expect(lines[i].startsWith(`${e.row},${ours.has(e.column) ? e.column : ''},${e.rule},`)).toBe(true);
  });
}

type Attack = (row: string[], at: number, other: number) => string[];
const ATTACKS: Record<string, Attack> = {
  'drops a cell': (row, at) => row.filter((_, i) => i !== at),
  'adds a cell': (row, at) => [...row.slice(0, at), 'x', ...row.slice(at)],
  'swaps two cells': (row, at, other) => row.map((v, i) => (i === at ? row[other] : i === other ? row[at] : v)),
  'rotates the cells': (row, at) => [...row.slice(at), ...row.slice(0, at)],
  'copies a personal value over a cell': (row, at, other) => row.map((v, i) => (i === at ? row[[3, 4, 5, 6, 22][other % 5]] : v)),
};

describe('rejection reports never carry personal values, wherever they landed', () => {
  it('a row that lost its first cell: ids and NHS numbers shifted into code-list columns', async () => {
    const rows = personRows().map((r, i) => (i % 2 === 0 ? r.slice(1) : r));
    const result = await validateText('events', csv(EVENT_COLUMNS, rows));
    expect(result.errors.some((e) => e.rule === 'code-list')).toBe(true);
    expectRedactedButNamed(result);
  });

  it('reordered cells with the header\'s shape: a person id under event_type, a date under event_outcome', async () => {
    const rows = personRows().map((r) => {
      const moved = [...r];
      moved[EVENT_COLUMNS.indexOf('event_type')] = r[EVENT_COLUMNS.indexOf('la_person_unique_identifier')];
      moved[EVENT_COLUMNS.indexOf('event_outcome')] = r[EVENT_COLUMNS.indexOf('date_of_birth')];
      moved[EVENT_COLUMNS.indexOf('client_type')] = r[EVENT_COLUMNS.indexOf('nhs_number')] || r[EVENT_COLUMNS.indexOf('review_reason')];
      return moved;
    });
    const result = await validateText('events', csv(EVENT_COLUMNS, rows));
    expect(result.errors.filter((e) => e.rule === 'code-list').length).toBeGreaterThanOrEqual(9);
    expect(result.errors.every((e) => e.inPlace)).toBe(true);
    expectRedactedButNamed(result);
  });

  it('a file without its header row: the first row of data is read as the header', async () => {
    const result = await validateText('events', csv(personRows()[0], personRows().slice(1)));
    expect(result.errors.map((e) => e.rule)).toContain('missing-column');
    expectRedactedButNamed(result);
  });

  it('a workbook whose cells sit in the wrong columns', async () => {
    const letters = (n: number) => (n < 26 ? String.fromCharCode(65 + n) : `A${String.fromCharCode(65 + n - 26)}`);
    const xmlRow = (r: number, cells: readonly string[], shift: number) =>
      `<row r="${r}">${cells.map((v, i) => (v === '' ? '' : `<c r="${letters(i + shift)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`;
    const sheetData = [xmlRow(1, EVENT_COLUMNS, 0), ...personRows().map((r, i) => xmlRow(i + 2, r.slice(i % 2), 0))].join('');
    const result = await validateUpload('events', await handMadeWorkbook({ sheetData }), { fileName: 'events.xlsx' });
    expect(result.errorCount).toBeGreaterThan(0);
    expectRedactedButNamed(result);
  });

  it('any of these attacks on any row and cells (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ row: fc.nat(8), attack: fc.constantFrom(...Object.keys(ATTACKS)), at: fc.nat(EVENT_COLUMNS.length - 1), other: fc.nat(EVENT_COLUMNS.length - 1) }), { minLength: 1, maxLength: 4 }),
        async (attacks) => {
          const rows = personRows();
          for (const a of attacks) rows[a.row] = ATTACKS[a.attack](rows[a.row], a.at, a.other);
          const result = await validateText('events', csv(EVENT_COLUMNS, rows));
          if (result.errorCount === 0) return; // an attack that left a valid file (a swap of two blanks)
          expectRedactedButNamed(result);
        },
      ),
      { seed: 11, numRuns: 150 },
    );
  });
});

describe('what a report may still quote', () => {
  const issue = (column: string, value: string, inPlace = true): UploadIssue => ({ row: 4, column, value, rule: 'code-list', message: `${column} is not one of the labels`, inPlace });
  const show = redactor(KINDS.events.columns);

  it('a near-miss of a label in its own code-list column, on a row of the header\'s shape', () => {
    expect(show(issue('event_outcome', 'Progress to asessment, review or reasessment')).value).toBe('Progress to asessment, review or reasessment');
    expect(show(issue('service_type', 'Long-Term Support: Nursing')).value).toBe('Long-Term Support: Nursing');
    expect(show(issue('event_type', 'Reveiw')).value).toBe('Reveiw');
  });

  it('nothing from a row whose cells do not line up with the header', () => {
    expect(show(issue('event_type', 'Reveiw', false)).value).toBe('');
  });

  it('nothing that is not made of the list\'s own words, nor from any column without a code list', () => {
    expect(show(issue('event_outcome', 'Closed')).value).toBe('');
    expect(show(issue('event_type', 'Margaret')).value).toBe('');
    expect(show(issue('gender', 'Female')).value).toBe('');
    expect(show(issue('unit_cost', '£12.50')).value).toBe('');
    expect(show(issue('event_start_date', '2021-02-30')).value).toBe('');
  });

  it('never a value of a personal form, even made of label words', () => {
    expect(looksPersonal('Review 1950-03-04')).toBe(true);
    expect(looksPersonal('Service 4/3/50')).toBe(true);
    expect(looksPersonal('943 476 5919')).toBe(true);
    expect(looksPersonal('NFA - 100% NHS funded care')).toBe(false);
    expect(show(issue('event_type', 'Review 12345')).value).toBe('');
  });

  it('names a column only when it is one of the kind\'s own', () => {
    expect(show({ ...issue('p4400917', 'P4400917'), rule: 'duplicate-column' }).column).toBe('');
    expect(show(issue('event_type', 'x')).column).toBe('event_type');
  });
});

describe('messages never quote the file', () => {
  it('holds for every error of a file broken in every rule a value can break', async () => {
    const result = await validateText(
      'events',
      csv(EVENT_COLUMNS, [
        ...personRows(),
        EVENT_COLUMNS.map((c) => ({ ...BASE_EVENT, la_code: 'E08000019', reporting_period_end_date: '2021-10-31', event_start_date: '2021-12-05', event_end_date: '2021-12-01' })[c]),
        EVENT_COLUMNS.map((c) => ({ ...BASE_EVENT, date_of_birth: '1950-03-05', event_start_date: '2021-05-01 10:30:00', unit_cost: '£5' })[c]),
      ]),
    );
    expect(result.errorCount).toBeGreaterThan(4);
    for (const e of result.errors) if (e.value && e.value.length > 2) expect(e.message).not.toContain(e.value);
  });
});
