/**
 * The pack in numbers, with no layout: one row per measure as the seeds' summary tables print it
 * (Rotherham's ASCOF table, Norfolk's report cards), the RAG counts and "where we stand". The PDF's
 * summary page and the email body both read this, so the two can never disagree. It reads the
 * pack's published view (disclosure/published-view.ts): every text field is what may be published.
 */
import { createHash } from 'node:crypto';
import type { Benchmark, MeasureResult, MeasuresDocument } from '../measures/document.ts';
import { CATALOGUE } from '../measures/catalogue/index.ts';
import { publishedView } from '../disclosure/published-view.ts';
import { NO_VALUE, SUPPRESSED, countBeside, formatValue, goodIsLabel, monthLong } from './format.ts';
import { packMeasureIds, type PackTemplate } from './pack-template.ts';

export type Rag = NonNullable<MeasureResult['latest']['rag']>;
export type Direction = NonNullable<MeasureResult['latest']['direction']>;
export type Quartile = NonNullable<Benchmark['quartile']>;
export type ComparatorKind = 'england' | 'region' | 'neighbours';

export interface SummaryRow {
  id: string;
  title: string;
  section: string;
  /** False when the measures document has no such measure: the card says "not available". */
  available: boolean;
  unit: MeasureResult['unit'] | null;
  polarity: MeasureResult['polarity'] | null;
  /** `High`, `Low` or `Neither` (the seeds' "Good performance" column). */
  goodIs: string;
  /** The latest month, `YYYY-MM`, or null when there is no series. */
  month: string | null;
  /** Printable latest value with unit, `*` when withheld, `–` when none. */
  latest: string;
  /** The number behind `latest`; null when withheld or absent. */
  latestValue: number | null;
  /** The count the latest rate or percentage rests on (`10 of 16`, `Number: 173`); null for other units. */
  latestCount: string | null;
  /** Why the latest value is null (measures' reason), when it is. */
  reason: string | null;
  lastYear: string;
  lastYearValue: number | null;
  /** Null when either value is missing or withheld. */
  direction: Direction | null;
  target: string;
  targetValue: number | null;
  /** Null for neutral measures, no target, or a withheld value (a RAG would reveal it). */
  rag: Rag | null;
  /** The first benchmark of each kind, printable. */
  comparators: Record<ComparatorKind, { text: string; value: number | null; year: string | null }>;
  benchmarks: Benchmark[];
  /** Where the latest value stands among the benchmark quartiles (oriented by polarity). */
  quartile: Quartile | null;
  suppressed: boolean;
  /** The national ASCOF code (`2A`, `3D1a` …) of a measure computed by DHSC's method, else null. */
  ascofCode: string | null;
  /** An ASCOF measure's financial-year figures (April to March), printable, oldest first. */
  annual: { year: string; text: string }[];
}

export interface PackSummary {
  packId: string;
  title: string;
  committee: string;
  council: string;
  laCode: string;
  /** `YYYY-MM` and `November 2021`. */
  period: string;
  periodLabel: string;
  /** `YYYY-MM-DD` when the document says, else null. */
  dataAsAt: string | null;
  disclosureControl: boolean;
  rows: SummaryRow[];
  ragCounts: { green: number; amber: number; red: number; none: number };
  /** Counts and the titles of the measures in the top and bottom quartiles. */
  whereWeStand: { top: number; bottom: number; withQuartile: number; topNames: string[]; bottomNames: string[]; line: string };
  /** Pack measure ids the document does not contain. */
  missing: string[];
  /**
   * The measures whose RAG rating differs from the month before's (that month's value against its
   * own financial year's target, from the measures themselves); `compared` counts the measures
   * that had a month before to compare with.
   */
  ragChanges: { id: string; title: string; from: Rag | null; to: Rag | null }[];
  ragCompared: number;
}

/** Comparator names are free text in the benchmarks upload; these are the seeds' three columns. */
export function comparatorKind(name: string): ComparatorKind {
  if (/england/i.test(name)) return 'england';
  if (/neighbour|cipfa/i.test(name)) return 'neighbours';
  return 'region';
}

