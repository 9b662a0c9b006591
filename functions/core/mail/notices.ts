/**
 * Emails to people who run the pipeline rather than read the pack: the owners' notice (who did
 * not get a pack, and why), the missing-extract reminder and the rejection cover note. Written as
 * plain text (operational messages read by officers, any detail in attachments); the greeting,
 * contact and sign-off, and the HTML part, are added as they are sent (letter.ts, pipeline/notice-mail.ts).
 */
import { monthLong } from '../calendar/months.ts';
import { plural } from '../plural.ts';

export interface UndeliveredRecipient {
  recipient: string;
  /** `unknown`: SES may have accepted it (timeout, reset) — check before resending by hand.
   * `suppressed`: skipped - SES reported a permanent bounce or a complaint for the address. */
  status: 'unknown' | 'rejected' | 'too-large' | 'suppressed';
  detail: string;
}

export interface OwnersNoticeInput {
  committee: string;
  packTitle: string;
  period: string;
  version: string;
  audience: 'preview' | 'board';
  undelivered: UndeliveredRecipient[];
  /** Where the PDF can be fetched from (a short-lived link or the object key). */
  where: string;
  /**
   * Owners this notice cannot reach (their own address is suppressed). Set on the copy that goes
   * to the performance team instead, so they know why they got it and who to chase.
   */
  unreachableOwners?: string[];
}

export function ownersNoticeSubject(n: OwnersNoticeInput): string {
  return `Action needed: ${n.packTitle} (${monthLong(n.period)}) did not reach ${plural(n.undelivered.length, 'recipient')}`;
}

export function ownersNoticeText(n: OwnersNoticeInput): string {
  const lines = [
    ...(n.unreachableOwners?.length
      ? [
          `You are getting this notice because it cannot reach the pack's owners: ${n.unreachableOwners.join(', ')} ${n.unreachableOwners.length === 1 ? 'is' : 'are'} on the suppression list. Please tell them, and check their address.`,
          '',
        ]
      : []),
    `The ${n.audience === 'preview' ? 'preview of' : 'committee send of'} ${n.packTitle} for ${n.committee}, ${monthLong(n.period)} (version ${n.version}), did not reach everyone.`,
    '',
  ];
  for (const u of n.undelivered) {
    const why =
      u.status === 'unknown'
        ? 'outcome unknown - the email service may have accepted it; check before sending again'
        : u.status === 'too-large'
          ? 'not sent - the pack is too large to email'
          : u.status === 'suppressed'
            ? 'not sent - the address is suppressed; check it and share the pack another way'
            : 'not sent - the email service refused it';
    lines.push(`  ${u.recipient}: ${why} (${u.detail})`);
  }
  lines.push(
    '',
    `Nothing will be resent automatically to ${n.undelivered.length === 1 ? 'this recipient; the send ledger keeps it' : 'these recipients; the send ledger keeps them'} as not delivered.`,
    ...(n.undelivered.some((u) => u.status === 'suppressed') || n.unreachableOwners?.length
      ? [
          'A suppressed address is skipped by every send until it is taken off the suppression list (send ledger item suppression#<address>): once the address is fixed, run `npx report-cards suppressions remove ADDRESS --table <ledger>`.',
        ]
      : []),
    `The pack: ${n.where}`,
    '',
  );
  return lines.join('\n');
}

export function reminderSubject(period: string): string {
  return `Reminder: the events extract for ${monthLong(period)} has not arrived`;
}

export function reminderText(period: string, prefix: string): string {
  return [
    `No accepted events extract for ${monthLong(period)} has arrived yet, so the report cards for that month cannot be produced.`,
    '',
    `Please upload it under ${prefix} in the report-cards bucket. Files that fail validation are reported back by email.`,
    '',
  ].join('\n');
}
