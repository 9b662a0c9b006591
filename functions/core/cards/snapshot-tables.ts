/**
 * The tables a commissioning and finance card adds under its headline, as the seeds print them:
 * the budget monitoring lines with the position after planned mitigations (Rotherham OSMB, 2018),
 * and commissioned providers by quality rating (Rotherham commissioning update, 2024). Each reads
 * the latest point's extra fields (measures.md: BUDGET_VARIANCE `lines`, PROVIDERS_GOOD
 * `byRating`); a card whose point has none adds nothing.
 */
import type { Content, TableCell } from 'pdfmake';
import type { BudgetLine, MeasureResult } from '../measures/document.ts';
import { QUALITY_RATINGS } from '../uploads/parsed.ts';
import { isPointSuppressed } from './disclosure.ts';
import { SUPPRESSED, formatValue, monthLong } from './format.ts';
import { C } from './palette.ts';

const FS = 7.5;
const money = (v: number) => formatValue(v, 'gbp');
const cell = (text: string, bold = false, right = true): TableCell => ({ text, fontSize: FS, bold, alignment: right ? 'right' : 'left' });

/** Budget lines of the latest month, in file order, with a total row and the position after mitigations. */
export function budgetLines(m: MeasureResult): Content[] {
  const last = m.series.at(-1);
  if (!last?.lines || last.lines.length === 0 || last.value == null) return [];
  const body: TableCell[][] = [
    ['Budget line', 'Annual budget', 'Forecast outturn', 'Variance', 'Mitigations', 'After mitigations'].map((t, i) => cell(t, true, i > 0)),
    ...last.lines.map((l) => [cell(l.budgetLine, false, false), cell(money(l.budget)), cell(money(l.forecast)), cell(money(l.variance)), cell(money(l.mitigations)), cell(money(l.afterMitigations))]),
  ];
  const lines = last.lines;
  const sum = (pick: (l: BudgetLine) => number) => lines.reduce((t, l) => t + pick(l), 0);
  const after = last.afterMitigations ?? last.value;
  body.push([cell('Total', true, false), cell(money(sum((l) => l.budget)), true), cell(money(sum((l) => l.forecast)), true), cell(money(last.value), true), cell(money(sum((l) => l.mitigations)), true), cell(money(after), true)]);
  const word = (v: number) => (v > 0 ? `an overspend of ${money(v)}` : v < 0 ? `an underspend of ${money(-v)}` : 'on budget');
  return [
    { text: `Budget lines: ${monthLong(last.month)}`, style: 'h3' },
    { text: `The forecast is ${word(last.value)}; after the mitigations planned, ${word(after)}. A positive variance is an overspend.`, fontSize: 8.5, margin: [0, 0, 0, 3] },
    { table: { headerRows: 1, widths: ['*', 62, 62, 56, 56, 62], body }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 4] },
  ];
}

/** Providers at each rating in the latest month (CQC's and the council's scales), and home care hours with providers below good. */
export function providersByRating(m: MeasureResult, control: boolean): Content[] {
  const last = m.series.at(-1);
  if (!last?.byRating) return [];
  // The counts add up to the percentage's numerator: withheld with it.
  const withheld = last.withheld === true || isPointSuppressed(last, m.unit, control);
  const ratings = QUALITY_RATINGS.filter((r) => last.byRating![r] !== undefined);
  if (ratings.length === 0) return [];
  // One column per rating, as the seeds print it: two rows keep the card on one page.
  const body: TableCell[][] = [
    [cell('Rating', true, false), ...ratings.map((r) => cell(r, true))],
    [cell('Providers', false, false), ...ratings.map((r) => cell(withheld ? SUPPRESSED : String(last.byRating![r])))],
  ];
  return [
    { text: `Providers by rating: ${monthLong(last.month)}`, style: 'h3' },
    { table: { headerRows: 1, widths: [50, ...ratings.map(() => '*' as const)], body }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 3] },
    { text: 'A provider on two frameworks with different ratings is counted at each.', fontSize: 7.5, color: C.muted, margin: [0, 0, 0, 3] },
    ...(last.hoursBelowGood !== undefined
      ? [{ text: [{ text: 'Home care hours with providers rated below good: ', bold: true }, `${formatValue(last.hoursBelowGood, 'hours')} per week`], fontSize: 8.5, margin: [0, 0, 0, 4] } as Content]
      : []),
  ];
}
