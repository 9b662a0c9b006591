/**
 * The pack email's bodies. The PDF cannot carry tagged structure (pdfmake builds none), so the
 * HTML body is the accessible summary: real headings, a table with header cells and a caption,
 * and words beside every colour.
 */
import { monthName } from './subject.ts';

export interface PackMailSummary {
  committee: string;
  packTitle: string;
  period: string;
  revised: boolean;
  preview: boolean;
  rag: { red: number; amber: number; green: number; none: number };
  changed: { title: string; from: string | null; to: string | null }[];
  /** The pack's summary table as printed in the PDF (figures already disclosure-controlled). */
  measures: { section: string; title: string; latest: string; lastYear: string; direction: string | null; target: string; rag: string | null }[];
  /** How the reader gets the full pack: the attachment's file name, or a sentence when not attached. */
  where: { attached: true; fileName: string } | { attached: false; text: string };
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const ragWord = (r: string | null) => (r === null ? 'no rating' : r[0].toUpperCase() + r.slice(1));

function intro(s: PackMailSummary): string {
  const what = `${s.packTitle} for ${s.committee}, ${monthName(s.period)}`;
  if (s.preview) return `This is a preview of ${what}, for checking before it goes to the committee.`;
  return s.revised ? `This is a revised version of ${what}; it replaces the one sent before.` : `Here is ${what}.`;
}

function whereText(s: PackMailSummary): string {
  return s.where.attached ? `The full pack is attached as ${s.where.fileName}.` : s.where.text;
}

export function packText(s: PackMailSummary): string {
  const lines = [
    intro(s),
    '',
    'RAG ratings',
    `  Red:   ${s.rag.red}`,
    `  Amber: ${s.rag.amber}`,
    `  Green: ${s.rag.green}`,
    `  No rating: ${s.rag.none}`,
    '',
  ];
  if (s.changed.length === 0) lines.push('No measure changed its RAG rating since last month.');
  else {
    lines.push('Measures whose RAG rating changed');
    for (const c of s.changed) lines.push(`  ${c.title}: ${ragWord(c.from)} -> ${ragWord(c.to)}`);
  }
  let section: string | null = null;
  for (const m of s.measures) {
    if (m.section !== section) lines.push('', (section = m.section));
    lines.push(`  ${m.title}: ${m.latest} (same month last year ${m.lastYear}; ${m.direction ?? 'no direction'}); target ${m.target}; ${ragWord(m.rag)}`);
  }
  lines.push('', whereText(s), '');
  return lines.join('\n');
}

/** The seeds' summary table: one row per measure, grouped by section, every rating in words. */
function measuresTable(s: PackMailSummary): string {
  if (s.measures.length === 0) return '';
  const e = escapeHtml;
  const sections = [...new Set(s.measures.map((m) => m.section))];
  const body = sections
    .map((section) => {
      const rows = s.measures
        .filter((m) => m.section === section)
        .map(
          (m) =>
            `<tr><th scope="row">${e(m.title)}</th><td>${e(m.latest)}</td><td>${e(m.lastYear)}</td><td>${e(m.direction ?? '–')}</td><td>${e(m.target)}</td><td>${e(m.rag === null ? 'No rating' : ragWord(m.rag))}</td></tr>`,
        );
      return `<tbody>\n<tr><th scope="colgroup" colspan="6">${e(section)}</th></tr>\n${rows.join('\n')}\n</tbody>`;
    })
    .join('\n');
  return `<h2>The measures at a glance</h2>
<table>
<caption>Latest value, the same month last year, direction of travel, target and RAG rating of each measure</caption>
<thead><tr><th scope="col">Measure</th><th scope="col">Latest</th><th scope="col">Same month last year</th><th scope="col">Direction of travel</th><th scope="col">Target</th><th scope="col">RAG rating</th></tr></thead>
${body}
</table>`;
}

export function packHtml(s: PackMailSummary): string {
  const e = escapeHtml;
  const changed =
    s.changed.length === 0
      ? '<p>No measure changed its RAG rating since last month.</p>'
      : `<table>
<caption>Measures whose RAG rating changed</caption>
<thead><tr><th scope="col">Measure</th><th scope="col">Was</th><th scope="col">Now</th></tr></thead>
<tbody>
${s.changed.map((c) => `<tr><th scope="row">${e(c.title)}</th><td>${e(ragWord(c.from))}</td><td>${e(ragWord(c.to))}</td></tr>`).join('\n')}
</tbody>
</table>`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${e(s.packTitle)}, ${e(monthName(s.period))}</title></head>
<body>
<h1>${e(s.packTitle)}: ${e(monthName(s.period))}</h1>
<p>${e(intro(s))}</p>
<h2>RAG ratings</h2>
<table>
<caption>Number of measures by RAG rating</caption>
<thead><tr><th scope="col">Rating</th><th scope="col">Measures</th></tr></thead>
<tbody>
<tr><th scope="row">Red</th><td>${s.rag.red}</td></tr>
<tr><th scope="row">Amber</th><td>${s.rag.amber}</td></tr>
<tr><th scope="row">Green</th><td>${s.rag.green}</td></tr>
<tr><th scope="row">No rating</th><td>${s.rag.none}</td></tr>
</tbody>
</table>
<h2>Changes since last month</h2>
${changed}
${measuresTable(s)}
<h2>The full pack</h2>
<p>${e(whereText(s))}</p>
</body>
</html>
`;
}
