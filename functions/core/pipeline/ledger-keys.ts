/**
 * Ledger keys: one per (what, recipient), so a repeat of any trigger finds the earlier record.
 * Keys are case-folded on the address so that a list with A@x and a@x cannot send twice.
 */
import { SUPPRESSION_PREFIX } from './suppression.ts';

export function packSendKey(period: string, packId: string, version: string, audience: 'preview' | 'board', recipient: string): string {
  return `${packSendsPrefix(period, packId, version)}${audience}#${recipient.toLowerCase()}`;
}

/** What every send of a pack's month (or of one version of it) starts with: to list them, or tell one version's from another's. */
export function packSendsPrefix(period: string, packId: string, version?: string): string {
  return `${period}#${packId}#${version === undefined ? '' : `${version}#`}`;
}

/** `version`: the S3 version id of the rejected upload, or its LastModified where there are no versions. */
export function rejectionSendKey(uploadKey: string, version: string, recipient: string): string {
  return `rejection#${uploadKey}#${version}#${recipient.toLowerCase()}`;
}

export function reminderSendKey(period: string, recipient: string): string {
  return `reminder#${period}#${recipient.toLowerCase()}`;
}

export function noticeSendKey(subjectKey: string, recipient: string): string {
  return `notice#${subjectKey}#${recipient.toLowerCase()}`;
}

/** The owners' notice about one pack version's misses; `digest` names the set of misses reported. */
export function packNoticeSendKey(period: string, packId: string, version: string, audience: 'preview' | 'board', digest: string, recipient: string): string {
  return noticeSendKey(`${period}#${packId}#${version}#${audience}#${digest}`, recipient);
}

/** The owners' notice that a rejection report did not reach someone; `digest` names the set of misses. */
export function rejectionNoticeSendKey(uploadKey: string, version: string, digest: string, recipient: string): string {
  return noticeSendKey(`rejection#${uploadKey}#${version}#${digest}`, recipient);
}

/** The owners' notice that a missing-extract reminder did not reach someone. */
export function reminderNoticeSendKey(period: string, digest: string, recipient: string): string {
  return noticeSendKey(`reminder#${period}#${digest}`, recipient);
}

/**
 * Each family of keys the table holds, as an IAM `StringLike` pattern (`*` any run of characters,
 * `?` one character, case-sensitive). infra/access.ts limits each function's writes to its
 * families with `dynamodb:LeadingKeys`, which matches the whole partition key. Pack sends have no
 * literal prefix (the key starts with the period), so `????-??#` stands for YYYY-MM: no other
 * family's prefix has a `-` as its fifth character, so the patterns never overlap. Pack ids,
 * versions and addresses cannot contain `#`, so a preview pattern never matches a board key.
 */
export const LEDGER_KEY_FAMILIES = {
  previewSend: '????-??#*#preview#*',
  boardSend: '????-??#*#board#*',
  previewNotice: 'notice#????-??#*#preview#*',
  boardNotice: 'notice#????-??#*#board#*',
  rejection: 'rejection#*',
  reminder: 'reminder#*',
  /** The owners' notice that a rejection report or a reminder did not reach someone (core/pipeline/missed-sends.ts). */
  rejectionNotice: 'notice#rejection#*',
  reminderNotice: 'notice#reminder#*',
  suppression: `${SUPPRESSION_PREFIX}*`,
} as const;

export type LedgerKeyFamily = keyof typeof LEDGER_KEY_FAMILIES;

/** IAM's StringLike on one value: `*` matches any run of characters, `?` exactly one. */
export function matchesStringLike(pattern: string, value: string): boolean {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${body}$`).test(value);
}
