import { describe, expect, it } from 'vitest';
import { letterBodies } from '../../../functions/core/mail/letter.ts';
import { packHtml, packText } from '../../../functions/core/mail/pack-body.ts';
import { reminderText } from '../../../functions/core/mail/notices.ts';

const bare = (html: string) => html.replace(/ style="[^"]*"/g, '');
const SENDER = { contact: 'performance@example.org', name: 'Adult Care Performance Team' };

describe('letterBodies', () => {
  it('gives an operational text a greeting, a contact and a sign-off, in both parts', () => {
    const { text, html } = letterBodies('Reminder: x', reminderText('2021-11', 'extracts/events/'), SENDER);
    expect(text).toBe(
      [
        'Dear colleague,',
        '',
        'No accepted events extract for November 2021 has arrived yet, so the report cards for that month cannot be produced.',
        '',
        'Please upload it under extracts/events/ in the report-cards bucket. Files that fail validation are reported back by email.',
        '',
        'If you have any questions about this email, please contact performance@example.org.',
        '',
        'Kind regards,',
        'Adult Care Performance Team',
        '',
      ].join('\n'),
    );
    const h = bare(html);
    expect(h).toMatch(/<h1>Reminder: x<\/h1>\n<p>Dear colleague,<\/p>\n<p>No accepted events extract/);
    expect(h).toMatch(/<p>If you have any questions about this email, please contact performance@example\.org\.<\/p>\n<p>Kind regards,<br>Adult Care Performance Team<\/p>\n<\/main>/);
  });

  it('without a contact in the configuration: no contact sentence, and the default name signs', () => {
    const { text, html } = letterBodies('S', 'Body.\n', {});
    expect(text).toBe('Dear colleague,\n\nBody.\n\nKind regards,\nAdult social care performance\n');
    expect(bare(html)).not.toContain('questions');
  });

  it('closes the pack email in the same words, about its figures', () => {
    const s = {
      committee: 'Board', packTitle: 'Cards', period: '2021-11', revised: false, preview: false,
      rag: { red: 0, amber: 0, green: 0, none: 0 }, changed: [], compared: 0, measures: [],
      where: { attached: true as const, fileName: 'x.pdf' }, contact: SENDER.contact, signOff: SENDER.name,
    };
    expect(packText(s)).toMatch(/^Dear colleague,\n/);
    expect(packText(s)).toMatch(/\nIf you have any questions about these figures, please contact performance@example\.org\.\n\nKind regards,\nAdult Care Performance Team\n$/);
    expect(bare(packHtml(s))).toContain('<p>Kind regards,<br>Adult Care Performance Team</p>\n</main>');
  });
});
