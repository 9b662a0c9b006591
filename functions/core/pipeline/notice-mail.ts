/**
 * A plain operational email from the pipeline's sender (a reminder, an owners' notice): its text,
 * and the same text as the accessible HTML part every email carries (core/mail/html.ts).
 */
import { composeMime } from '../mail/compose.ts';
import { plainTextHtml } from '../mail/html.ts';
import { newMessageId } from '../mail/message-id.ts';
import type { Pipeline } from './pipeline.ts';

export function composeNotice(deps: Pick<Pipeline, 'sender' | 'senderName' | 'clock'>, to: string, subject: string, text: string): Promise<Uint8Array> {
  return composeMime({
    from: deps.sender,
    fromName: deps.senderName,
    to: [to],
    subject,
    text,
    html: plainTextHtml(subject, text),
    date: deps.clock.now(),
    messageId: newMessageId(deps.sender),
  });
}
