import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../functions/core/measures/catalogue/index.ts';
import { measuresDocumentSchema, type MeasuresDocument } from '../../functions/core/measures/document.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const golden = path.resolve(root, '../shared/golden');
const dir = mkdtempSync(path.join(tmpdir(), 'measures-cli-'));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'bin/report-cards.mjs'), 'measures', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function file(name: string, lines: string[]): string {
  const p = path.join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report-cards measures: usage and rejection', () => {
  it('exits 2 without --events, with an unknown option, or with a file that cannot be opened', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('--events', path.join(golden, 'events.csv'), '--bogus', 'x')).code).toBe(2);
    const missing = await cli('--events', path.join(dir, 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot open');
    expect((await cli('--events', path.join(golden, 'events.csv'), '--run-length', 'seven')).code).toBe(2);
  });

  it('exits 1 and prints FILE:ROW:COLUMN errors when any input is rejected, with nothing on stdout', async () => {
    const population = file('bad-population.csv', ['la_code,year,age_band,population', 'E08000018,2021,18-64,lots']);
    const result = await cli('--events', path.join(golden, 'events.csv'), '--population', population);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`${population.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:population: error: `));
  });
});

describe('report-cards measures: every input', () => {
  let doc: MeasuresDocument;
  const find = (id: string) => doc.measures.find((m) => m.id === id)!;

  beforeAll(async () => {
    const result = await cli(
      '--events', path.join(golden, 'events.csv'),
      '--population', path.join(golden, 'population.csv'),
      '--targets', file('targets.csv', ['measure_id,financial_year,target,breakdown', 'FPOC,2021/22,30,', 'REVIEWS_UTD,2021/22,90,', 'REVIEWS_REDUCED,2021/22,30,65+', 'FPOC,2020/21,99,', 'REVIEWS_UTD,2021/22,80,ethnicity:White']),
      '--benchmarks', file('benchmarks.csv', ['measure_id,year,comparator,value,basis,quartile_boundaries', 'FPOC,2021/22,England,31.5,month,20|30|40', 'FPOC,2022/23,England,50,month,', 'FPOC,2021/22,Region,28,rolling12,']),
      '--commentary', file('commentary.csv', ['period,measure_id,working_well,worried_about,next_steps,lead_officer', '2021-11,FPOC,Front door triage,,,Head of Access']),
      // One file of three months; the next file, named later, replaces its November whole.
      '--waiting', file('waiting-history.csv', ['la_code,la_person_unique_identifier,date_of_birth,waiting_for,request_date,as_at_date', 'E08000018,X0,1950-01-01,Review,2021-09-01,2021-09-30', 'E08000018,X1,1950-01-01,Assessment,2021-10-01,2021-10-31', 'E08000018,X9,1950-01-01,Assessment,2021-01-01,2021-11-30']),
      '--waiting', file('waiting-11.csv', ['la_code,la_person_unique_identifier,date_of_birth,waiting_for,request_date,as_at_date', 'E08000018,X1,1950-01-01,Assessment,2021-10-01,2021-11-30', 'E08000018,X2,1950-01-01,Assessment,2021-11-20,2021-11-30']),
      '--finance', file('finance.csv', ['period,budget_line,annual_budget_gbp,forecast_outturn_gbp,savings_target_gbp,savings_delivered_gbp,mitigations_gbp', '2021-10,Home care,1000000.10,1010000.10,50000,20000,', '2021-11,Home care,1000000.10,1012345.15,50000,25000,2345.15']),
      '--providers', file('providers.csv', ['as_at_date,provider_id,provider_name,framework,tier,quality_rating,hours_per_week', '2021-11-30,P1,Acme Care,Home care and support,1,Good,120.5', '2021-11-30,P2,Bee Care,Home care and support,1,Inadequate,30']),
    );
    expect(result.code, result.stderr).toBe(0);
    doc = measuresDocumentSchema.parse(JSON.parse(result.stdout));
  });

  it('lists every catalogue measure in catalogue order, with its definition, and every measure of measures.md in its order', () => {
    const pick = (m: { id: string; title: string; unit: string; polarity: string; basis: string }) => [m.id, m.title, m.unit, m.polarity, m.basis];
    expect(doc.measures.map(pick)).toEqual(CATALOGUE.map(pick));
    for (const m of doc.measures) expect(m.definition && m.whyItMatters).toBeTruthy();
    // The contract's own list (measures.md's table rows), independent of the catalogue.
    // A row's first cell names one measure or several: `ADMISSIONS_18_64`, `ADMISSIONS_65P`.
    const rows = [...readFileSync(path.join(golden, '..', 'measures.md'), 'utf8').matchAll(/^\| ((?:`[A-Z0-9_]+`(?:, )?)+) \|/gm)];
    const contract = rows.flatMap((r) => [...r[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]));
    expect(contract).toEqual(expect.arrayContaining(['REQ_NEW', 'ADMISSIONS_65P', 'DIRECT_PAYMENTS', 'HOMECARE_HOURS']));
    const ids = doc.measures.map((m) => m.id);
    expect(ids.filter((id) => contract.includes(id))).toEqual(contract);
  });

  it('targets by financial year give RAG, also for a breakdown', () => {
    // FPOC November 2021 = 33.3 (golden) ≥ 30 → green. REVIEWS_UTD 84.5 misses 90 by 5.5 ≤ 9 → amber.
    expect(find('FPOC').latest).toMatchObject({ month: '2021-11', value: 33.3, target: 30, rag: 'green' });
    expect(find('REVIEWS_UTD').latest).toMatchObject({ value: 84.5, target: 90, rag: 'amber' });
    // REVIEWS_REDUCED 65+ = 23.1 misses 30 by 6.9 > 3 → red; the whole series has no target.
    expect(find('REVIEWS_REDUCED').breakdownLatest?.['65+']).toMatchObject({ value: 23.1, target: 30, rag: 'red' });
    expect(find('REVIEWS_REDUCED').latest.target).toBeNull();
  });

  it('carries the equity breakdowns of the six person measures; each dimension\'s groups add up to the total', () => {
    for (const id of ['REQ_NEW', 'ASSESS_LT', 'LTS_CLIENTS', 'REVIEWS_UTD', 'SDS', 'DIRECT_PAYMENTS']) {
      const m = find(id);
      const keys = Object.keys(m.breakdowns);
      for (const dimension of ['primary_support_reason', 'ethnicity', 'gender']) {
        const groups = keys.filter((k) => k.startsWith(`${dimension}:`));
        expect(groups.length, `${id} ${dimension}`).toBeGreaterThan(0);
        // Every person is in exactly one group of a dimension, so the numerators add up to the total's.
        m.series.forEach((p, i) => {
          if (p.numerator == null) return;
          expect(groups.reduce((sum, k) => sum + (m.breakdowns[k][i].numerator ?? 0), 0), `${id} ${dimension} ${p.month}`).toBe(p.numerator);
        });
      }
    }
    expect(Object.keys(find('FPOC').breakdowns)).toEqual([]);
    // A target row naming an equity breakdown applies to that group's series.
    expect(find('REVIEWS_UTD').breakdownLatest?.['ethnicity:White']).toMatchObject({ month: '2021-11', target: 80 });
  });

  it('benchmarks of the same basis, latest year allowed, with the quartile; commentary of the latest month', () => {
    expect(find('FPOC').latest.benchmarks).toEqual([{ comparator: 'England', year: '2021/22', value: 31.5, quartile: 'upper middle' }]);
    expect(find('FPOC').latest.commentary).toEqual({ workingWell: 'Front door triage', worriedAbout: null, nextSteps: null, leadOfficer: 'Head of Access' });
    expect(find('REQ_NEW').latest.commentary).toBeNull();
  });

  it('SPC over 36 months and a direction against a year earlier', () => {
    const lts = find('LTS_CLIENTS');
    expect(lts.spc).not.toBeNull();
    expect(lts.latest.direction).toMatch(/^(up|down|same)$/);
    expect(find('FPOC').spc?.assurance).not.toBeNull();
  });

  it('snapshot uploads: one entry per month the files hold; the file named later wins a month whole', () => {
    // November is waiting-11's (X1 60 days, X2 10 days → median 35), not the history file's X9.
    expect(find('WAITING_ASSESS').series.map((p) => [p.month, p.value, p.medianDays])).toEqual([['2021-09', 0, null], ['2021-10', 1, 30], ['2021-11', 2, 35]]);
    expect(find('WAITING_REVIEW').series.map((p) => [p.month, p.value, p.medianDays])).toEqual([['2021-09', 1, 29], ['2021-10', 0, null], ['2021-11', 0, null]]);
    expect(find('WAITING_SERVICE').series.map((p) => p.value)).toEqual([0, 0, 0]);
    // 1,010,000.10 − 1,000,000.10 = 10,000; 12,345.05 − 2,345.15 mitigations = 9,999.90.
    expect(find('BUDGET_VARIANCE').series.map((p) => [p.month, p.value, p.afterMitigations])).toEqual([['2021-10', 10000, 10000], ['2021-11', 12345.05, 9999.9]]);
    expect(find('BUDGET_VARIANCE').series[1]).toMatchObject({ numeratorText: '12345.05', lines: [{ budgetLine: 'Home care', budget: 1000000.1, forecast: 1012345.15, variance: 12345.05, mitigations: 2345.15, afterMitigations: 9999.9 }] });
    expect(find('SAVINGS_DELIVERED').series.map((p) => p.value)).toEqual([40, 50]);
    expect(find('PROVIDERS_GOOD').series[0]).toMatchObject({ value: 50, numerator: 1, denominator: 2, byRating: { Good: 1, Inadequate: 1 }, hoursBelowGood: 30 });
    expect(find('HOMECARE_HOURS').series[0]).toMatchObject({ value: 150.5 });
  });
});
