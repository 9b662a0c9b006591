/**
 * The XmR chart's vectors: what is plotted and how it is marked. (The rendered PDF is read back in
 * render-pack.test.ts; here the shapes themselves, which pdfjs cannot read as text.)
 */
import { describe, expect, it } from 'vitest';
import { CHART_MONTHS, xmrChart } from '../../../functions/core/cards/chart.ts';
import type { MeasureResult } from '../../../functions/core/measures/document.ts';
import { fixtureDocument } from './fixture-document.ts';
import { C } from '../../../functions/core/cards/palette.ts';

type Shape = { type: string; color?: string; lineColor?: string; dash?: unknown; y1?: number; y2?: number; x1?: number; x2?: number; points?: unknown[] };

function shapes(m: MeasureResult, disclosureControl = true): Shape[] {
  const content = xmrChart(m, { width: 515, height: 170, disclosureControl }) as { stack: { canvas?: Shape[] }[] };
  return content.stack.find((c) => c.canvas)!.canvas!;
}
const labels = (m: MeasureResult) =>
  ((xmrChart(m, { width: 515, height: 170, disclosureControl: true }) as { stack: { text?: string }[] }).stack).flatMap((c) => (c.text ? [c.text] : []));

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
    expect(xmrChart(m, { width: 515, height: 170, disclosureControl: true })).toMatchObject({ text: 'No values to chart for these months.' });
  });
});
