/**
 * The chart's Alt text on hand-made series: every sentence worked out by hand from the points.
 */
import { describe, expect, it } from 'vitest';
import { chartAlt } from '../../../functions/core/cards/chart-alt.ts';
import { publishMeasure } from '../../../functions/core/disclosure/published-view.ts';
import type { MeasureResult, SeriesPoint } from '../../../functions/core/measures/document.ts';

const point = (month: string, value: number | null, numerator: number | null = value): SeriesPoint =>
  ({ month, value, numerator, denominator: null, reason: value == null ? 'no data' : null });

function measure(series: SeriesPoint[], extra: Partial<MeasureResult> = {}): MeasureResult {
  return {
    id: 'X', title: 'Reviews completed', unit: 'percent', polarity: 'high', basis: 'monthly', series, breakdowns: {},
    latest: { month: series.at(-1)!.month, value: series.at(-1)!.value, target: null, rag: null, direction: null }, spc: null, spcNote: 'fewer than 12 points', ...extra,
  } as MeasureResult;
}

describe('chartAlt', () => {
  it('states span, latest value, movement, limits, signals and target', () => {
    const series = ['2021-01', '2021-02', '2021-03'].map((m, i) => point(m, [40, 45, 52.5][i], 100));
    const m = measure(series, {
      latest: { month: '2021-03', value: 52.5, target: 50, rag: 'green', direction: 'improving' },
      spc: { from: '2021-01', to: '2021-03', mean: 45.8, lower: 30, upper: 61.7, variation: 'improvement', assurance: 'hit and miss', assuranceNote: null, rebase: null, specialCauses: [{ month: '2021-03', side: 'good' }] },
      spcNote: null,
    });
    expect(chartAlt(publishMeasure(m))).toBe(
      'XmR chart of Reviews completed, monthly values from January 2021 to March 2021. Latest value 52.5% in March 2021. '
      + 'That is up from 40.0% in January 2021. Mean 45.8%; process limits 30.0% to 61.7%, from January 2021. '
      + 'Special-cause signals: March 2021 (improvement). Target 50.0%.',
    );
  });

  it('counts months not plotted, says when there are no limits yet, and never reveals a withheld value', () => {
    // February is a count of 5 (withheld under disclosure control), April has no value.
    const series = [point('2021-01', 20), point('2021-02', 5), point('2021-03', 20), point('2021-04', null)];
    const alt = chartAlt(publishMeasure(measure(series, { unit: 'count' })));
    expect(alt).toBe(
      'Line chart of Reviews completed, monthly values from January 2021 to April 2021. Latest value 20 in March 2021. '
      + 'That is the same as 20 in January 2021. 2 months not plotted (no value or withheld). Fewer than 12 values so far: the chart has no process limits and no special-cause signals yet.',
    );
    expect(alt).not.toMatch(/\b5\b/);
    expect(chartAlt(measure(series, { unit: 'count' }))).toContain('1 month not plotted');
  });

  it('says common cause when the chart has limits and no signals, and when nothing can be charted', () => {
    const series = [point('2021-01', 30, 60), point('2021-02', 25, 50)];
    const spc = { from: '2021-01', to: '2021-02', mean: 27.5, lower: 10, upper: 45, variation: 'common cause' as const, assurance: null, assuranceNote: null, rebase: null, specialCauses: [] };
    expect(chartAlt(publishMeasure(measure(series, { spc, spcNote: null })))).toContain('down from 30.0% in January 2021. Mean 27.5%; process limits 10.0% to 45.0%, from January 2021. No special-cause signals: common cause variation only.');
    expect(chartAlt(publishMeasure(measure([point('2021-01', null)])))).toBe('Line chart of Reviews completed: no values to chart.');
  });
});
