/**
 * Dialect tests (extract-spec.md): a generated events/population pair rewritten in every dialect
 * the spec allows must give `report-cards measures` the same series and breakdowns as the plain
 * files, and `report-cards validate` must report no errors for any of them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measuresDocumentSchema } from '../../functions/core/measures/document.ts';
import { writeSample } from '../../functions/adapters/sample-files.ts';
import { validateUpload } from '../../functions/core/uploads/validate-upload.ts';
import {
  EVENT_DATES,
  mapColumns,
  midnight,
  pad,
  readTable,
  recase,
  respellHeaders,
  ukPadded,
  ukShort,
  writeTable,
  type Table,
  type Writing,
} from './dialect-rewrite.ts';
import { toRelease1, withFinancialAssessments } from './release1.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'bin/report-cards.mjs');
const run = promisify(execFile);

const CODE_COLUMNS = ['client_type', 'event_type', 'event_outcome', 'assessment_type', 'service_type', 'delivery_mechanism'];
const spacedNhs = (t: Table) => mapColumns(t, ['nhs_number'], (v, row) => (row % 2 ? `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}` : v.split('').join(' ')));

interface Dialect {
  name: string;
  events: (t: Table) => Table;
  population?: (t: Table) => Table;
  writing?: Writing;
}

const DIALECTS: Dialect[] = [
  { name: 'UK dates D/M/YYYY', events: (t) => mapColumns(t, EVENT_DATES, ukShort) },
  { name: 'UK dates DD/MM/YYYY', events: (t) => mapColumns(t, EVENT_DATES, ukPadded) },
  { name: 'midnight times (00:00:00 and .000)', events: (t) => mapColumns(t, EVENT_DATES, midnight) },
  { name: 'header spellings, unknown columns, shuffled order', events: (t) => respellHeaders(t, 7), population: (t) => respellHeaders(t, 8) },
  { name: 'Release 1 labels with financial assessments added', events: (t) => withFinancialAssessments(toRelease1(t)) },
  { name: 'BOM, CRLF and every field quoted', events: (t) => t, population: (t) => t, writing: { bom: true, crlf: true, quoteAll: true } },
  { name: 'BOM and CRLF without quoting', events: (t) => t, population: (t) => t, writing: { bom: true, crlf: true } },
  {
    name: 'quoted free text with commas, doubled quotes and line breaks',
    // Free text no measure reads: gender is read now (equity breakdowns), so new text there is new data, not a dialect.
    events: (t) => mapColumns(t, ['review_reason', 'event_reference'], (v, row) => (row % 2 ? `${v}, "as said"\r\nsecond line` : `${v}\nnext`)),
  },
  { name: 'values padded with spaces, tabs and no-break spaces', events: (t) => pad(t, 3), population: (t) => pad(t, 4) },
  { name: 'code labels in other cases with runs of spaces', events: (t) => recase(t, CODE_COLUMNS, 5), population: (t) => recase(t, ['age_band'], 6) },
  { name: 'NHS numbers with spaces', events: spacedNhs },
  {
    name: 'all of them at once',
    events: (t) =>
      respellHeaders(pad(recase(spacedNhs(withFinancialAssessments(toRelease1(mapColumns(t, EVENT_DATES, (v, r) => (r % 3 === 0 ? ukShort(v) : r % 3 === 1 ? ukPadded(v) : midnight(v, r)))))), CODE_COLUMNS, 9), 10), 11),
    population: (t) => respellHeaders(pad(t, 12), 13),
    writing: { bom: true, crlf: true, quoteAll: true },
  },
];

async function measuresOf(events: string, population: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, [cli, 'measures', '--events', events, '--population', population], { cwd: root, maxBuffer: 64 << 20 });
  const doc = measuresDocumentSchema.parse(JSON.parse(stdout));
  return { laCode: doc.laCode, period: doc.period, measures: doc.measures.map((m) => ({ id: m.id, series: m.series, breakdowns: m.breakdowns })) };
}

async function validationOf(file: string, kind: 'events' | 'population'): Promise<{ errors: unknown[]; rows: number }> {
  // Exit 1 (rejected) still prints the JSON report: read it either way.
  const result = await run(process.execPath, [cli, 'validate', file, '--kind', kind, '--json'], { cwd: root, maxBuffer: 64 << 20 }).catch(
    (e: { stdout: string }) => ({ stdout: e.stdout }),
  );
  return JSON.parse(result.stdout);
}

async function validateInProcess(file: string, kind: 'events' | 'population'): Promise<{ errors: unknown[]; rows: number }> {
  return validateUpload(kind, readFileSync(file));
}

describe('dialects give the same measures as the plain upload', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dialects-'));
  let plain: unknown;
  let plainRows = 0;
  let events: Table;
  let population: Table;

  beforeAll(async () => {
    await writeSample(path.join(dir, 'plain'), { seed: 21, people: 1200, end: '2024-02', months: 26 });
    const eventsFile = path.join(dir, 'plain', 'events.csv');
    const populationFile = path.join(dir, 'plain', 'population.csv');
    events = readTable(readFileSync(eventsFile, 'utf8'));
    population = readTable(readFileSync(populationFile, 'utf8'));
    [plain, { rows: plainRows }] = await Promise.all([measuresOf(eventsFile, populationFile), validationOf(eventsFile, 'events')]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the plain upload has values to compare', () => {
    const doc = plain as { measures: { id: string; series: { value: number | null }[] }[] };
    expect(plainRows).toBe(events.rows.length);
    for (const id of ['REQ_NEW', 'REVIEWS_UTD', 'ADMISSIONS_65P', 'STMAX_NO_FURTHER', 'SETTLED_ACCOM']) {
      expect(doc.measures.find((m) => m.id === id)!.series.at(-1)!.value, id).not.toBeNull();
    }
  });

  for (const [i, dialect] of DIALECTS.entries()) {
    it.concurrent(dialect.name, async () => {
      const eventsFile = path.join(dir, `events-${i}.csv`);
      const populationFile = path.join(dir, `population-${i}.csv`);
      writeFileSync(eventsFile, writeTable(dialect.events(events), dialect.writing));
      writeFileSync(populationFile, writeTable((dialect.population ?? ((t: Table) => t))(population), dialect.writing));
      // The CLI's validate for the combined dialect; the same core function in-process for the others.
      const check = i === DIALECTS.length - 1 ? validationOf : validateInProcess;
      const [e, p] = await Promise.all([check(eventsFile, 'events'), check(populationFile, 'population')]);
      expect(e.errors.slice(0, 5)).toEqual([]);
      expect(p.errors.slice(0, 5)).toEqual([]);
      expect(await measuresOf(eventsFile, populationFile)).toEqual(plain);
    });
  }
});
