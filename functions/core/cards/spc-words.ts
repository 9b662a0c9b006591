/**
 * What a card says about its chart's statistics, from the published measure alone: which chart
 * it is, the variation and assurance sentences, the mean and limits, re-basing, and why there are
 * no limits when there are none. Each sentence must be true for the data beside it:
 *
 * - no limits on a rolling window, with fewer than 12 points, with no data, or when a point of the
 *   window is withheld, and the card says which;
 * - no assurance while the process is moving (`assuranceNote`), nor when this month's value is
 *   outside the limits on the side that contradicts it (a "consistently miss" beside a met target
 *   happens only when the latest point is beyond a limit: the process may have changed).
 */
import type { MeasureResult, Spc } from '../measures/document.ts';
import { SPC_NOTES } from '../measures/spc-window.ts';
import { STATISTICS_WITHHELD } from '../disclosure/published-view.ts';
import { formatNumber, formatValue, monthLong, monthShort } from './format.ts';

type Rag = MeasureResult['latest']['rag'];

/** SPC statistics are averages, so counts get a decimal too. */
export function stat(v: number, unit: MeasureResult['unit']): string {
  return unit === 'count' ? formatNumber(v, 'days') : formatValue(v, unit);
}

function span(months: string[]): string {
  if (months.length === 0) return 'no months';
  if (months.length === 1) return `the latest month (${monthShort(months[0])})`;
  return `${months.length} months, ${monthShort(months[0])} to ${monthShort(months[months.length - 1])}`;
}

/** The chart's heading: what it draws and over which months (`months` are the chart's own). */
export function trendHeading(m: MeasureResult, months: string[]): string {
  const kind = m.spc ? 'XmR chart' : m.spcNote === SPC_NOTES.rollingWindow ? 'line chart; no process limits on a rolling 12-month figure' : 'line chart';
  const contiguous = months.length > 1 && months.every((month, i) => i === 0 || isNext(months[i - 1], month));
  const which = months.length === 1 ? 'the latest month' : contiguous ? `the last ${months.length} months` : span(months);
  return `Trend: ${which} (${kind})`;
}

function isNext(a: string, b: string): boolean {
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return yb * 12 + mb === ya * 12 + ma + 1;
}

/** Why a measure has no SPC, as a short phrase. */
function noSpcWhy(note: string | null): string {
  switch (note) {
    case SPC_NOTES.rollingWindow: return 'each point is a rolling 12-month figure overlapping the ones before, so process limits would give false signals';
    case STATISTICS_WITHHELD: return 'statistics withheld: small numbers';
    case SPC_NOTES.noData: return 'no values to assess';
    default: return 'fewer than 12 points, so no process limits or signals yet';
  }
}

export function variationWords(m: MeasureResult): string {
  const spc = m.spc;
  if (!spc) return `Variation: not assessed (${noSpcWhy(m.spcNote)})`;
  return {
    improvement: 'Variation: special cause — improvement',
    concern: 'Variation: special cause — concern',
    neutral: 'Variation: special cause — neither good nor bad',
    'common cause': 'Variation: common cause — no significant change',
  }[spc.variation];
}

/** The assurance the card may show beside this month's RAG, or null with the reason in the words. */
export function shownAssurance(spc: Spc | null, rag: Rag): Spc['assurance'] {
  if (!spc || spc.assurance == null) return null;
  if (spc.assurance === 'consistently pass' && rag !== null && rag !== 'green') return null;
  if (spc.assurance === 'consistently fail' && rag === 'green') return null;
  return spc.assurance;
}

export function assuranceWords(m: MeasureResult, rag: Rag): string {
  const spc = m.spc;
  if (!spc) return `Assurance: not assessed (${noSpcWhy(m.spcNote)})`;
  if (m.polarity === 'neutral') return 'Assurance: none (neither high nor low is better)';
  if (m.latest.target == null) return 'Assurance: none (no target)';
  if (spc.assuranceNote) {
    const since = /(\d{4}-\d{2})$/.exec(spc.assuranceNote)?.[1];
    return `Assurance: not judged — the process has been changing${since ? ` since ${monthLong(since)}` : ''}; the limits need re-basing before assurance can be judged`;
  }
  const shown = shownAssurance(spc, rag);
  if (shown == null) return 'Assurance: not judged — this month\'s value is beyond the process limits, so the process may have changed; the limits need re-basing before assurance can be judged';
  return {
    'consistently pass': 'Assurance: will consistently meet the target',
    'consistently fail': 'Assurance: will consistently miss the target without change',
    'hit and miss': 'Assurance: hit and miss — may or may not meet the target',
  }[shown];
}

/** Mean, limits and the months they come from; the officers' re-basing with its reason. */
export function statsLines(m: MeasureResult): string[] {
  const out: string[] = [];
  const spc = m.spc;
  if (spc) {
    out.push(`Mean ${stat(spc.mean, m.unit)}; process limits ${stat(spc.lower, m.unit)} to ${stat(spc.upper, m.unit)}; from the values of ${monthShort(spc.from)} to ${monthShort(spc.to)}.`);
  }
  const rebase = spc?.rebase ?? m.rebase ?? null;
  if (rebase) {
    out.push(`Limits re-based from ${monthLong(rebase.from)}${rebase.reason ? `: ${rebase.reason}` : ' (no reason given)'}.`);
  }
  return out;
}

/** The data note on a card without limits. */
export function noSpcNote(m: MeasureResult): string | null {
  if (m.spc) return null;
  switch (m.spcNote) {
    case SPC_NOTES.rollingWindow: return 'Each value covers the 12 months to its month end, so neighbouring values share 11 months: the chart is a plain line, without process limits or special-cause signals, which would be false on overlapping windows.';
    case STATISTICS_WITHHELD: return 'Some values in the chart\'s months are withheld (small numbers), so no mean, process limits, variation or assurance are shown: they would be derived from the withheld values.';
    case SPC_NOTES.noData: return null;
    default: return 'Fewer than 12 values so far: the chart has no process limits and no special-cause signals yet.';
  }
}
