/**
 * Ledger keys: one per (what, recipient), so a repeat of any trigger finds the earlier record.
 * Keys are case-folded on the address so that a list with A@x and a@x cannot send twice.
 */
export function packSendKey(period: string, packId: string, version: string, audience: 'preview' | 'board', recipient: string): string {
  return `${period}#${packId}#${version}#${audience}#${recipient.toLowerCase()}`;
}

export function rejectionSendKey(uploadKey: string, lastModified: string, recipient: string): string {
  return `rejection#${uploadKey}#${lastModified}#${recipient.toLowerCase()}`;
}

export function reminderSendKey(period: string, recipient: string): string {
  return `reminder#${period}#${recipient.toLowerCase()}`;
}

export function noticeSendKey(subjectKey: string, recipient: string): string {
  return `notice#${subjectKey}#${recipient.toLowerCase()}`;
}
