/**
 * The raw MIME bytes: every line ends CRLF (RFC 5322: no lone LF or CR anywhere), and the From
 * header carries the display name. Parsed back with mailparser.
 */
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMime, crlf } from '../../../functions/core/mail/compose.ts';

describe('composeMime', () => {
  it('ends every line of the raw message with CRLF, whatever line ends the bodies and text attachments use', async () => {
    const raw = Buffer.from(await composeMime({
      from: 'report-cards@example.org', fromName: 'Adult Care Performance Team', to: ['chair@example.org'], subject: 'Pack',
      text: 'Dear colleague,\nline two\r\nline three\rend\n', html: '<p>one</p>\n<p>two</p>\r\n',
      attachments: [{ fileName: 'errors.csv', contentType: 'text/csv', content: 'row,problem\n2,bad\n' }, { fileName: 'a.pdf', contentType: 'application/pdf', content: new Uint8Array([37, 80, 10, 13, 10]) }],
      date: new Date('2021-12-07T09:00:00Z'), messageId: '<m@example.org>',
    })).toString('latin1');
    expect(raw.match(/(?<!\r)\n/g)).toBeNull();
    expect(raw.match(/\r(?!\n)/g)).toBeNull();
    expect(raw).toContain('From: Adult Care Performance Team <report-cards@example.org>\r\n');
    const parsed = await simpleParser(Buffer.from(raw, 'latin1'));
    expect(parsed.from?.value).toEqual([{ name: 'Adult Care Performance Team', address: 'report-cards@example.org' }]);
    expect(parsed.text).toContain('line two\nline three\nend');
    expect(parsed.attachments[1].content).toEqual(Buffer.from([37, 80, 10, 13, 10]));
  });

  it('turns lone LF and lone CR into CRLF and leaves CRLF alone', () => {
    expect(crlf('a\nb\r\nc\rd')).toBe('a\r\nb\r\nc\r\nd');
  });
});
