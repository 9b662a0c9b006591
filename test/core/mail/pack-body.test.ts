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
    expect(h.match(/<h2>/g)?.length).toBe(3);
    expect(h).toContain('<caption>Number of measures by RAG rating</caption>');
    expect(h).toContain('<tr><th scope="row">Amber</th><td>3</td></tr>');
    expect(h).toContain('<th scope="row">Reviews up to date</th><td>Green</td><td>Amber</td>');
    expect(h).not.toContain('<ASC>');
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
