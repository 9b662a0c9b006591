import { describe, expect, it } from 'vitest';
import { formatIssueLines, rejectionReport } from '../../../functions/core/uploads/report.ts';
import { eventsCsv, validateText } from './fixtures.ts';

// Values a rejection email must never show (extract-spec.md): they identify a person.
const SECRET_ID = 'PERSON-SECRET-77';
const SECRET_NHS = '123 456';
const SECRET_DOB = '1950-02-30';
const SECRET_DOD = '31/02/2021';

async function rejected() {
  return validateText(
    'events',
    eventsCsv([
      { la_person_unique_identifier: SECRET_ID, nhs_number: SECRET_NHS, date_of_birth: SECRET_DOB, date_of_death: SECRET_DOD },
      { la_person_unique_identifier: SECRET_ID, event_outcome: 'Progress to asessment' },
      { event_type: 'Closed' },
      { nhs_number: '9434765918' },
    ]),
  );
}

describe('formatIssueLines', () => {
  it('prints FILE:ROW:COLUMN: error|warning: message in row order', async () => {
    const r = await rejected();
    const lines = formatIssueLines('events.csv', r);
    expect(lines[0]).toMatch(/^events\.csv:1:nhs_number: error: nhs_number is not 10 digits/);
    expect(lines.filter((l) => /^events\.csv:2:event_outcome: error: event_outcome is not one of: .* \(value "Progress to asessment"\)$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^events\.csv:3:event_type: error: event_type is not one of: .* \(value "Closed"\)$/.test(l))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^events\.csv:4:nhs_number: warning: /);
    for (const line of lines) expect(line).toMatch(/^events\.csv:\d+:[a-z0-9_]*: (error|warning): \S/);
  });

  it('says how many errors were not listed', async () => {
    const r = await rejected();
    const capped = { ...r, errors: r.errors.slice(0, 1) };
    expect(formatIssueLines('f.csv', capped).at(-1)).toBe(`f.csv:0:: error: ${r.errorCount - 1} more errors are not listed (${r.errorCount} in all)`);
  });
});

describe('rejectionReport', () => {
  it('counts errors per rule and lists them, quoting a near-miss of a label', async () => {
    const r = await rejected();
    const report = rejectionReport('events.csv', r);
    expect(report.subject).toBe(`Upload rejected: events.csv (events), ${r.errorCount} errors`);
    expect(report.text).toContain('impossible-date: 2');
    expect(report.text).toContain('code-list: 2');
    expect(report.text).toContain('Row 2, event_outcome: event_outcome is not one of: ');
    expect(report.text).toContain('(value "Progress to asessment")');
    const csv = report.errorsCsv.trimEnd().split('\r\n');
    expect(csv[0]).toBe('row,column,rule,value,message');
    expect(csv).toHaveLength(r.errors.length + 1);
    expect(csv.some((l) => l.startsWith('2,event_outcome,code-list,Progress to asessment,'))).toBe(true);
    // Not made of event_type's words: it may be anything that landed there, so it is not quoted.
    expect(csv.some((l) => l.startsWith('3,event_type,code-list,,'))).toBe(true);
    expect(report.text + report.errorsCsv).not.toContain('Closed');
  });

  it('never shows a value of the personal columns, only row and rule', async () => {
    const r = await rejected();
    const personal = r.errors.filter((e) => ['la_person_unique_identifier', 'nhs_number', 'date_of_birth', 'date_of_death'].includes(e.column));
    expect(personal.map((e) => e.column).sort()).toEqual(['date_of_birth', 'date_of_death', 'nhs_number']);
    const { subject, text, errorsCsv } = rejectionReport('events.csv', r);
    for (const secret of [SECRET_ID, SECRET_NHS, '123456', SECRET_DOB, SECRET_DOD, '1950']) {
      expect(subject + text + errorsCsv).not.toContain(secret);
    }
    expect(text).toContain('Row 1, date_of_birth: date_of_birth is not a real calendar date');
    expect(errorsCsv).toContain('1,date_of_birth,impossible-date,,date_of_birth is not a real calendar date');
  });

  it('neutralises values a spreadsheet would run as formulas', async () => {
    const r = await validateText('events', eventsCsv([{ event_type: '=Reveiw' }, { event_type: '-Request' }]));
    const { errorsCsv } = rejectionReport('e.csv', r);
    expect(errorsCsv).toContain(`,code-list,'=Reveiw,`);
    expect(errorsCsv).toContain(`,code-list,'-Request,`);
  });
});
