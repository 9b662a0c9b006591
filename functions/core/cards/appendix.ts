/**
 * The data appendix (cli.md `render`): beside each pack's PDF, a CSV with one row per figure the
 * pack publishes, for a clerk to publish as open data. The figures are the chart months of each
 * card (the last CHART_MONTHS of the series), each breakdown of the same months, and the
 * financial-year-to-date figure a card prints. Values are written exactly as the PDF prints them
 * (`formatValue`), `*` where disclosure control withholds them; a withheld figure's numerator is
 * withheld too, and nothing derived from it (RAG, direction) is given. Target, RAG and direction
 * are the latest month's, as the card shows them. Pure: text in, text out.
 */
import { financialYearStart, type MonthId } from '../calendar/days.ts';
import type { MeasureResult, MeasuresDocument, SeriesPoint } from '../measures/document.ts';
import { csvLine } from '../sample/csv.ts';
import { CHART_MONTHS } from './chart.ts';
import { isPointSuppressed, isYtdSuppressed } from './disclosure.ts';
import { SUPPRESSED, formatValue, monthMinusYear } from './format.ts';
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

/** Whether a point is withheld in what the pack publishes. */
function withheld(p: SeriesPoint, unit: MeasureResult['unit'], control: boolean): boolean {
  return isPointSuppressed(p, unit, control);
}

/** Exact sums of money and hours travel as text; other numerators are integers. */
function numeratorText(p: SeriesPoint): Cell {
  return p.numeratorText ?? p.numerator;
}

function latestCells(latest: Latest | undefined, hidden: boolean, lastYearHidden: boolean): Cell[] {
  if (!latest) return ['', '', ''];
  return [latest.target, hidden ? '' : (latest.rag ?? ''), hidden || lastYearHidden ? '' : (latest.direction ?? '')];
}

function seriesRows(m: MeasureResult, breakdown: string, series: readonly SeriesPoint[], latest: Latest | undefined, control: boolean): Cell[][] {
  const shown = series.slice(-CHART_MONTHS);
  const last = shown.at(-1)?.month;
  const hiddenAt = (month: string) => {
    const p = series.find((x) => x.month === month);
    return p !== undefined && withheld(p, m.unit, control);
  };
  return shown.map((p) => {
    const hidden = withheld(p, m.unit, control);
    const value = p.value == null ? '' : hidden ? SUPPRESSED : formatValue(p.value, m.unit);
    const around = p.month === last ? latestCells(latest, hidden, hiddenAt(monthMinusYear(p.month))) : ['', '', ''];
    return [m.id, ascofCodeOf(m), breakdown, p.month, value, hidden ? SUPPRESSED : numeratorText(p), p.denominator, ...around];
  });
}

function ytdRow(m: MeasureResult, control: boolean): Cell[][] {
  const last = m.series.at(-1);
  const ytd = last?.ytd;
  if (!last || !ytd || ytd.value == null) return [];
  // Secondary control: with any month of the financial year withheld, the year to date would
  // give it away by subtraction, so it is withheld for the rest of the year.
  const yearStart = financialYearStart(last.month as MonthId);
  const monthHidden = m.series.some((p) => p.month >= yearStart && p.month <= last.month && withheld(p, m.unit, control));
  const hidden = isYtdSuppressed(ytd, m.unit, control) || monthHidden;
  return [[m.id, ascofCodeOf(m), YTD_BREAKDOWN, last.month, hidden ? SUPPRESSED : formatValue(ytd.value, m.unit), hidden ? SUPPRESSED : ytd.numerator, '', '', '', '']];
}

/** The appendix of one pack as CSV text (RFC 4180, a header row, LF line ends). */
export function appendixCsv(doc: MeasuresDocument, pack: PackTemplate): string {
  const control = pack.disclosureControl;
  const byId = new Map(doc.measures.map((m) => [m.id, m]));
  const rows: Cell[][] = [];
  for (const id of new Set(packMeasureIds(pack))) {
    const m = byId.get(id);
    if (!m) continue;
    rows.push(...seriesRows(m, '', m.series, m.latest, control));
    rows.push(...ytdRow(m, control));
    for (const [key, series] of Object.entries(m.breakdowns)) rows.push(...seriesRows(m, key, series, m.breakdownLatest?.[key], control));
  }
  return [APPENDIX_HEADER, ...rows].map((r) => csvLine(r)).join('');
}
