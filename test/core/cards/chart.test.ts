/**
 * The XmR chart's vectors: what is plotted and how it is marked. (The rendered PDF is read back in
 * render-pack.test.ts; here the shapes themselves, which pdfjs cannot read as text.)
 */
import { describe, expect, it } from 'vitest';
import { CHART_MONTHS, xmrChart } from '../../../functions/core/cards/chart.ts';
import type { MeasureResult } from '../../../functions/core/measures/document.ts';
import { publishMeasure } from '../../../functions/core/disclosure/published-view.ts';
import { addMonths } from '../../../functions/core/calendar/days.ts';
import { spcFor } from '../../../functions/core/measures/spc-window.ts';
import { fixtureDocument } from './fixture-document.ts';
import { C } from '../../../functions/core/cards/palette.ts';

type Shape = { type: string; lineWidth?: number; color?: string; lineColor?: string; dash?: unknown; y1?: number; y2?: number; x1?: number; x2?: number; points?: unknown[] };

/** The chart draws a pack's published view: disclosure control on unless said otherwise. */
function shapes(m: MeasureResult, disclosureControl = true): Shape[] {
  const content = xmrChart(disclosureControl ? publishMeasure(m) : m, { width: 515, height: 170 }) as { stack: { canvas?: Shape[] }[] };
  return content.stack.find((c) => c.canvas)!.canvas!;
}
const labels = (m: MeasureResult) =>
  ((xmrChart(publishMeasure(m), { width: 515, height: 170 }) as { stack: { text?: string }[] }).stack).flatMap((c) => (c.text ? [c.text] : []));

const measure = (id: string) => structuredClone(fixtureDocument().measures.find((m) => m.id === id)!);
const markers = (s: Shape[]) => s.filter((x) => (x.type === 'ellipse' && x.color) || (x.type === 'rect' && x.color) || (x.type === 'polyline' && x.color));

describe('xmrChart', () => {
  it('plots one marker per printable value of the last 24 months, with mean, two limits and a target line', () => {
    const m = measure('FPOC');
    const s = shapes(m);
    expect(markers(s)).toHaveLength(CHART_MONTHS);
    const dashed = s.filter((x) => x.type === 'line' && x.dash);
    expect(dashed).toHaveLength(2); // the two process limits
    // The target: solid, in its own colour, and named beside the line.
    const target = s.filter((x) => x.type === 'line' && !x.dash && x.lineColor === C.target);
    expect(target).toHaveLength(1);
    expect(labels(m)).toContain(`Target ${m.latest.target!.toFixed(1)}%`);
    expect(labels(m)).toContain('%'); // the axis unit
    expect(labels(m)).toContain('Nov 21');
  });

  it('leaves withheld points out of the chart, and plots them when control is off', () => {
    const m = measure('CARER_ASSESS');
    const small = m.series.slice(-CHART_MONTHS).filter((p) => p.numerator! >= 1 && p.numerator! <= 7).length;
    expect(small).toBeGreaterThan(0);
    expect(markers(shapes(m))).toHaveLength(CHART_MONTHS - small);
    expect(markers(shapes(m, false))).toHaveLength(CHART_MONTHS);
  });

  it('marks special causes with a shape per side: diamond for improvement, square for concern', () => {
    const m = measure('FPOC');
    const months = m.series.slice(-CHART_MONTHS).map((p) => p.month);
    m.spc!.specialCauses = [{ month: months[0], side: 'good' }, { month: months[1], side: 'good' }, { month: months[5], side: 'bad' }];
    const s = markers(shapes(m));
    expect(s.filter((x) => x.type === 'polyline' && x.points!.length === 4)).toHaveLength(2);
    expect(s.filter((x) => x.type === 'rect')).toHaveLength(1);
    expect(s.filter((x) => x.type === 'ellipse')).toHaveLength(CHART_MONTHS - 3);
  });

  it('draws no limits for a series too short for SPC, and says so when nothing can be plotted', () => {
    const m = measure('BUDGET_VARIANCE');
    expect(m.spc).toBeNull();
    expect(shapes(m).filter((x) => x.type === 'line' && x.dash)).toHaveLength(0);
    expect(shapes(m).filter((x) => x.type === 'line' && x.lineColor === C.target)).toHaveLength(1); // the target only
    m.series.forEach((p) => Object.assign(p, { value: null, reason: 'no upload' }));
    expect(xmrChart(m, { width: 515, height: 170 })).toMatchObject({ text: 'No values to chart for these months.' });
  });

  /** A percentage measure of 24 months alternating 1 and 9: limits 5 ± 21.28, the lower clipped to 0. */
  function lowPercent(rebase: { from: string; reason: string | null } | null = null): MeasureResult {
    const base = measure('FPOC');
    const series = Array.from({ length: 24 }, (_, i) => ({ month: addMonths('2019-12', i), value: i % 2 ? 9 : 1, numerator: i % 2 ? 90 : 10, denominator: 1000, reason: null }));
    const { spc, spcNote } = spcFor({ unit: 'percent', polarity: 'high', basis: 'month', series }, null, rebase);
    return { ...base, series, breakdowns: {}, spc, spcNote, latest: { ...base.latest, month: '2021-11', value: 9, target: null, rag: null } };
  }

  it('draws a clipped lower limit at 0 on the frame\'s bottom edge, and every line inside the frame', () => {
    const m = lowPercent();
    expect(m.spc).toMatchObject({ lower: 0, upper: 26.28 });
    const s = shapes(m, false);
    const frame = s.find((x) => x.type === 'rect' && !x.color) as unknown as { y: number; h: number; x: number; w: number };
    const lines = s.filter((x) => x.type === 'line' && x.lineColor !== '#ffffff');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      expect(l.y1!).toBeGreaterThanOrEqual(frame.y - 1e-9);
      expect(l.y1!).toBeLessThanOrEqual(frame.y + frame.h + 1e-9);
    }
    const dashed = lines.filter((x) => x.dash);
    expect(dashed.map((x) => x.y1).some((y) => Math.abs(y! - (frame.y + frame.h)) < 1e-9)).toBe(true);
  });

  it('starts the mean and limits at the re-basing month', () => {
    // Re-based from the 13th month: 12 points since.
    const m = lowPercent({ from: '2020-12', reason: 'New service' });
    expect(m.spc?.from).toBe('2020-12');
    const s = shapes(m, false);
    const frame = s.find((x) => x.type === 'rect' && !x.color) as unknown as { x: number; w: number };
    const mean = s.find((x) => x.type === 'line' && !x.dash && x.lineWidth === 1) as Shape & { lineWidth: number };
    // 24 months across the frame's width: month 13 (index 12) is 12/23 of the way.
    expect(mean.x1).toBeCloseTo(frame.x + (12 * frame.w) / 23, 6);
  });

  it('draws no limits on a rolling 12-month measure', () => {
    const m = measure('ADMISSIONS_65P');
    expect(m.spc).toBeNull();
    expect(m.spcNote).toBe('rolling window');
    expect(shapes(m).filter((x) => x.type === 'line' && x.dash)).toHaveLength(0); // no process limits (the target is solid)
  });
});
