/**
 * A plain operational email from the pipeline's sender (a rejection report, a reminder, an owners'
 * notice): its text with the greeting, contact and sign-off every email carries (core/mail/letter.ts),
 * and the same as the accessible HTML part (core/mail/html.ts).
 */
import { composeMime, type MailAttachment } from '../mail/compose.ts';
import { letterBodies } from '../mail/letter.ts';
import { newMessageId } from '../mail/message-id.ts';
import type { Pipeline } from './pipeline.ts';

export function composeNotice(
  deps: Pick<Pipeline, 'sender' | 'senderName' | 'contact' | 'clock'>,
  to: string,
  subject: string,
  body: string,
  attachments: MailAttachment[] = [],
): Promise<Uint8Array> {
  const { text, html } = letterBodies(subject, body, { contact: deps.contact, name: deps.senderName });
  return composeMime({
    from: deps.sender,
    fromName: deps.senderName,
    to: [to],
    subject,
    text,
    html,
    attachments,
    date: deps.clock.now(),
    messageId: newMessageId(deps.sender),
  });
}
