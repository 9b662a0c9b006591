/**
 * The XmR (Making Data Count) chart on each card, drawn as pdfmake canvas vectors: the values of
 * the chart's months (the SPC window's: spc-window.ts), the mean and the process limits over the
 * months they come from, the target, and special-cause points marked with a distinct shape as
 * well as a colour. It draws the published view: withheld (disclosure control) and null points
 * are gaps. Every line lies inside the frame. Axis labels are text laid over the canvas with
 * `relativePosition`, so they stay real text.
 */
import type { Content } from 'pdfmake';
import type { MeasureResult } from '../measures/document.ts';
import { chartWindow, WINDOW_MONTHS } from '../measures/spc-window.ts';
import { axisUnit, formatCompact, monthShort } from './format.ts';
import { C } from './palette.ts';
import { tagged } from './tagged-pdf.ts';

/** Months shown: the SPC window's 24. */
export const CHART_MONTHS = WINDOW_MONTHS;

type Vector = Record<string, unknown>;
type Marker = 'point' | 'good' | 'bad' | 'neutral';

function niceStep(span: number, ticks: number): number {
  const raw = span / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
}

export function markerShape(kind: Marker, x: number, y: number): Vector {
  const r = kind === 'point' ? 2.2 : 3.6;
  switch (kind) {
    case 'good': // diamond
      return { type: 'polyline', closePath: true, points: [{ x, y: y - r - 0.8 }, { x: x + r + 0.8, y }, { x, y: y + r + 0.8 }, { x: x - r - 0.8, y }], color: C.improvement, lineColor: C.text, lineWidth: 0.4 };
    case 'bad': // square
      return { type: 'rect', x: x - r, y: y - r, w: 2 * r, h: 2 * r, color: C.concern, lineColor: C.text, lineWidth: 0.4 };
    case 'neutral': // triangle
      return { type: 'polyline', closePath: true, points: [{ x, y: y - r - 0.8 }, { x: x + r + 0.5, y: y + r }, { x: x - r - 0.5, y: y + r }], color: C.neutralCause, lineColor: C.text, lineWidth: 0.4 };
    default:
      return { type: 'ellipse', x, y, r1: r, r2: r, color: C.series };
  }
}

/** Roboto's digits are 0.56 em wide; letters average a little less. Close enough to place axis labels. */
function textWidth(text: string, size: number): number {
  return [...text].reduce((w, ch) => w + (/[0-9£]/.test(ch) ? 0.562 : /[ ,.]/.test(ch) ? 0.25 : /[A-Z]/.test(ch) ? 0.62 : 0.5), 0) * size;
}

/** Axis numbers: as few decimals as the step needs; money in £k or £m. */
function tick(v: number, step: number, unit: MeasureResult['unit']): string {
  if (unit === 'gbp') {
    const big = Math.max(Math.abs(v), step) >= 1e6;
    const n = big ? v / 1e6 : v / 1e3;
    if (v === 0) return '£0';
    return `${v < 0 ? '−' : ''}£${Math.abs(n).toLocaleString('en-GB', { maximumFractionDigits: 2 })}${big ? 'm' : 'k'}`;
  }
  const dp = Number.isInteger(step) ? 0 : step * 10 === Math.round(step * 10) ? 1 : 2;
  return (v < -1e-9 ? '−' : '') + Math.abs(v).toLocaleString('en-GB', { minimumFractionDigits: dp, maximumFractionDigits: dp });
}

export interface ChartOptions { width: number; height: number }