/** A published figure as printed: `*` when withheld, `–` when there is none. */
function printable(value: number | null | undefined, withheld: boolean | undefined, m: MeasureResult) {
  if (withheld) return { text: SUPPRESSED, value: null, suppressed: true };
  if (value == null) return { text: NO_VALUE, value: null, suppressed: false };
  return { text: formatValue(value, m.unit), value, suppressed: false };
}

/** A measure's title from the catalogue, so no page prints an internal id; a plain phrase for an unknown one. */
export function measureTitle(id: string): string {
  return CATALOGUE.find((d) => d.id === id)?.title ?? 'A measure this pack names that the catalogue does not hold';
}

function missingRow(id: string, section: string): SummaryRow {
  const none = { text: NO_VALUE, value: null, year: null };
  return {
    id, title: measureTitle(id), section, available: false, unit: null, polarity: null, goodIs: NO_VALUE, month: null,
    latest: 'not available', latestValue: null, latestCount: null, reason: 'not in the measures document', lastYear: NO_VALUE,
    lastYearValue: null, direction: null, target: NO_VALUE, targetValue: null, rag: null,
    comparators: { england: none, region: none, neighbours: none }, benchmarks: [], quartile: null, suppressed: false,
    ascofCode: null, annual: [],
  };
}

/** One measure's row, from its published view. Exported for the card, which shows the same figures in more detail. */
export function summariseMeasure(m: MeasureResult | undefined, id: string, section: string): SummaryRow {
  if (!m) return missingRow(id, section);
  const lastPoint = m.series.at(-1);
  const month = lastPoint?.month ?? null;
  const latest = printable(lastPoint ? m.latest.value : null, m.latest.withheld, m);
  const lastYear = printable(m.latest.lastYear, m.latest.lastYearWithheld, m);
  const benchmarks = m.latest.benchmarks ?? [];
  const comparators = {} as SummaryRow['comparators'];
  for (const kind of ['england', 'region', 'neighbours'] as const) {
    const b = benchmarks.find((x) => comparatorKind(x.comparator) === kind);
    comparators[kind] = b
      ? { text: formatValue(b.value, m.unit), value: b.value, year: b.year }
      : { text: NO_VALUE, value: null, year: null };
  }
  const ranked = benchmarks.find((b) => b.quartile != null && comparatorKind(b.comparator) === 'england') ?? benchmarks.find((b) => b.quartile != null);
  return {
    id: m.id,
    title: m.title,
    section,
    available: true,
    unit: m.unit,
    polarity: m.polarity,
    goodIs: goodIsLabel(m.polarity),
    month,
    latest: latest.text,
    latestValue: latest.value,
    latestCount: lastPoint && m.latest.value != null ? countBeside(lastPoint.numerator, lastPoint.denominator, m.unit, latest.suppressed, lastPoint.numeratorText) : null,
    reason: m.latest.value == null && !latest.suppressed ? (lastPoint?.reason ?? 'no data for this period') : null,
    lastYear: lastYear.text,
    lastYearValue: lastYear.value,
    direction: m.latest.direction,
    target: m.latest.target == null ? NO_VALUE : formatValue(m.latest.target, m.unit),
    targetValue: m.latest.target,
    rag: m.latest.rag,
    comparators,
    benchmarks,
    quartile: ranked?.quartile ?? null,
    suppressed: latest.suppressed,
    ascofCode: m.ascofCode ?? null,
    annual: (m.annual ?? []).map((a) => ({ year: a.year, text: printable(a.value, a.withheld, m).text })),
  };
}

/** `ADMISSIONS_65P` → `aged 65+`; other measures sharing a title are told apart by their unit. */
function bandOf(id: string, unit: MeasureResult['unit'] | null): string {
  if (/_65P$/.test(id)) return 'aged 65+';
  if (/_18_64$/.test(id)) return 'aged 18–64';
  return unit ?? 'another measure';
}

/** The pack's summary of a document, through the pack's published view. */
export function summarisePack(doc: MeasuresDocument, pack: PackTemplate): PackSummary {
  return summarisePublished(publishedView(doc, pack), pack);
}

