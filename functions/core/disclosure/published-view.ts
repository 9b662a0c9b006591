/**
 * The published view of a measures document: what a pack's PDF, its emails and its data appendix
 * may show (measures.md "Around each measure", Disclosure control). It has the measures
 * document's shape, so everything that prints reads one thing, with:
 *
 * - every withheld point (primary: 1 to 7 people or events; secondary: YTD and breakdowns, see
 *   secondary.ts) marked `withheld`, its value, numerator, median and YTD null, reason
 *   `small numbers`; the denominator stays when it is a population or a count of 8 or more, and
 *   is null when it is itself a count of 1 to 7;
 * - nothing derived from a withheld value: no RAG or quartile for a withheld latest value, no
 *   direction when either month compared is withheld, no RAG for a withheld previous month, and
 *   no SPC when any point of its window is withheld (`spcNote: "statistics withheld: small numbers"`).
 *
 * Before any of that, equity groups whose label is not a known wording (a shifted cell can put a
 * name or an NHS number under gender) are merged into `Other recorded value` (published-labels.ts),
 * whether or not the pack applies disclosure control: a label is personal data whatever its count.
 *
 * Pure; the measures document itself (`report-cards measures`) keeps the exact numbers and labels.
 */
import { addMonths } from '../calendar/days.ts';
import { isPointSuppressed, isSmallCount, isYtdSuppressed } from '../cards/disclosure.ts';
import type { MeasureResult, MeasuresDocument, SeriesPoint } from '../measures/document.ts';
import { publishLabels } from './published-labels.ts';
import { WITHHELD_REASON, breakdownsWithheld, ytdWithheld } from './secondary.ts';

export const STATISTICS_WITHHELD = 'statistics withheld: small numbers';

type Unit = MeasureResult['unit'];
type Latest = MeasureResult['latest'];

/** Primary control. A numerator that is a sum of money or hours (`numeratorText`) is not a count of people. */
function primary(p: SeriesPoint, unit: Unit): boolean {
  return p.numeratorText === undefined && isPointSuppressed(p, unit, true);
}

function withhold(points: readonly SeriesPoint[], withheld: readonly boolean[], unit: Unit, denominatorHidden?: readonly boolean[]): SeriesPoint[] {
  const ytdHidden = ytdWithheld(points, withheld, (p) => isYtdSuppressed(p.ytd, unit, true));
  return points.map((p, i) => {
    const ytd = ytdHidden[i] && p.ytd ? { ...p.ytd, numerator: null, value: null, reason: WITHHELD_REASON, withheld: true } : p.ytd;
    if (!withheld[i]) return ytd === p.ytd ? p : { ...p, ytd };
    const denominator = unit === 'percent' && (isSmallCount(p.denominator) || denominatorHidden?.[i]) ? null : p.denominator;
    const out: SeriesPoint = { ...p, value: null, numerator: null, denominator, reason: WITHHELD_REASON, withheld: true };
    if (ytd !== undefined) out.ytd = ytd;
    if (p.medianDays !== undefined) out.medianDays = null;
    return out;
  });
}

function publishLatest(latest: Latest, series: readonly SeriesPoint[]): Latest {
  const at = (month: string) => series.find((p) => p.month === month);
  const withheld = at(latest.month)?.withheld === true;
  const lastYearWithheld = at(addMonths(latest.month, -12))?.withheld === true;
  const previous = latest.previous && at(latest.previous.month)?.withheld ? { ...latest.previous, value: null, rag: null, withheld: true } : latest.previous;
  if (!withheld && !lastYearWithheld && previous === latest.previous) return latest;
  return {
    ...latest,
    value: withheld ? null : latest.value,
    rag: withheld ? null : latest.rag,
    direction: withheld || lastYearWithheld ? null : latest.direction,
    ...(latest.lastYear !== undefined ? { lastYear: lastYearWithheld ? null : latest.lastYear } : {}),
    ...(latest.benchmarks ? { benchmarks: withheld ? latest.benchmarks.map((b) => ({ ...b, quartile: null })) : latest.benchmarks } : {}),
    ...(previous !== undefined ? { previous } : {}),
    ...(withheld ? { withheld } : {}),
    ...(lastYearWithheld ? { lastYearWithheld } : {}),
  };
}

/**
 * Secondary control on a percentage's breakdown denominators, which are counts of people too: a
 * group's denominator of 1 to 7 is withheld (primary), and the total's denominator less the other
 * groups' would give it back, so the same rule runs over denominators as over numerators. A point
 * whose denominator is withheld is withheld whole (its value and numerator would give the
 * denominator back).
 */
function denominatorsHidden(m: MeasureResult): Record<string, boolean[]> | null {
  if (m.unit !== 'percent') return null;
  const asCounts = (s: readonly SeriesPoint[]) => s.map((p) => ({ ...p, numerator: p.numeratorText === undefined ? p.denominator : null }));
  const small = (p: SeriesPoint) => p.numeratorText === undefined && p.value != null && isSmallCount(p.denominator);
  const breakdowns = Object.fromEntries(Object.entries(m.breakdowns).map(([k, s]) => [k, asCounts(s)]));
  return breakdownsWithheld(asCounts(m.series), m.series.map(small), breakdowns, Object.fromEntries(Object.entries(m.breakdowns).map(([k, s]) => [k, s.map(small)])));
}

export function publishMeasure(m: MeasureResult): MeasureResult {
  const totalFlags = m.series.map((p) => primary(p, m.unit));
  const denominatorFlags = denominatorsHidden(m);
  const primaryFlags = Object.fromEntries(Object.entries(m.breakdowns).map(([k, s]) => [k, s.map((p, i) => primary(p, m.unit) || denominatorFlags?.[k][i] === true)]));
  const breakdownFlags = breakdownsWithheld(m.series, totalFlags, m.breakdowns, primaryFlags);
  const series = withhold(m.series, totalFlags, m.unit);
  const breakdowns = Object.fromEntries(Object.entries(m.breakdowns).map(([k, s]) => [k, withhold(s, breakdownFlags[k], m.unit, denominatorFlags?.[k])]));
  const spc = m.spc;
  const statsWithheld = spc !== null && series.some((p) => p.withheld && p.month >= spc.from && p.month <= spc.to);
  const out: MeasureResult = {
    ...m,
    series,
    breakdowns,
    latest: publishLatest(m.latest, series),
    spc: statsWithheld ? null : spc,
    spcNote: statsWithheld ? STATISTICS_WITHHELD : m.spcNote,
  };
  if (m.annual) {
    out.annual = m.annual.map((a) => (primary({ ...a, month: '' }, m.unit) ? { ...a, value: null, numerator: null, reason: WITHHELD_REASON, withheld: true } : a));
  }
  if (m.breakdownLatest) {
    out.breakdownLatest = Object.fromEntries(Object.entries(m.breakdownLatest).map(([k, l]) => [k, publishLatest(l, breakdowns[k] ?? [])]));
  }
  return out;
}

/** The document as a pack publishes it; only the labels are changed when the pack turns disclosure control off. */
export function publishedView(doc: MeasuresDocument, options: { disclosureControl: boolean }): MeasuresDocument {
  const measures = doc.measures.map(publishLabels);
  if (options.disclosureControl) return { ...doc, measures: measures.map(publishMeasure) };
  return measures.every((m, i) => m === doc.measures[i]) ? doc : { ...doc, measures };
}
