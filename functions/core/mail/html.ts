/**
 * The HTML every email shares: a document in British English with a title, one main landmark, a
 * level-1 heading, and inline styles only (mail clients drop style sheets). Colours are fixed here
 * so one test can check their contrast (WCAG 2.1 AA: 4.5:1 for text). The operational emails
 * (rejection, reminder, owners' notices) are plain text at heart; `textBlocksHtml` gives that text
 * the same document (letter.ts adds the greeting and closing), paragraphs as paragraphs and indented lines as lists.
 */

/** Text, heading, link, border and shaded-cell colours (RAG colours are cards/palette.ts's). */
export const MAIL_COLOURS = { text: '#1a1a1a', heading: '#12324f', link: '#1d4f91', border: '#b0b0b0', shade: '#eeeeee', codeShade: '#f4f4f4', page: '#ffffff' } as const;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export const FONT = 'font-family:Arial,Helvetica,sans-serif;';
export const H = (level: 1 | 2, html: string) =>
  `<h${level} style="${FONT}color:${MAIL_COLOURS.heading};font-size:${level === 1 ? 24 : 19}px;margin:${level === 1 ? '0 0 12px' : '24px 0 8px'};">${html}</h${level}>`;
export const P = (html: string) => `<p style="margin:0 0 12px 0;">${html}</p>`;

/** The whole document: `title` (plain text) in the head, `heading` (plain text) as the h1, `body` (HTML) after it. */
export function htmlDocument(title: string, heading: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:${MAIL_COLOURS.page};">
<main style="${FONT}font-size:16px;line-height:1.5;color:${MAIL_COLOURS.text};max-width:700px;margin:0 auto;padding:16px;">
${H(1, escapeHtml(heading))}
${body}
</main>
</body>
</html>
`;
}

/** Escapes a line, then marks up what plain text only hints at: `code` and web links. */
function inline(line: string): string {
  return escapeHtml(line)
    .replace(/`([^`]+)`/g, `<code style="background:${MAIL_COLOURS.codeShade};">$1</code>`)
    .replace(/\bhttps?:\/\/[^\s<]+/g, (url) => `<a href="${url}" style="color:${MAIL_COLOURS.link};word-break:break-all;">${url}</a>`);
}

/**
 * Plain text as HTML blocks: each unindented line a paragraph, each run of indented lines a list.
 * Nothing is added or left out, so an email's two bodies say the same thing.
 */
export function textBlocksHtml(text: string): string {
  const out: string[] = [];
  let items: string[] = [];
  const endList = () => {
    if (items.length) out.push(`<ul style="margin:0 0 12px 0;padding-left:24px;">\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`);
    items = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') endList();
    else if (/^\s/.test(line)) items.push(inline(line.trim()));
    else {
      endList();
      out.push(P(inline(line)));
    }
  }
  endList();
  return out.join('\n');
}