/** RAG changes since the month before, one per measure however often the pack lists it. */
function ragChangesOf(rows: SummaryRow[], byId: Map<string, MeasureResult>): Pick<PackSummary, 'ragChanges' | 'ragCompared'> {
  const seen = new Set<string>();
  const ragChanges: PackSummary['ragChanges'] = [];
  let ragCompared = 0;
  for (const r of rows) {
    const previous = byId.get(r.id)?.latest.previous;
    if (seen.has(r.id) || !r.available || !previous) continue;
    seen.add(r.id);
    ragCompared += 1;
    if (previous.rag !== r.rag) ragChanges.push({ id: r.id, title: r.title, from: previous.rag, to: r.rag });
  }
  return { ragChanges, ragCompared };
}

/** The pack's summary of a document already in its published view. */
export function summarisePublished(doc: MeasuresDocument, pack: PackTemplate): PackSummary {
  const byId = new Map(doc.measures.map((m) => [m.id, m]));
  const rows = pack.sections.flatMap((s) => s.measures.map((id) => summariseMeasure(byId.get(id), id, s.title)));
  // Two measures may share a title (the admissions pair differ only by age band): name them apart.
  const titles = new Map<string, number>();
  for (const r of rows) titles.set(r.title, (titles.get(r.title) ?? 0) + 1);
  for (const r of rows) if (r.available && titles.get(r.title)! > 1) r.title = `${r.title} (${bandOf(r.id, r.unit)})`;
  const ragCounts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const r of rows) ragCounts[r.rag ?? 'none'] += 1;
  // A measure in two sections is one measure: count and name it once.
  const ranked = [...new Map(rows.filter((r) => r.quartile != null).map((r) => [r.id, r])).values()];
  const topNames = ranked.filter((r) => r.quartile === 'top').map((r) => r.title);
  const bottomNames = ranked.filter((r) => r.quartile === 'bottom').map((r) => r.title);
  const top = topNames.length;
  const bottom = bottomNames.length;
  const withQuartile = ranked.length;
  const named = (names: string[]) => (names.length ? ` (${names.join('; ')})` : '');
  const line =
    withQuartile === 0
      ? 'Where we stand: no measure in this pack has benchmark quartiles for this period.'
      : `Where we stand: of ${withQuartile} measure${withQuartile === 1 ? '' : 's'} with benchmark quartiles, ${top} ${top === 1 ? 'is' : 'are'} in the top quartile${named(topNames)} and ${bottom} in the bottom quartile${named(bottomNames)}.`;
  return {
    packId: pack.id,
    title: pack.title,
    committee: pack.committee,
    council: pack.council,
    laCode: doc.laCode,
    period: doc.period,
    periodLabel: monthLong(doc.period),
    dataAsAt: doc.dataAsAt ?? null,
    disclosureControl: pack.disclosureControl,
    rows,
    ragCounts,
    whereWeStand: { top, bottom, withQuartile, topNames, bottomNames, line },
    missing: [...new Set(packMeasureIds(pack).filter((id) => !byId.has(id)))],
    ...ragChangesOf(rows, byId),
  };
}

/** JSON with object keys sorted, so the hash does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A short hash of what the pack shows: the pack's layout and its measures (series, breakdowns,
 * latest with commentary and benchmarks, SPC, wording). Distribution settings and render time are
 * left out, so an identical re-upload gives the same version and sends nothing, while any change
 * to a figure or a comment gives a new ("Revised") version.
 */
export function packVersion(doc: MeasuresDocument, pack: PackTemplate): string {
  const byId = new Map(doc.measures.map((m) => [m.id, m]));
  const shown = {
    pack: { id: pack.id, title: pack.title, committee: pack.committee, council: pack.council, sections: pack.sections, disclosureControl: pack.disclosureControl },
    laCode: doc.laCode,
    period: doc.period,
    dataAsAt: doc.dataAsAt ?? null,
    measures: packMeasureIds(pack).map((id) => byId.get(id) ?? null),
  };
  return createHash('sha256').update(canonical(shown)).digest('hex').slice(0, 16);
}
