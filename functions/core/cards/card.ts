/**
 * One report card per measure (in the spirit of Norfolk's 2018 report cards): the latest value
 * against target with its RAG word, the direction of travel, the XmR chart with the Making Data
 * Count icons, breakdowns, benchmarks, the officers' commentary and the data notes.
 */
import type { Content, TableCell } from 'pdfmake';
import type { MeasureResult, SeriesPoint } from '../measures/document.ts';
import { financialYearOf } from '../calendar/days.ts';
import { splitBreakdownKey, type EquityDimension } from '../measures/equity.ts';
import { equityTables } from './equity-tables.ts';
import { chartWindow } from '../measures/spc-window.ts';
import { chartLegend, xmrChart } from './chart.ts';
import { SUPPRESSION_FOOTNOTE, isPointSuppressed } from './disclosure.ts';
import { NO_VALUE, SUPPRESSED, capitalise, countBeside, formatValue, unitLabel, valueParts, monthLong, monthMinusYear, monthShort, reasonWords } from './format.ts';
import { budgetLines, providersByRating } from './snapshot-tables.ts';
import { previousYear } from './previous-year.ts';
import { arrowWithWord, assuranceIcon, ragBadge, variationIcon } from './icons.ts';
import { assuranceWords, noSpcNote, shownAssurance, statsLines, trendHeading, variationWords } from './spc-words.ts';
import { C } from './palette.ts';
import type { SummaryRow } from './summary.ts';
import { chartAlt } from './chart-alt.ts';
import { tagged } from './tagged-pdf.ts';

const WIDTH = 515;

function tile(label: string, body: Content): Content {
  return {
    table: { widths: ['*'], body: [[{ stack: [{ text: label, fontSize: 7.5, color: C.muted, margin: [0, 0, 0, 2] }, body] }]] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => C.rule, vLineColor: () => C.rule, paddingLeft: () => 5, paddingRight: () => 5, paddingTop: () => 4, paddingBottom: () => 4 },
    width: '*',
  } as Content;
}

/** The headline figure: the number large and its unit small; `*` or `–` as they are. */
function bigValue(value: number | null, text: string, unit: MeasureResult['unit']): Content {
  if (value == null) return { text, fontSize: 16, bold: true };
  const parts = valueParts(value, unit);
  return { text: [{ text: parts.number, fontSize: 16, bold: true }, { text: parts.unit, fontSize: parts.unit === '%' ? 16 : 8, bold: parts.unit === '%' }] };
}

/** Why a card has no RAG, in words (the badge's own words otherwise). */
function ragWords(row: SummaryRow, m: MeasureResult): string | undefined {
  if (row.rag) return undefined;
  if (row.suppressed) return 'Not rated: figure withheld';
  if (m.polarity === 'neutral') return 'Not rated: neither high nor low is better';
  if (m.latest.target == null) return 'No RAG: no target set';
  if (m.latest.value == null) return 'No RAG: no value this month';
  return undefined;
}

function heading(text: string): Content {
  return tagged({ text, style: 'h3' }, { type: 'H3' }) as Content;
}

/** A printable value of one published point with the count it rests on: `*` when withheld. */
function shown(p: SeriesPoint | undefined, unit: MeasureResult['unit'], control: boolean): string {
  if (!p || (p.value == null && !p.withheld)) return NO_VALUE;
  const withheld = p.withheld === true || isPointSuppressed(p, unit, control);
  const count = countBeside(p.numerator, p.denominator, unit, withheld, p.numeratorText);
  return `${withheld ? SUPPRESSED : formatValue(p.value!, unit)}${count ? ` (${count})` : ''}`;
}

/** The breakdowns every card prints (`65+`, `residential`); equity breakdowns (`ethnicity:White`) only where the pack asks. */
function plainBreakdownKeys(m: MeasureResult): string[] {
  return Object.keys(m.breakdowns).filter((key) => splitBreakdownKey(key) === null);
}

function breakdowns(m: MeasureResult, month: string, control: boolean): Content[] {
  const ids = plainBreakdownKeys(m);
  if (ids.length === 0) return [];
  const body: TableCell[][] = [[
    { text: 'Breakdown', bold: true, fontSize: 8 },
    { text: monthLong(month), bold: true, fontSize: 8, alignment: 'right' },
    { text: monthLong(monthMinusYear(month)), bold: true, fontSize: 8, alignment: 'right' },
  ]];
  for (const id of ids) {
    const s = m.breakdowns[id];
    body.push([
      { text: capitalise(id), fontSize: 8 },
      { text: shown(s.find((p) => p.month === month), m.unit, control), fontSize: 8, alignment: 'right' },
      { text: shown(s.find((p) => p.month === monthMinusYear(month)), m.unit, control), fontSize: 8, alignment: 'right' },
    ]);
  }
  return [heading('Breakdowns'), { table: { headerRows: 1, widths: ['*', 120, 120], body }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 4] }];
}

