import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { packHtml, packText, type PackMailSummary } from '../../../functions/core/mail/pack-body.ts';
import { composeMime } from '../../../functions/core/mail/compose.ts';

const summary: PackMailSummary = {
  committee: 'Overview & Scrutiny',
  packTitle: 'Report Cards <ASC>',
  period: '2021-11',
  revised: false,
  preview: false,
  rag: { red: 2, amber: 3, green: 7, none: 4 },
  changed: [{ title: 'Reviews up to date', from: 'green', to: 'amber' }],
  measures: [
    { section: 'Front door', title: 'New requests resolved at first point of contact', latest: '29.7%', lastYear: '36.2%', direction: 'worsening', target: '40.0%', rag: 'red' },
    { section: 'Front door', title: 'Requests <new>', latest: '*', lastYear: '14', direction: null, target: '–', rag: null },
    { section: 'Reviews', title: 'Long term clients reviewed in the last 12 months', latest: '50.2%', lastYear: '52.8%', direction: 'worsening', target: '60.0%', rag: 'red' },
  ],
  where: { attached: true, fileName: '2021-11-scrutiny-board.pdf' },
};

describe('pack email bodies', () => {
  it('gives the RAG counts, what changed and where the pack is, in plain text', () => {
    const t = packText(summary);
    expect(t).toContain('Red:   2');
    expect(t).toContain('Green: 7');
    expect(t).toContain('Reviews up to date: Green -> Amber');
    expect(t).toContain('attached as 2021-11-scrutiny-board.pdf');
  });

  it('uses real headings and tables with header cells in HTML, escaping text', () => {
    const h = packHtml(summary);
    expect(h).toContain('<html lang="en-GB">');
    expect(h).toMatch(/<h1>Report Cards &lt;ASC&gt;: November 2021<\/h1>/);
    expect(h.match(/<h2>/g)?.length).toBe(4);
    expect(h).toContain('<caption>Number of measures by RAG rating</caption>');
    expect(h).toContain('<tr><th scope="row">Amber</th><td>3</td></tr>');
    expect(h).toContain('<th scope="row">Reviews up to date</th><td>Green</td><td>Amber</td>');
    expect(h).not.toContain('<ASC>');
  });

  it('carries the summary table: a row per measure under its section, ratings and directions in words', () => {
    const h = packHtml(summary);
    expect(h).toContain('<h2>The measures at a glance</h2>');
    expect(h).toContain('<tr><th scope="colgroup" colspan="6">Front door</th></tr>');
    expect(h).toContain(
      '<tr><th scope="row">New requests resolved at first point of contact</th><td>29.7%</td><td>36.2%</td><td>worsening</td><td>40.0%</td><td>Red</td></tr>',
    );
    expect(h).toContain('<tr><th scope="row">Requests &lt;new&gt;</th><td>*</td><td>14</td><td>–</td><td>–</td><td>No rating</td></tr>');
    const t = packText(summary);
    expect(t).toContain('Reviews\n  Long term clients reviewed in the last 12 months: 50.2% (same month last year 52.8%; worsening); target 60.0%; Red');
    expect(t).toContain('Requests <new>: * (same month last year 14; no direction); target –; no rating');
  });

  it('says when nothing changed and when the pack is not attached', () => {
    const s = { ...summary, changed: [], where: { attached: false as const, text: 'Too large to email.' } };
    expect(packText(s)).toContain('No measure changed');
    expect(packHtml(s)).toContain('<p>Too large to email.</p>');
  });

  it('composes MIME that a mail client reads back: subject, both bodies, the attachment byte for byte', async () => {
    const pdf = new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const raw = await composeMime({
      from: 'report-cards@example.org',
      to: ['chair@example.org'],
      subject: 'Revised: Overview & Scrutiny: Report Cards, November 2021 – £ ok',
      text: packText(summary),
      html: packHtml(summary),
      attachments: [{ fileName: 'pack.pdf', contentType: 'application/pdf', content: pdf }],
      date: new Date('2021-12-07T09:00:00Z'),
      messageId: '<m1@example.org>',
    });
    const mail = await simpleParser(Buffer.from(raw));
    expect(mail.subject).toBe('Revised: Overview & Scrutiny: Report Cards, November 2021 – £ ok');
    expect(mail.text).toContain('Reviews up to date: Green -> Amber');
    expect(mail.html).toContain('<caption>Number of measures by RAG rating</caption>');
    expect(mail.messageId).toBe('<m1@example.org>');
    expect(mail.date?.toISOString()).toBe('2021-12-07T09:00:00.000Z');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toBe('application/pdf');
    expect(Buffer.compare(mail.attachments[0].content, Buffer.from(pdf))).toBe(0);
  });
});
