/**
 * Raw MIME, built by nodemailer's MailComposer (headers folding, encodings and boundaries are
 * easy to get subtly wrong by hand). The date and Message-ID are passed in so output is
 * reproducible and core stays free of the clock.
 */
import MailComposer from 'nodemailer/lib/mail-composer';

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Uint8Array | string;
}

export interface MailMessage {
  from: string;
  /** Display name shown beside the From address (deployment configuration). */
  fromName?: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  date: Date;
  messageId: string;
  /** Extra headers, e.g. X-Report-Cards-Key to trace a mail to its ledger record. */
  headers?: Record<string, string>;
}

/**
 * RFC 5322 allows CR only with LF and LF only after CR; MailComposer ends its own lines with CRLF
 * but copies a 7bit body as given, so bodies are normalised here.
 */
export function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

export async function composeMime(m: MailMessage): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: m.fromName ? { name: m.fromName, address: m.from } : m.from,
    to: m.to,
    subject: m.subject,
    text: crlf(m.text),
    html: m.html === undefined ? undefined : crlf(m.html),
    date: m.date,
    messageId: m.messageId,
    headers: m.headers,
    attachments: (m.attachments ?? []).map((a) => ({
      filename: a.fileName,
      contentType: a.contentType,
      content: typeof a.content === 'string' ? crlf(a.content) : Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
    })),
  });
  const buf: Buffer = await composer.compile().build();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