export function xmrChart(m: MeasureResult, { width, height }: ChartOptions): Content {
  const shown = chartWindow(m.series);
  const pts = shown.map((p, i) => ({
    i, month: p.month, revised: p.revised === true,
    value: p.value == null || p.withheld ? null : p.value,
  }));
  const values = pts.flatMap((p) => (p.value == null ? [] : [p.value]));
  if (values.length === 0) {
    const text = shown.some((p) => p.withheld) ? 'Nothing to chart: every value of these months is withheld (small numbers) or missing.' : 'No values to chart for these months.';
    return { text, italics: true, color: C.muted, margin: [0, 6, 0, 6] };
  }
  const spc = m.spc;
  const target = m.latest.target;
  const extent = [...values, ...(spc ? [spc.upper, spc.lower, spc.mean] : []), ...(target != null ? [target] : [])];
  let lo = Math.min(...extent);
  let hi = Math.max(...extent);
  if (hi === lo) { hi += 1; lo -= 1; }
  // A little headroom, so a target or limit never sits on the frame where it cannot be seen.
  const pad = (hi - lo) * 0.04;
  hi += pad;
  lo -= pad;
  const step = niceStep(hi - lo, 4);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  if (m.unit !== 'gbp' && lo < 0 && Math.min(...extent) >= 0) lo = 0; // counts, rates and limits never go below zero
  if (m.unit === 'percent' && hi > 100 && Math.max(...extent) <= 100) hi = 100;

  const left = m.unit === 'gbp' ? 62 : 44;
  // Room above the plot for the axis unit, and on the right for the target's label.
  const right = target != null ? 44 : 8, top = 14, bottom = 18;
  const pw = width - left - right, ph = height - top - bottom;
  const xOf = (i: number) => left + (shown.length === 1 ? pw / 2 : (i * pw) / (shown.length - 1));
  const yOf = (v: number) => top + ph - ((v - lo) / (hi - lo)) * ph;

  const vectors: Vector[] = [
    // pdfmake sizes a canvas by its lowest shape: this invisible line reserves the axis labels' room.
    { type: 'line', x1: 0, y1: height, x2: 1, y2: height, lineWidth: 0.1, lineColor: '#ffffff' },
    { type: 'rect', x: left, y: top, w: pw, h: ph, lineColor: C.rule, lineWidth: 0.5 },
  ];
  const labels: Content[] = [{ text: axisUnit(m.unit), fontSize: 6.5, bold: true, color: C.muted, relativePosition: { x: 0, y: 0 } } as Content];
  for (let k = 0; lo + k * step <= hi + step / 1000; k++) {
    const v = lo + k * step;
    const y = yOf(v);
    vectors.push({ type: 'line', x1: left, y1: y, x2: left + pw, y2: y, lineWidth: 0.3, lineColor: C.faint });
    const label = tick(v, step, m.unit);
    // pdfmake ignores a width on positioned text, so right-align by estimating the label's width.
    labels.push({ text: label, fontSize: 6.5, color: C.muted, relativePosition: { x: left - 4 - textWidth(label, 6.5), y: y - 4 } } as Content);
  }
  const every = shown.length > 13 ? 3 : shown.length > 7 ? 2 : 1;
  pts.forEach((p) => {
    if ((shown.length - 1 - p.i) % every !== 0) return;
    const label = monthShort(p.month);
    labels.push({ text: label, fontSize: 6.5, color: C.muted, relativePosition: { x: xOf(p.i) - textWidth(label, 6.5) / 2, y: top + ph + 4 } } as Content);
  });
  // A horizontal line from x1 to the right edge; never outside the frame.
  const hline = (v: number, colour: string, lineWidth: number, dash?: { length: number; space: number }, x1 = left) => {
    if (v < lo || v > hi) return;
    vectors.push({ type: 'line', x1, y1: yOf(v), x2: left + pw, y2: yOf(v), lineWidth, lineColor: colour, ...(dash ? { dash } : {}) });
  };
  if (spc) {
    // Mean and limits span the months they were computed from (re-basing can start them later).
    const first = pts.find((p) => p.month >= spc.from);
    const x1 = first ? xOf(first.i) : left;
    hline(spc.mean, C.common, 1, undefined, x1);
    hline(spc.upper, C.common, 0.8, { length: 4, space: 3 }, x1);
    hline(spc.lower, C.common, 0.8, { length: 4, space: 3 }, x1);
  }
  // The target is solid and coloured, and named at its right end: never mistaken for a (dashed, grey) limit.
  if (target != null) {
    hline(target, C.target, 1.6);
    labels.push({ text: `Target ${formatCompact(target, m.unit)}`, fontSize: 6, bold: true, color: C.target, relativePosition: { x: left + pw + 3, y: yOf(target) - 4 } } as Content);
  }

  // The series, broken where a month has no printable value.
  let run: { x: number; y: number }[] = [];
  const flush = () => {
    if (run.length > 1) vectors.push({ type: 'polyline', points: run, lineWidth: 1, lineColor: C.series });
    run = [];
  };
  pts.forEach((p) => (p.value == null ? flush() : run.push({ x: xOf(p.i), y: yOf(p.value) })));
  flush();
  const causes = new Map((spc?.specialCauses ?? []).map((c) => [c.month, c.side]));
  for (const p of pts) {
    if (p.value == null) continue;
    const x = xOf(p.i), y = yOf(p.value);
    if (p.revised) vectors.push({ type: 'ellipse', x, y, r1: 5.5, r2: 5.5, lineColor: C.text, lineWidth: 0.7 });
    vectors.push(markerShape(causes.get(p.month) ?? 'point', x, y));
  }
  return { stack: [...labels, { canvas: vectors }], margin: [0, 2, 0, 2] } as Content;
}

function legendItem(shape: Vector[], label: string): Content {
  return { columns: [tagged({ canvas: shape, width: 16 }, { type: 'Figure', alt: `Key symbol for ${label}` }), { text: label, fontSize: 7, width: 'auto', margin: [2, 0, 8, 0] }], width: 'auto', columnGap: 0 } as Content;
}

/** A legend under the chart: every line style and marker shape in words. */
export function chartLegend(hasSpc: boolean, hasTarget: boolean, hasRevised: boolean): Content {
  const line = (colour: string, w: number, dash?: { length: number; space: number }) => [{ type: 'line', x1: 0, y1: 5, x2: 14, y2: 5, lineWidth: w, lineColor: colour, ...(dash ? { dash } : {}) }];
  const items: Content[] = [legendItem([...line(C.series, 1), markerShape('point', 7, 5)], 'monthly value')];
  if (hasSpc) {
    items.push(legendItem(line(C.common, 1), 'mean'), legendItem(line(C.common, 0.8, { length: 4, space: 3 }), 'process limits'));
    items.push(legendItem([markerShape('good', 7, 5)], 'special cause: improvement'), legendItem([markerShape('bad', 7, 5)], 'concern'), legendItem([markerShape('neutral', 7, 5)], 'neither'));
  }
  if (hasTarget) items.push(legendItem(line(C.target, 1.6), 'target (solid)'));
  if (hasRevised) items.push(legendItem([{ type: 'ellipse', x: 7, y: 5, r1: 4.5, r2: 4.5, lineColor: C.text, lineWidth: 0.7 }], 'revised'));
  return { columns: items, columnGap: 0, margin: [0, 2, 0, 4] } as Content;
}
