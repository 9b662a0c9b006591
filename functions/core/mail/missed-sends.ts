/**
 * The owners' notice for an operational email that did not (certainly) reach someone: a rejection
 * report or a missing-extract reminder. A pack that did not reach someone has its own notice
 * (notices.ts); this one says which email it was, to whom, and why, so no send fails unseen.
 */
import type { UndeliveredRecipient } from './notices.ts';
import { plural } from '../plural.ts';

export interface MissedSendsInput {
  /** What the email was, in words: "The rejection report for events.csv". */
  what: string;
  /** The subject it had, so the owners can find it in the send history. */
  subject: string;
  undelivered: UndeliveredRecipient[];
}

export function missedSendsSubject(n: MissedSendsInput): string {
  return `Action needed: an email did not reach ${plural(n.undelivered.length, 'recipient')}`;
}

export function missedSendsText(n: MissedSendsInput): string {
  const why: Record<UndeliveredRecipient['status'], string> = {
    unknown: 'outcome unknown - the email service may have accepted it; check before sending again',
    rejected: 'not sent - the email service refused it',
    suppressed: 'not sent - the address is suppressed; check it and pass the message on another way',
    'too-large': 'not sent - too large to email',
  };
  return [
    `${n.what} did not reach everyone. Its subject: "${n.subject}".`,
    '',
    ...n.undelivered.map((u) => `  ${u.recipient}: ${why[u.status]} (${u.detail})`),
    '',
    `Nothing will be resent automatically; the send ledger keeps ${n.undelivered.length === 1 ? 'it' : 'them'} as not delivered.`,
    '',
  ].join('\n');
}
