/**
 * Equity tables on a card (measures.md "Breakdowns for equity"), where the pack template asks for
 * them: for the card's month, one small table per dimension — group, number, value — read from the
 * published view, so a withheld group prints `*` (primary or secondary control). Each is a pdfmake
 * table with a header row, so the tagged PDF gives it Table/TR/TH/TD (tagged-pdf.ts).
 */
import type { Content, TableCell } from 'pdfmake';
import type { MeasureResult, SeriesPoint } from '../measures/document.ts';
import { OTHER_RECORDED_VALUE, equityKey, splitBreakdownKey, type EquityDimension } from '../measures/equity.ts';
import { NO_VALUE, SUPPRESSED, countBeside, formatNumber, monthLong } from './format.ts';
import { SUPPRESSION_KEY_EMAIL } from './disclosure.ts';
import { otherRecordedValueNote } from '../disclosure/published-labels.ts';
import { C } from './palette.ts';

const FS = 7.5;

const TITLES: Record<EquityDimension, string> = {
  primary_support_reason: 'Primary support reason',
  ethnicity: 'Ethnic group',
  gender: 'Gender',
};

/** What each dimension's groups are, in a sentence a reader can check against the figures. */
const GROUPING = 'Each person is in the group their latest record at the month end gives; ethnic groups are the five ONS high-level groups, with blank, refused or unrecognised entries under Not stated, and a blank gender or support reason is Not stated.';

const cell = (text: string, bold = false, right = true): TableCell => ({ text, fontSize: FS, bold, alignment: right ? 'right' : 'left' });

/** The number a group's value rests on, as printed: `*` when withheld. */
function number(p: SeriesPoint | undefined, unit: MeasureResult['unit']): string {
  if (!p || (p.value == null && !p.withheld)) return p?.numerator != null ? formatNumber(p.numerator, 'count') : NO_VALUE;
  if (unit === 'percent') return countBeside(p.numerator, p.denominator, unit, p.withheld === true) ?? NO_VALUE;
  return p.withheld ? SUPPRESSED : formatNumber(p.numerator ?? p.value!, 'count');
}

function value(p: SeriesPoint | undefined, unit: MeasureResult['unit']): string {
  if (!p || (p.value == null && !p.withheld)) return NO_VALUE;
  return p.withheld ? SUPPRESSED : formatNumber(p.value!, unit);
}

/** Column heads: the value's unit is in its head, so the cells stay narrow enough for three tables abreast. */
function headers(m: MeasureResult): string[] {
  if (m.unit === 'count') return ['Number'];
  if (m.unit === 'percent') return ['Number', '%'];
  return ['Number', 'Per 100,000 adults'];
}

function table(m: MeasureResult, dimension: EquityDimension, month: string): Content | null {
  const rows = Object.entries(m.breakdowns).flatMap(([key, series]) => {
    const split = splitBreakdownKey(key);
    return split?.dimension === dimension ? [{ group: split.group, point: series.find((p) => p.month === month) }] : [];
  });
  if (rows.length === 0) return null;
  const body: TableCell[][] = [
    [cell(TITLES[dimension], true, false), ...headers(m).map((h) => cell(h, true))],
    ...rows.map(({ group, point }) => [
      cell(group, false, false),
      ...(m.unit === 'count' ? [cell(value(point, m.unit))] : [cell(number(point, m.unit)), cell(value(point, m.unit))]),
    ]),
  ];
  const widths = m.unit === 'count' ? ['*', 'auto'] : ['*', 'auto', m.unit === 'percent' ? 'auto' : 42];
  return { table: { headerRows: 1, widths, body }, layout: 'lightHorizontalLines' } as Content;
}

/** The shown points of the tables (for the card's `*` footnote). */
export function equityPoints(m: MeasureResult, dimensions: readonly EquityDimension[], month: string): SeriesPoint[] {
  return Object.entries(m.breakdowns).flatMap(([key, series]) => {
    const split = splitBreakdownKey(key);
    const p = series.find((s) => s.month === month);
    return split && (dimensions as readonly string[]).includes(split.dimension) && p ? [p] : [];
  });
}

/**
 * The card's equity tables on a page of their own after the card (a card stays one page, and the
 * support reasons, a dozen long labels, get the page's width): ethnic group and gender side by
 * side, the support reasons below, then the notes that say how to read them.
 */
export function equityTables(m: MeasureResult, dimensions: readonly EquityDimension[], month: string, heading: (text: string) => Content): Content[] {
  const tables = new Map(dimensions.map((d) => [d, table(m, d, month)] as const));
  const shown = dimensions.filter((d) => tables.get(d) != null);
  if (shown.length === 0) return [];
  const abreast = shown.filter((d) => d !== 'primary_support_reason').map((d) => tables.get(d)!);
  const points = equityPoints(m, shown, month);
  const other = shown.filter((d) => m.breakdowns[equityKey(d, OTHER_RECORDED_VALUE)]?.some((p) => p.month === month));
  const notes = [
    GROUPING,
    other.length ? otherRecordedValueNote(other) : null,
    m.unit === 'per100k'
      ? 'Rates use the 18+ population of the whole area, since population by group is not uploaded: a group\'s rate is its part of the area\'s rate, not the rate among that group\'s people.'
      : m.unit === 'percent' ? 'Each group\'s percentage is of that group\'s own people.' : null,
    points.some((p) => p.withheld) ? SUPPRESSION_KEY_EMAIL : null,
  ].filter((n): n is string => n !== null);
  const title = heading(`${m.title}: equity breakdowns, ${monthLong(month)}`) as unknown as Record<string, unknown>;
  return [
    { ...title, pageBreak: 'before' } as Content,
    ...(abreast.length ? [{ columns: abreast.map((t, i) => ({ stack: [t], width: i === 0 ? '*' : 200 })), columnGap: 16, margin: [0, 0, 0, 8] } as Content] : []),
    ...(shown.includes('primary_support_reason') ? [{ ...(tables.get('primary_support_reason') as object), margin: [0, 0, 0, 8] } as Content] : []),
    ...notes.map((text) => ({ text, fontSize: FS, color: C.muted, margin: [0, 0, 0, 2] }) as Content),
  ];
}
