/**
 * What a card's XmR chart shows, in words: the tagged PDF's Figure Alt text, read by a screen
 * reader instead of the drawing. It says what a sighted reader takes from the chart — the months
 * covered, the latest value, the movement over the window, the mean and process limits, the target
 * and every special-cause signal — and only what the chart itself prints: it reads the published
 * view, so withheld months are gaps and no statistic derived from them is described.
 */
import type { MeasureResult } from '../measures/document.ts';
import { chartWindow } from '../measures/spc-window.ts';
import { formatValue, monthLong } from './format.ts';
import { noSpcNote, stat } from './spc-words.ts';

const SIGNAL = { good: 'improvement', bad: 'concern', neutral: 'neither improvement nor concern' } as const;

function months(n: number): string {
  return n === 1 ? '1 month' : `${n} months`;
}

export function chartAlt(m: MeasureResult): string {
  const shown = chartWindow(m.series);
  const printed = shown.filter((p) => p.value != null && !p.withheld);
  const name = `${m.spc ? 'XmR chart' : 'Line chart'} of ${m.title}`;
  if (shown.length === 0 || printed.length === 0) return `${name}: no values to chart.`;
  const span = `${monthLong(shown[0].month)} to ${monthLong(shown.at(-1)!.month)}`;
  const first = printed[0], last = printed.at(-1)!;
  const v = (x: number) => formatValue(x, m.unit);
  const parts = [`${name}, monthly values from ${span}.`, `Latest value ${v(last.value!)} in ${monthLong(last.month)}.`];
  if (printed.length > 1) {
    const change = last.value! > first.value! ? 'up from' : last.value! < first.value! ? 'down from' : 'the same as';
    parts.push(`That is ${change} ${v(first.value!)} in ${monthLong(first.month)}.`);
  }
  const gaps = shown.length - printed.length;
  if (gaps > 0) parts.push(`${months(gaps)} not plotted (no value or withheld).`);
  const spc = m.spc;
  if (spc) {
    parts.push(`Mean ${stat(spc.mean, m.unit)}; process limits ${stat(spc.lower, m.unit)} to ${stat(spc.upper, m.unit)}, from ${monthLong(spc.from)}.`);
    const signals = (spc.specialCauses ?? []).filter((c) => shown.some((p) => p.month === c.month));
    if (signals.length > 0) parts.push(`Special-cause signals: ${signals.map((c) => `${monthLong(c.month)} (${SIGNAL[c.side]})`).join(', ')}.`);
    else parts.push(spc.variation === 'common cause' ? 'No special-cause signals: common cause variation only.' : `Variation: special cause (${spc.variation}).`);
  } else {
    parts.push(noSpcNote(m) ?? 'No process limits.');
  }
  if (m.latest.target != null) parts.push(`Target ${v(m.latest.target)}.`);
  return parts.join(' ');
}