function benchmarks(row: SummaryRow, unit: MeasureResult['unit']): Content[] {
  if (row.benchmarks.length === 0) return [];
  const body: TableCell[][] = [['Comparator', 'Year', 'Value', 'Quartile of our latest value'].map((t) => ({ text: t, bold: true, fontSize: 8 }))];
  for (const b of row.benchmarks) {
    body.push([
      { text: b.comparator, fontSize: 8 },
      { text: b.year, fontSize: 8 },
      { text: formatValue(b.value, unit), fontSize: 8 },
      { text: row.suppressed ? SUPPRESSED : b.quartile ? capitalise(b.quartile) : NO_VALUE, fontSize: 8 },
    ]);
  }
  return [heading('Benchmarks'), { table: { headerRows: 1, widths: ['*', 50, 80, 130], body }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 4] }];
}

/** Free text from the commentary upload, printed as plain text: control characters dropped. */
function plain(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
}

function commentary(m: MeasureResult): Content[] {
  const c = m.latest.commentary;
  const items: [string, string | null | undefined][] = [
    ['What is working well', c?.workingWell], ['What we are worried about', c?.worriedAbout],
    ['Next steps', c?.nextSteps], ['Lead officer', c?.leadOfficer],
  ];
  if (!c || items.every(([, v]) => !v)) return [heading("Officers' commentary"), { text: 'No commentary was supplied for this month.', fontSize: 8.5, italics: true, color: C.muted }];
  return [
    heading("Officers' commentary"),
    ...items.filter(([, v]) => v).map(([k, v]) => ({ text: [{ text: `${k}: `, bold: true }, plain(v!)], fontSize: 8.5, margin: [0, 0, 0, 3] }) as Content),
  ];
}

/** Runs of consecutive months sharing a null reason, e.g. `Dec 18 – Nov 19: insufficient history`. */
function nullRuns(series: SeriesPoint[]): string[] {
  const out: string[] = [];
  let start: SeriesPoint | null = null, prev: SeriesPoint | null = null;
  const close = () => { if (start && prev) out.push(`${monthShort(start.month)}${prev !== start ? ` – ${monthShort(prev.month)}` : ''}: no value (${reasonWords(start.reason)})`); };
  // Withheld months are not "no value": the footnote explains their `*`.
  const missing = (p: SeriesPoint) => p.value == null && !p.withheld;
  for (const p of series) {
    if (missing(p) && start && p.reason === start.reason) { prev = p; continue; }
    close();
    start = missing(p) ? p : null; prev = start;
  }
  close();
  return out;
}

function dataNotes(m: MeasureResult): Content[] {
  const window = chartWindow(m.series);
  const notes = [`Basis: ${m.basis === 'rolling12' ? 'the 12 months to each month end' : m.basis === 'snapshot' ? 'the position at each month end' : 'events in each month'}.`, ...nullRuns(window)];
  const revised = m.series.filter((p) => p.revised).map((p) => monthLong(p.month));
  if (revised.length) notes.push(`Revised since earlier packs (a newer extract changed the figure; ringed on the chart): ${revised.join(', ')}.`);
  const noSpc = noSpcNote(m);
  if (noSpc) notes.push(noSpc);
  const all = [...window, ...plainBreakdownKeys(m).flatMap((key) => chartWindow(m.breakdowns[key]))];
  if (all.some((p) => p.withheld) || window.some((p) => p.ytd?.withheld)) notes.push(SUPPRESSION_FOOTNOTE);
  // Kept whole, so the heading never sits alone at the foot of a page.
  return [{ stack: [heading('Data notes'), { ul: notes.map((n) => ({ text: n, fontSize: 7.5, color: C.muted })), margin: [0, 0, 0, 0] }], unbreakable: true }];
}

/** ASCOF figures are published for financial years: each year's April–March figure beside the monthly trend. */
function annualFigures(row: SummaryRow): Content[] {
  if (row.annual.length === 0) return [];
  const years = row.annual.map((a) => `${a.year}: ${a.text}`).join(' · ');
  return [{ text: [{ text: 'Financial years (April to March, as ASCOF is published): ', bold: true }, years], fontSize: 8.5, margin: [0, 0, 0, 3] }];
}

function extras(row: SummaryRow, m: MeasureResult, control: boolean): Content[] {
  const last = m.series.at(-1);
  const out: Content[] = [];
  if (last?.ytd) {
    const y = last.ytd;
    const text = y.withheld ? SUPPRESSED
      : y.value == null ? `not available (${reasonWords(y.reason)})`
        : `${y.numerator?.toLocaleString('en-GB')} (${formatValue(y.value, m.unit)})`;
    out.push({ text: [{ text: `Financial year to date (${financialYearOf(last.month)}): `, bold: true }, text], fontSize: 8.5, margin: [0, 0, 0, 3] });
  }
  // ASCOF measures print every financial year already (annualFigures).
  const before = row.annual.length ? null : previousYear(m, control);
  if (before) out.push({ text: [{ text: `Previous financial year, ${before.label}: `, bold: true }, before.text], fontSize: 8.5, margin: [0, 0, 0, 3] });
  if (last?.medianDays != null || (last?.withheld && last.medianDays !== undefined)) {
    out.push({ text: [{ text: 'Median time waiting: ', bold: true }, last.withheld ? SUPPRESSED : formatValue(last.medianDays!, 'days')], fontSize: 8.5, margin: [0, 0, 0, 3] });
  }
  return out;
}

