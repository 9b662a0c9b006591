/**
 * The front of the pack: a cover (council, committee, month, data as at, version), the summary
 * page (RAG counts, the seeds-style summary table, "where we stand") and the contents.
 */
import type { Content } from 'pdfmake';
import type { ClerkDetails } from './clerk.ts';
import { SUPPRESSION_FOOTNOTE } from './disclosure.ts';
import { dayLong } from './format.ts';
import { ragBadge } from './icons.ts';
import { C } from './palette.ts';
import { measureTitle, type PackSummary } from './summary.ts';
import { summaryTable } from './summary-table.ts';
import { tagged } from './tagged-pdf.ts';

export interface CoverOptions { generatedAt: string; revised: boolean; clerk: ClerkDetails }

/** `2021-12-06T09:00:00Z` → `6 December 2021 at 09:00 UTC` (the instant as given, never a local clock). */
export function generatedLabel(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${dayLong(m[1])} at ${m[2]}${/Z$|[+-]00:?00$/.test(iso) ? ' UTC' : ''}` : iso;
}

export function cover(s: PackSummary, o: CoverOptions): Content[] {
  // The version hash is for the pipeline, not the reader: it is in the PDF's metadata only.
  const c = o.clerk;
  const facts: [string, string | null][] = [
    ['Committee', s.committee],
    ['Meeting', c.meetingDate],
    ['Agenda', c.agendaLabel],
    ['Reporting month', s.periodLabel],
    ['Data as at', s.dataAsAt ? dayLong(s.dataAsAt) : 'not stated'],
    ['Measures', `${s.rows.length} report cards in ${new Set(s.rows.map((r) => r.section)).size} sections`],
    ['Report author', c.author],
    ['Contact', c.contact],
    ['Produced', generatedLabel(o.generatedAt)],
  ];
  return [
    { text: s.council, fontSize: 14, color: C.muted, margin: [0, 120, 0, 8] },
    tagged({ text: s.title, fontSize: 28, bold: true, color: C.heading, margin: [0, 0, 0, 6] }, { type: 'H1' }) as Content,
    { text: `${s.committee} — ${s.periodLabel}`, fontSize: 16, margin: [0, 0, 0, 24] },
    ...(o.revised
      ? [{ table: { body: [[{ text: 'REVISED — this version replaces an earlier one for the same month: figures or commentary have changed.', bold: true, fontSize: 11, margin: [6, 4, 6, 4], fillColor: C.ragAmber }]] }, margin: [0, 0, 0, 20] } as Content]
      : []),
    tagged({
      table: { widths: [110, '*'], body: facts.flatMap(([k, v]) => (v == null ? [] : [[{ text: k, bold: true, fontSize: 10 }, { text: v, fontSize: 10 }]])) },
      layout: 'lightHorizontalLines',
    }, { type: 'Table', headerColumns: 1 }) as Content,
    {
      text: 'Each card shows the latest month against its target, the same month last year and the trend over up to 24 months, with statistical process control (XmR) limits where they apply (each card says when and why they do not). RAG ratings are printed as words as well as colours.',
      fontSize: 9, color: C.muted, margin: [0, 30, 0, 0],
    },
  ];
}

function ragCount(rag: 'green' | 'amber' | 'red' | null, n: number): Content {
  return { stack: [ragBadge(rag, true, 9), { text: String(n), fontSize: 20, bold: true, alignment: 'center', margin: [0, 3, 0, 0] }], width: '*' } as Content;
}

export function summaryPage(s: PackSummary): Content[] {
  const c = s.ragCounts;
  return [
    tagged({ text: `Summary — ${s.periodLabel}`, style: 'h1', pageBreak: 'before', id: 'summary', outline: true }, { type: 'H2' }) as Content,
    { text: `${s.council} · ${s.committee}${s.dataAsAt ? ` · data as at ${dayLong(s.dataAsAt)}` : ''}`, fontSize: 9, color: C.muted, margin: [0, 0, 0, 8] },
    { columns: [ragCount('green', c.green), ragCount('amber', c.amber), ragCount('red', c.red), ragCount(null, c.none)], columnGap: 10, margin: [0, 0, 0, 6] },
    { text: `RAG counts: ${c.green} green, ${c.amber} amber, ${c.red} red, ${c.none} without a RAG rating.`, fontSize: 8, color: C.muted, margin: [0, 0, 0, 4] },
    { text: s.whereWeStand.line, fontSize: 9, bold: true, margin: [0, 0, 0, 8] },
    summaryTable(s),
    {
      text: [
        'Latest is the reporting month; same month last year and the direction of travel compare with it. Region, neighbours and England are the latest published benchmarks of the same basis. ',
        ...(s.missing.length ? [`Not available in this month's data: ${s.missing.map(measureTitle).join('; ')}. `] : []),
        ...(s.disclosureControl ? [SUPPRESSION_FOOTNOTE] : []),
      ],
      fontSize: 7, color: C.muted, margin: [0, 6, 0, 0],
    },
  ];
}

export function contents(): Content[] {
  return [
    tagged({ text: 'Contents', style: 'h1', pageBreak: 'before', id: 'contents', outline: true }, { type: 'H2' }) as Content,
    { toc: { numberStyle: { fontSize: 10 } } } as Content,
  ];
}
