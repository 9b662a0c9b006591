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
  compared: 3,
  measures: [
    { section: 'Front door', title: 'New requests resolved at first point of contact', latest: '29.7%', lastYear: '36.2%', direction: 'worsening', target: '40.0%', rag: 'red' },
    { section: 'Front door', title: 'Requests <new>', latest: '*', lastYear: '14', direction: null, target: '–', rag: null },
    { section: 'Reviews', title: 'Long term clients reviewed in the last 12 months', latest: '50.2%', lastYear: '52.8%', direction: 'worsening', target: '60.0%', rag: 'red' },
  ],
  where: { attached: true, fileName: '2021-11-scrutiny-board.pdf' },
};

/** The HTML without its inline styles, so structure is asserted on its own (styles have their own test). */
const bare = (html: string) => html.replace(/ style="[^"]*"/g, '');

describe('pack email bodies', () => {
  it('gives the RAG counts, what changed and where the pack is, in plain text', () => {
    const t = packText(summary);
    expect(t).toContain('Red:   2');
    expect(t).toContain('Green: 7');
    expect(t).toContain('Reviews up to date: Green -> Amber');
    expect(t).toContain('attached as 2021-11-scrutiny-board.pdf');
  });

  it('uses real headings and tables with header cells in HTML, escaping text', () => {
    const h = bare(packHtml(summary));
    expect(h).toContain('<html lang="en-GB">');
    expect(h).toMatch(/<h1>Report Cards &lt;ASC&gt;: November 2021<\/h1>/);
    expect(h.match(/<h2>/g)?.length).toBe(4);
    expect(h).toMatch(/<main>[^]*<\/main>/);
    expect(h).toContain('<caption>Number of measures by RAG rating</caption>');
    expect(h).toContain('<tr><th scope="row">Amber</th><td>3</td></tr>');
    expect(h).toContain('<th scope="row">Reviews up to date</th><td>Green</td><td>Amber</td>');
    expect(h).not.toContain('<ASC>');
  });

  it('carries the summary table: a row per measure under its section, ratings and directions in words', () => {
    const h = bare(packHtml(summary));
    expect(h).toContain('<h2>The measures at a glance</h2>');
    expect(h).toContain('<tr><th scope="colgroup" colspan="6">Front door</th></tr>');
    expect(h).toContain(
      '<tr><th scope="row">New requests resolved at first point of contact</th><td>29.7%</td><td>36.2%</td><td>worsening</td><td>40.0%</td><td>Red</td></tr>',
    );
    expect(h).toContain('<tr><th scope="row">Requests &lt;new&gt;</th><td>*</td><td>14</td><td>–</td><td>–</td><td>No rating</td></tr>');
    const t = packText(summary);
    expect(t).toContain('Reviews\n  Long term clients reviewed in the last 12 months: 50.2% (same month last year 52.8%; worsening); target 60.0%; Red');
    expect(t).toContain('Requests <new>: * (same month last year 14; no direction); target –; No rating');
  });

  it('says when nothing changed and when the pack is not attached', () => {
    const s = { ...summary, changed: [], where: { attached: false as const, text: 'Too large to email.' } };
    expect(packText(s)).toContain('No measure changed its RAG rating since last month.');
    expect(bare(packHtml(s))).toContain('<p>No measure changed its RAG rating since last month.</p>');
    // With no month before any measure's latest, "nothing changed" would be a claim the data cannot support.
    const first = { ...s, compared: 0 };
    expect(packText(first)).toContain('There is no earlier month in the data to compare RAG ratings with.');
    expect(packText(first)).not.toContain('No measure changed');
    expect(packHtml(first)).not.toContain('No measure changed');
    expect(bare(packHtml(s))).toContain('<p>Too large to email.</p>');
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
    expect(bare(String(mail.html))).toContain('<caption>Number of measures by RAG rating</caption>');
    expect(mail.messageId).toBe('<m1@example.org>');
    expect(mail.date?.toISOString()).toBe('2021-12-07T09:00:00.000Z');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toBe('application/pdf');
    expect(Buffer.compare(mail.attachments[0].content, Buffer.from(pdf))).toBe(0);
  });

  it('greets, signs off with the display name and the contact, and keys the * it prints', () => {
    const s = { ...summary, contact: 'performance@example.org', signOff: 'Adult Care Performance Team' };
    const h = bare(packHtml(s));
    expect(h).toContain('<p>Dear colleague,</p>');
    expect(h).toContain('<p>If you have any questions about these figures, please contact performance@example.org.</p>');
    expect(h).toContain('<p>Kind regards,<br>Adult Care Performance Team</p>');
    expect(h).toContain('<strong>Key:</strong> * Withheld (disclosure control): 1 to 7 people or events, or a figure from which such a number could be worked out.');
    expect(h).not.toContain('plotted'); // an email has no chart
    const t = packText(s);
    expect(t.startsWith('Dear colleague,\n\n')).toBe(true);
    expect(t).toContain('please contact performance@example.org.\n\nKind regards,\nAdult Care Performance Team\n');
    expect(t).toContain('* Withheld (disclosure control): 1 to 7 people or events, or a figure from which such a number could be worked out.');
    expect(t).not.toContain('plotted');
    // Nothing withheld: no key.
    const none = { ...s, measures: s.measures.filter((m) => m.latest !== '*') };
    expect(packHtml(none)).not.toContain('Key:');
    expect(packText(none)).not.toContain('withheld');
  });

  it('styles inline (no style sheet) and prints each RAG as its colour and its word', () => {
    const h = packHtml(summary);
    expect(h).not.toContain('<style');
    expect(h).toMatch(/<main style="font-family:Arial[^"]*">/);
    expect(h).toContain('background:#e06c5e;color:#000000;font-weight:bold;">Red</td>');
    expect(h).toContain('background:#e6e6e6;color:#000000;font-weight:bold;">No rating</td>');
    expect(h).toContain('background:#00573f;color:#ffffff;font-weight:bold;">Green</td><td');
  });

  it('tells a preview how and by when to approve, or that the pack goes on its own', () => {
    const command = 'npx report-cards approve --period 2021-11 --pack scrutiny-board --bucket report-cards-data';
    const window = { first: { day: 'Tuesday 7 December 2021', ukTime: '07:00' }, last: { day: 'Friday 31 December 2021', ukTime: '07:00' }, stage: 'before' as const };
    const manual = { ...summary, preview: true, approval: { mode: 'manual' as const, command, ...window } };
    expect(bare(packHtml(manual))).toContain(`<pre><code>${command}</code></pre>`);
    expect(packText(manual)).toContain(
      `To approve it, run:\n\n  ${command}\n\nApprove it before 07:00 UK time on Tuesday 7 December 2021 (the distribution day) for it to go then. Approved later, it goes at 07:00 UK time the next working day, but only up to Friday 31 December 2021: the schedule sends November 2021's packs only in December 2021, so an approval after 07:00 UK time on Friday 31 December 2021 does not send it.`,
    );
    const late = { ...manual, approval: { ...manual.approval, stage: 'between' as const } };
    expect(packText(late)).toContain(
      "The distribution day (Tuesday 7 December 2021) has come: once approved, it goes at 07:00 UK time the next working day, but only up to Friday 31 December 2021: the schedule sends November 2021's packs only in December 2021, so an approval after 07:00 UK time on Friday 31 December 2021 does not send it.",
    );
    // Past the last run no approval sends it: no command, and say so.
    const tooLate = { ...manual, approval: { ...manual.approval, stage: 'after' as const } };
    expect(packText(tooLate)).toContain(
      "This version will not go to the committee by itself: the schedule sends November 2021's packs only up to 07:00 UK time on Friday 31 December 2021, the last working day of the month after, and that has passed. Please share it with the committee another way.",
    );
    expect(packText(tooLate)).not.toContain(command);
    expect(packText(tooLate)).not.toContain('next working');
    // A deployment that did not say its time: mornings, no clock time.
    const untimed = { ...manual, approval: { ...manual.approval, first: { ...window.first, ukTime: null }, last: { ...window.last, ukTime: null } } };
    expect(packText(untimed)).toContain('Approve it before the morning of Tuesday 7 December 2021 (the distribution day) for it to go then. Approved later, it goes the next working morning, but only up to Friday 31 December 2021');
    const auto = { ...summary, preview: true, approval: { mode: 'auto' as const, ...window, first: { day: 'Thursday 9 December 2021', ukTime: '07:00' } } };
    expect(packText(auto)).toContain(
      "You do not need to approve this pack: it goes to the committee's distribution lists on its own (it is approved automatically), and its latest version goes to them at 07:00 UK time on Thursday 9 December 2021.",
    );
    // A version made after the distribution day goes the next working morning (schedule.ts), not on a day gone by.
    const autoLate = { ...auto, approval: { ...auto.approval, stage: 'between' as const } };
    expect(packText(autoLate)).toContain('and its distribution day (Thursday 9 December 2021) has come, so it goes at 07:00 UK time the next working day.');
    expect(packText(autoLate)).not.toContain('goes to them at');
    const autoTooLate = { ...auto, approval: { ...auto.approval, stage: 'after' as const } };
    expect(packText(autoTooLate)).toContain('It is approved automatically, but this version will not go to the committee by itself');
    expect(packText(auto)).not.toContain('npx report-cards approve');
    // The board's own copy says nothing about approving.
    expect(packText({ ...auto, preview: false })).not.toContain('approve');
  });
});