/**
 * The page of equity tables that follows a card the pack asks them for (equity-tables.ts); empty
 * when it asks for none or the measure has no such breakdowns. Its first node breaks the page.
 */
export function equityPage(row: SummaryRow, m: MeasureResult | undefined, equity: readonly EquityDimension[] = []): Content[] {
  return m ? equityTables(m, equity, row.month ?? m.latest.month, heading) : [];
}

/** A measure's card, drawn from its published view (disclosure control already applied). */
export function card(row: SummaryRow, m: MeasureResult | undefined, control: boolean): Content[] {
  const title: Content = tagged({ text: row.title, style: 'h2', tocItem: true, tocMargin: [12, 0, 0, 0], pageBreak: 'before' }, { type: 'H2' }) as Content;
  const top: Content = { text: m ? `${row.ascofCode ? `ASCOF ${row.ascofCode} · ` : ''}${capitalise(unitLabel(m.unit))} · good is ${row.goodIs.toLowerCase()}` : 'Not in this month\'s data', fontSize: 8, color: C.muted, margin: [0, 0, 0, 4] };
  if (!m) {
    return [title, top, { text: 'Not available: this measure is not in the measures document for this month, so there is nothing to report. Check that the uploads it needs were received.', fontSize: 10, margin: [0, 8, 0, 0] }];
  }
  const month = row.month ?? m.latest.month;
  const lastPoint = m.series.at(-1);
  const count = lastPoint && lastPoint.value != null ? countBeside(lastPoint.numerator, lastPoint.denominator, m.unit, row.suppressed, lastPoint.numeratorText) : null;
  const latestBody: Content = {
    stack: [
      bigValue(row.latestValue, row.latest, m.unit),
      ...(count ? [{ text: count, fontSize: 7.5 }] : []),
      ...(row.reason ? [{ text: reasonWords(row.reason), fontSize: 7.5, color: C.muted }] : []),
    ],
  };
  const spc = m.spc;
  const assurance = assuranceWords(m, row.rag);
  const months = chartWindow(m.series).map((p) => p.month);
  return [
    title,
    top,
    {
      columns: [
        tile(`Latest: ${monthLong(month)}`, latestBody),
        tile(`Target ${financialYearOf(month)}`, bigValue(row.targetValue, row.target, m.unit)),
        tile('RAG rating', ragBadge(row.rag, true, 8, ragWords(row, m))),
        tile(
          `Direction: compared with ${monthShort(monthMinusYear(month))} (${row.lastYear === NO_VALUE ? 'no value' : row.lastYear})`,
          arrowWithWord(row.direction, row.polarity, 11),
        ),
      ],
      columnGap: 6, margin: [0, 0, 0, 6],
    },
    { text: [{ text: 'What it measures: ', bold: true }, m.definition ?? m.title], fontSize: 8.5, margin: [0, 0, 0, 2] },
    { text: [{ text: 'Why it matters: ', bold: true }, m.whyItMatters ?? NO_VALUE], fontSize: 8.5, margin: [0, 0, 0, 4] },
    ...annualFigures(row),
    ...extras(row, m, control),
    heading(trendHeading(m, months)),
    tagged(xmrChart(m, { width: WIDTH, height: 170 }) as object, { type: 'Figure', alt: chartAlt(m) }) as Content,
    ...(chartWindow(m.series).some((p) => p.value != null) ? [chartLegend(spc != null, m.latest.target != null, chartWindow(m.series).some((p) => p.revised))] : []),
    {
      columns: [
        { columns: [variationIcon(m), { text: variationWords(m), fontSize: 8, margin: [4, 6, 0, 0] }], width: '*' },
        { columns: [assuranceIcon(shownAssurance(spc, row.rag), assurance), { text: assurance, fontSize: 8, margin: [4, 6, 0, 0] }], width: '*' },
      ],
      columnGap: 10, margin: [0, 2, 0, 4],
    } as Content,
    ...statsLines(m).map((text) => ({ text, fontSize: 7.5, color: C.muted, margin: [0, 0, 0, 4] }) as Content),
    ...budgetLines(m),
    ...providersByRating(m, control),
    ...breakdowns(m, month, control),
    ...benchmarks(row, m.unit),
    ...commentary(m),
    ...dataNotes(m),
  ];
}
