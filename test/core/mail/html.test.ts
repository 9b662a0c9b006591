import { describe, expect, it } from 'vitest';
import { htmlDocument, textBlocksHtml } from '../../../functions/core/mail/html.ts';

const bare = (html: string) => html.replace(/ style="[^"]*"/g, '');

describe('htmlDocument', () => {
  it('is the shared document: lang, title, one main, the heading as h1', () => {
    const h = bare(htmlDocument('Upload rejected: a <b>.csv', 'Upload rejected: a <b>.csv', textBlocksHtml('One line.')));
    expect(h).toContain('<html lang="en-GB">');
    expect(h).toContain('<title>Upload rejected: a &lt;b&gt;.csv</title>');
    expect(h).toMatch(/<main>\n<h1>Upload rejected: a &lt;b&gt;\.csv<\/h1>\n<p>One line\.<\/p>\n<\/main>/);
  });
});

describe('textBlocksHtml', () => {
  it('makes each unindented line a paragraph and each run of indented lines a list, leaving nothing out', () => {
    const text = 'Errors:\n  A date: 2\n  A code: 1\n\nThe error:\n  Row 1, x: bad & wrong\nSee https://h.example/a?b=1&c=2 and run `npx report-cards x`.\n';
    const h = bare(textBlocksHtml(text));
    expect(h).toContain('<p>Errors:</p>\n<ul>\n<li>A date: 2</li>\n<li>A code: 1</li>\n</ul>\n<p>The error:</p>\n<ul>\n<li>Row 1, x: bad &amp; wrong</li>\n</ul>');
    expect(h).toContain('<p>See <a href="https://h.example/a?b=1&amp;c=2">https://h.example/a?b=1&amp;c=2</a> and run <code>npx report-cards x</code>.</p>');
  });
});
