import { describe, expect, it } from 'vitest';
import { countBeside } from '../../../functions/core/cards/format.ts';
import { budgetLines, providersByRating } from '../../../functions/core/cards/snapshot-tables.ts';
import type { MeasureResult, SeriesPoint } from '../../../functions/core/measures/document.ts';

const measure = (id: string, unit: MeasureResult['unit'], point: SeriesPoint): MeasureResult => ({
  id, title: id, unit, polarity: 'low', basis: 'snapshot', series: [point], breakdowns: {}, spc: null, spcNote: null,
  latest: { month: point.month, value: point.value, target: null, rag: null, direction: null },
});

/** Every text run of pdfmake content, in order. */
const texts = (c: unknown): string[] => {
  if (typeof c === 'string') return [c];
  if (Array.isArray(c)) return c.flatMap(texts);
  if (c && typeof c === 'object') return Object.entries(c).flatMap(([k, v]) => (k === 'text' || k === 'table' || k === 'body' || k === 'stack' ? texts(v) : []));
  return [];
};

describe('budget lines table', () => {
  const point: SeriesPoint = {
    month: '2021-11', value: 150.05, numerator: 150.05, denominator: null, reason: null, afterMitigations: 99.95,
    lines: [
      { budgetLine: 'Older People', budget: 1000.1, forecast: 1200.35, variance: 200.25, mitigations: 50.1, afterMitigations: 150.15 },
      { budgetLine: 'Income', budget: 500, forecast: 449.8, variance: -50.2, mitigations: 0, afterMitigations: -50.2 },
    ],
  };
  it('each line, a total row (1,500 budget, 1,650 forecast) and the position after mitigations in words', () => {
    const t = texts(budgetLines(measure('BUDGET_VARIANCE', 'gbp', point)));
    expect(t).toContain('The forecast is an overspend of £150; after the mitigations planned, an overspend of £100. A positive variance is an overspend.');
    expect(t.join('|')).toContain('Older People|£1,000|£1,200|£200|£50|£150');
    expect(t.join('|')).toContain('Income|£500|£450|−£50|£0|−£50');
    expect(t.join('|')).toContain('Total|£1,500|£1,650|£150|£50|£100');
  });
  it('nothing for a point without lines', () => {
    expect(budgetLines(measure('X', 'gbp', { ...point, lines: undefined }))).toEqual([]);
  });
});

describe('providers by rating', () => {
  const point: SeriesPoint = { month: '2021-11', value: 75, numerator: 9, denominator: 12, reason: null, byRating: { Good: 8, Outstanding: 1, Inadequate: 3, 'Not yet rated': 2 }, hoursBelowGood: 12.5 };
  it('ratings in scale order with their counts, and the home care hours below good', () => {
    const t = texts(providersByRating(measure('PROVIDERS_GOOD', 'percent', point), true)).join('|');
    // One column per rating (a row of ratings, then a row of counts).
    expect(t).toContain('Rating|Outstanding|Good|Inadequate|Not yet rated|Providers|1|8|3|2');
    expect(t).toContain('12.5 hours per week');
  });
  it('withheld with the percentage when it rests on 1 to 7 providers', () => {
    const t = texts(providersByRating(measure('PROVIDERS_GOOD', 'percent', { ...point, numerator: 5 }), true)).join('|');
    expect(t).toContain('Providers|*|*|*|*');
  });
});

describe('the count beside a rate', () => {
  it('n of d for a percentage, the number for a rate, * when withheld, nothing for a count', () => {
    expect(countBeside(1234, 5678, 'percent', false)).toBe('1,234 of 5,678');
    expect(countBeside(4, 16, 'percent', true)).toBe('* of 16');
    // A denominator of 1 to 7 people is withheld too (null in the published view).
    expect(countBeside(4, 5, 'percent', true)).toBe('* of *');
    expect(countBeside(null, null, 'percent', true)).toBe('* of *');
    expect(countBeside(173, 209800, 'per100k', false)).toBe('Number: 173');
    expect(countBeside(5, 209800, 'per100k', true)).toBe('Number: *');
    expect(countBeside(0.3, 0.9, 'percent', false, '0.3')).toBe('£0 of £1');
    expect(countBeside(12, null, 'count', false)).toBeNull();
  });
});
