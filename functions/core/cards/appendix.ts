/**
 * The data appendix (cli.md `render`): beside each pack's PDF, a CSV with one row per figure the
 * pack publishes, for a clerk to publish as open data. The figures are the chart months of each
 * card (the last CHART_MONTHS of the series), each breakdown of the same months, the
 * financial-year-to-date figure a card prints, and the equity breakdowns (`ethnicity:White`) of
 * the card's month where the pack shows their tables. Values are written exactly as the PDF prints them
 * (`formatValue`), `*` where disclosure control withholds them; a withheld figure's numerator is
 * withheld too, and nothing derived from it (RAG, direction) is given. Target, RAG and direction
 * are the latest month's, as the card shows them. Pure: text in, text out.
 */
import type { MeasureResult, MeasuresDocument, SeriesPoint } from '../measures/document.ts';
import { splitBreakdownKey } from '../measures/equity.ts';
import { csvLine } from '../sample/csv.ts';
import { CHART_MONTHS } from './chart.ts';
import { publishedView } from '../disclosure/published-view.ts';
import { SUPPRESSED, formatValue } from './format.ts';
import { packMeasureIds, type PackTemplate } from './pack-template.ts';

export const APPENDIX_HEADER = ['measure_id', 'ascof_code', 'breakdown', 'month', 'value', 'numerator', 'denominator', 'target', 'rag', 'direction'] as const;

/** The breakdown column of the financial-year-to-date row. */
export const YTD_BREAKDOWN = 'financial year to date';

type Latest = MeasureResult['latest'];
type Cell = string | number | null;

/** The ASCOF code a measure carries, when it is one (the measures document's optional `ascofCode`). */
function ascofCodeOf(m: MeasureResult): string {
  const code = (m as { ascofCode?: unknown }).ascofCode;
  return typeof code === 'string' ? code : '';
}

/** Exact sums of money and hours travel as text; other numerators are integers. */
function numeratorText(p: SeriesPoint): Cell {
  return p.numeratorText ?? p.numerator;
}

/** The latest month's target, RAG and direction as the published view gives them (already null where withheld). */
function latestCells(latest: Latest | undefined): Cell[] {
  if (!latest) return ['', '', ''];
  return [latest.target, latest.rag ?? '', latest.direction ?? ''];
}

function seriesRows(m: MeasureResult, breakdown: string, series: readonly SeriesPoint[], latest: Latest | undefined): Cell[][] {
  const shown = series.slice(-CHART_MONTHS);
  const last = shown.at(-1)?.month;
  return shown.map((p) => {
    const hidden = p.withheld === true;
    const value = hidden ? SUPPRESSED : p.value == null ? '' : formatValue(p.value, m.unit);
    const around = p.month === last ? latestCells(latest) : ['', '', ''];
    // The published view nulls a withheld percentage's denominator when it is itself 1 to 7 people.
    const denominator = hidden && m.unit === 'percent' && p.denominator == null ? SUPPRESSED : p.denominator;
    return [m.id, ascofCodeOf(m), breakdown, p.month, value, hidden ? SUPPRESSED : numeratorText(p), denominator, ...around];
  });
}

function ytdRow(m: MeasureResult): Cell[][] {
  const last = m.series.at(-1);
  const ytd = last?.ytd;
  if (!last || !ytd) return [];
  // The published view withholds the year to date for the rest of the financial year once any of
  // its months is withheld (secondary control), so it cannot give a month away by subtraction.
  if (ytd.withheld === true) return [[m.id, ascofCodeOf(m), YTD_BREAKDOWN, last.month, SUPPRESSED, SUPPRESSED, '', '', '', '']];
  if (ytd.value == null) return [];
  return [[m.id, ascofCodeOf(m), YTD_BREAKDOWN, last.month, formatValue(ytd.value, m.unit), ytd.numerator, '', '', '', '']];
}

/**
 * The appendix of one pack as CSV text (RFC 4180, a header row, LF line ends). It reads the same
 * published view as the PDF and the emails, so primary and secondary control (a breakdown withheld
 * because another one is) hold here too.
 */
export function appendixCsv(doc: MeasuresDocument, pack: PackTemplate): string {
  const view = publishedView(doc, { disclosureControl: pack.disclosureControl });
  const byId = new Map(view.measures.map((m) => [m.id, m]));
  const rows: Cell[][] = [];
  for (const id of new Set(packMeasureIds(pack))) {
    const m = byId.get(id);
    if (!m) continue;
    rows.push(...seriesRows(m, '', m.series, m.latest));
    rows.push(...ytdRow(m));
    const equity: readonly string[] = pack.equity[id] ?? [];
    for (const [key, series] of Object.entries(m.breakdowns)) {
      const split = splitBreakdownKey(key);
      if (split === null) rows.push(...seriesRows(m, key, series, m.breakdownLatest?.[key]));
      // An equity table prints the card's month only, and only where the pack asks for its dimension.
      else if (equity.includes(split.dimension)) rows.push(...seriesRows(m, key, series.filter((p) => p.month === m.latest.month), m.breakdownLatest?.[key]));
    }
  }
  return [APPENDIX_HEADER, ...rows].map((r) => csvLine(r)).join('');
}
