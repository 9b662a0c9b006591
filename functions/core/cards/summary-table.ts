/**
 * The summary page's table, laid out like the seeds' ASCOF table (Rotherham OSMB, Jan 2022):
 * measure (with its description and unit), good performance, latest, same month last year, direction of travel,
 * target, RAG, and the region / statistical neighbours / England columns.
 */
import type { Content, TableCell } from 'pdfmake';
import { arrowWithWord, ragBadge } from './icons.ts';
import { capitalise, formatCompact, unitLabel } from './format.ts';
import { C } from './palette.ts';
import type { PackSummary, SummaryRow } from './summary.ts';

const FS = 7;

function head(text: string): TableCell {
  return { text, bold: true, fontSize: FS, color: '#ffffff', fillColor: C.heading };
}

function row(r: SummaryRow): TableCell[] {
  // The row names the unit once; the cells carry bare numbers (and `*` / `–` as they are).
  const num = (text: string, value: number | null): TableCell => ({
    text: value == null || r.unit == null ? text : formatCompact(value, r.unit), fontSize: FS, alignment: 'right',
  });
  const measure: TableCell = r.available
    ? { text: [r.title, { text: `\n${r.ascofCode ? `ASCOF ${r.ascofCode} · ` : ''}${capitalise(unitLabel(r.unit!))}`, fontSize: 6, color: C.muted }], fontSize: FS }
    : { text: [`${r.title}: not available`, { text: '\nnot in this month\'s data', fontSize: 6, color: C.muted }], fontSize: FS };
  const plain = num(r.latest, r.latestValue) as { text: string };
  const latest: TableCell = r.latestCount ? { text: [plain.text, { text: `\n${r.latestCount}`, fontSize: 6, color: C.muted }], fontSize: FS, alignment: 'right' } : plain;
  return [
    measure,
    { text: r.goodIs, fontSize: FS },
    latest,
    num(r.lastYear, r.lastYearValue),
    r.available ? (arrowWithWord(r.direction, r.polarity, FS) as TableCell) : { text: '', fontSize: FS },
    num(r.target, r.targetValue),
    r.available ? (ragBadge(r.rag, false, FS) as TableCell) : { text: '', fontSize: FS },
    num(r.comparators.region.text, r.comparators.region.value),
    num(r.comparators.neighbours.text, r.comparators.neighbours.value),
    num(r.comparators.england.text, r.comparators.england.value),
  ];
}

export function summaryTable(summary: PackSummary): Content {
  const body: TableCell[][] = [
    ['Measure', 'Good is', 'Latest', 'Same month last year', 'Direction of travel', 'Target', 'RAG', 'Region', 'Neighbours', 'England'].map(head),
  ];
  let section = '';
  for (const r of summary.rows) {
    if (r.section !== section) {
      section = r.section;
      body.push([{ text: section, colSpan: 10, bold: true, fontSize: FS + 0.5, fillColor: C.faint }, ...Array(9).fill({})]);
    }
    body.push(row(r));
  }
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: ['*', 28, 40, 40, 52, 36, 36, 40, 40, 40], body },
    layout: {
      hLineWidth: () => 0.4, vLineWidth: () => 0, hLineColor: () => C.rule,
      paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 2, paddingBottom: () => 2,
    },
  };
}
