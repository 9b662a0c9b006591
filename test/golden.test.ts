/**
 * The most important acceptance test: `report-cards measures` on the golden upload agrees with
 * what an independent implementation of measures.md computed, on every series and breakdown
 * field the golden file holds (value, numerator, denominator, reason, and ytd on ASSESS_LT).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { measuresDocumentSchema, type MeasuresDocument } from '../functions/core/measures/document.ts';
import { EQUITY_DIMENSIONS, EQUITY_MEASURES, splitBreakdownKey } from '../functions/core/measures/equity.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const golden = path.resolve(root, '../shared/golden');

interface GoldenPoint { month: string; value: number | null; numerator: number | null; denominator: number | null; reason: string | null; ytd?: unknown }
interface GoldenMeasure { id: string; series: GoldenPoint[]; breakdowns: Record<string, GoldenPoint[]> }

const FIELDS = ['month', 'value', 'numerator', 'denominator', 'reason', 'ytd'] as const;
const pick = (points: GoldenPoint[]) =>
  points.map((p) => Object.fromEntries(FIELDS.filter((f) => f in p).map((f) => [f, p[f as keyof GoldenPoint]])));

describe('golden measures', () => {
  const expected: { laCode: string; period: string; measures: GoldenMeasure[] } = JSON.parse(readFileSync(path.join(golden, 'expected-measures.json'), 'utf8'));
  let actual: MeasuresDocument;

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'bin/report-cards.mjs'), 'measures', '--events', path.join(golden, 'events.csv'), '--population', path.join(golden, 'population.csv')],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    actual = measuresDocumentSchema.parse(JSON.parse(stdout));
  });

  it('names the council and period', () => {
    expect(actual.laCode).toBe(expected.laCode);
    expect(actual.period).toBe(expected.period);
  });

  it('holds every golden measure', () => {
    expect(expected.measures.length).toBeGreaterThan(10);
    const ids = actual.measures.map((m) => m.id);
    for (const m of expected.measures) expect(ids).toContain(m.id);
  });

  for (const measure of (JSON.parse(readFileSync(path.join(golden, 'expected-measures.json'), 'utf8')) as { measures: GoldenMeasure[] }).measures) {
    it(`${measure.id}: series and breakdowns agree field by field`, () => {
      const mine = actual.measures.find((m) => m.id === measure.id);
      expect(mine).toBeDefined();
      const keepGoldenFields = (points: MeasuresDocument['measures'][number]['series'], like: GoldenPoint[]) =>
        points.map((p, i) => Object.fromEntries(FIELDS.filter((f) => like[i] !== undefined && f in like[i]).map((f) => [f, p[f]])));
      expect(keepGoldenFields(mine!.series, measure.series)).toEqual(pick(measure.series));
      // The golden file predates the equity breakdowns (measures.md "Breakdowns for equity"): its
      // contract is agreement on every field it holds (golden README), so every golden key must be
      // here, and any other key must be an equity breakdown of a measure that carries them.
      const goldenKeys = Object.keys(measure.breakdowns);
      expect(Object.keys(mine!.breakdowns)).toEqual(expect.arrayContaining(goldenKeys));
      const extra = Object.keys(mine!.breakdowns).filter((k) => !goldenKeys.includes(k));
      const isEquityKey = (k: string) => EQUITY_MEASURES.has(measure.id) && (EQUITY_DIMENSIONS as readonly string[]).includes(splitBreakdownKey(k)?.dimension ?? '');
      expect(extra.filter((k) => !isEquityKey(k))).toEqual([]);
      for (const [key, series] of Object.entries(measure.breakdowns)) {
        expect(keepGoldenFields(mine!.breakdowns[key], series)).toEqual(pick(series));
      }
    });
  }
});
