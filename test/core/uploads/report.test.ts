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
  it('counts errors per kind of problem in words, never by rule id, and lists them, quoting a near-miss of a label', async () => {
    const r = await rejected();
    const report = rejectionReport('events.csv', r);
    expect(report.subject).toBe(`Upload rejected: events.csv (events), ${r.errorCount} errors`);
    expect(r.errorCountsByRule).toMatchObject({ 'impossible-date': 2, 'code-list': 2 });
    expect(report.text).toContain('  A date that does not exist on the calendar, such as 31 November: 2\n');
    expect(report.text).toContain('  A value is not one of the values the column allows: 2\n');
    for (const rule of Object.keys(r.errorCountsByRule)) expect(report.text).not.toContain(rule);
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

/** Every sentence of the report is true for its data: one statement per case, from hand-made rows. */
describe('rejectionReport sentences', () => {
  const lines = (text: string) => text.split('\n');
  /** `n` rows, each with one error only: an event type not in the list. */
  const wrongRows = (n: number) => validateText('events', eventsCsv(Array.from({ length: n }, (_, i) => ({ event_type: 'Closed', event_reference: `EV${i + 1}` }))));

  it('one error: singular throughout, and the error itself rather than a list of one', async () => {
    const r = await wrongRows(1);
    expect(r.errorCount).toBe(1);
    const { subject, text } = rejectionReport('e.csv', r);
    expect(subject).toBe('Upload rejected: e.csv (events), 1 error');
    expect(lines(text)[0]).toBe('The events upload e.csv was rejected: it has 1 error in 1 data row.');
    expect(text).toContain('\nThe error (also in the attached CSV file):\n  Row 1, event_type: event_type is not one of: ');
    expect(text).not.toMatch(/\b1 errors|\b1 data rows|All 1\b|First 1\b/);
  });

  it('many errors, all listed: plural counts, "All N errors"', async () => {
    const r = await wrongRows(3);
    const { subject, text } = rejectionReport('e.csv', r);
    expect(subject).toBe('Upload rejected: e.csv (events), 3 errors');
    expect(lines(text)[0]).toBe('The events upload e.csv was rejected: it has 3 errors in 3 data rows.');
    expect(text).toContain('\nAll 3 errors (all of them are in the attached CSV file):\n');
    expect(lines(text).filter((l) => /^ {2}Row \d+, event_type: /.test(l))).toHaveLength(3);
  });

  it('more errors than the email lists: "the first 50 of the N", and the attachment has them all', async () => {
    const r = await wrongRows(60);
    const { text, errorsCsv } = rejectionReport('e.csv', r);
    expect(text).toContain('\nThe first 50 of the 60 errors (all of them are in the attached CSV file):\n');
    expect(lines(text).filter((l) => /^ {2}Row \d+, event_type: /.test(l))).toHaveLength(50);
    expect(errorsCsv.trimEnd().split('\r\n')).toHaveLength(61);
  });

  it('more errors than validation kept: the attachment is said to hold only the first ones', async () => {
    const all = await wrongRows(3);
    // As validation returns it past its first 1,000: errorCount counts all, errors keeps the first.
    const capped = { ...all, errors: all.errors.slice(0, 2) };
    const { text, errorsCsv } = rejectionReport('e.csv', capped);
    expect(text).toContain('\nThe first 2 of the 3 errors (the attached CSV file lists the first 2):\n');
    expect(errorsCsv.trimEnd().split('\r\n')).toHaveLength(3);
  });

  it('a whole-file problem: no count of data rows, and "The whole file" rather than row 0', async () => {
    const r = await validateText('events', '');
    const { subject, text } = rejectionReport('e.csv', r);
    expect(subject).toBe('Upload rejected: e.csv (events), 1 error');
    expect(lines(text)[0]).toBe('The events upload e.csv was rejected: it has 1 error.');
    expect(text).toContain('  The file is empty: 1\n');
    expect(text).toContain('\n  The whole file: The file is empty.');
    expect(text).not.toMatch(/Row 0|empty-file/);
  });

  it('warnings: "1 warning" with "is", several with "are"', async () => {
    const one = await validateText('events', eventsCsv([{ event_type: 'Closed' }, { nhs_number: '9434765918' }]));
    expect(one.warningCount).toBe(1);
    expect(rejectionReport('e.csv', one).text).toContain('\nThere is also 1 warning; warnings do not reject a file.');
    const two = await validateText('events', eventsCsv([{ event_type: 'Closed' }, { nhs_number: '9434765918' }, { nhs_number: '9434765918' }]));
    expect(rejectionReport('e.csv', two).text).toContain('\nThere are also 2 warnings; warnings do not reject a file.');
    expect(rejectionReport('e.csv', await wrongRows(1)).text).not.toContain('warning');
  });

  it('says nothing from this upload is used, followed by the caller\'s sentence about the file in use', async () => {
    const inUse = 'No accepted events file is in the bucket, so no events data is in use. These packs wait until a valid one is uploaded: PACKS.';
    const { text } = rejectionReport('e.csv', await wrongRows(1), inUse);
    expect(lines(text)[1]).toBe(`Nothing from this upload has been used. ${inUse} Please correct the file and upload it again.`);
  });
});
