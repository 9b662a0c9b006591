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
  lines.push('', whereText(s), '');
  return lines.join('\n');
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
<h2>The full pack</h2>
<p>${e(whereText(s))}</p>
</body>
</html>
`;
}
