/**
 * The Message-ID of every email the pipeline sends: random (RFC 5322 wants it unique worldwide),
 * on the sender's domain. A retry composes a new one; the ledger key, not the Message-ID, is what
 * makes a send happen once.
 */
import { randomUUID } from 'node:crypto';

export function newMessageId(sender: string): string {
  return `<${randomUUID()}@${sender.split('@')[1] || 'report-cards'}>`;
}
