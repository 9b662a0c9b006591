/** Loads the distribution lists from the bucket (deployment configuration, never an upload). */
import { parseRecipients, RecipientsError, RECIPIENTS_KEY, type Recipients } from '../../core/pipeline/recipients.ts';
import type { ObjectStore } from '../../core/pipeline/ports.ts';

export async function loadRecipients(store: ObjectStore, key = RECIPIENTS_KEY): Promise<Recipients> {
  const bytes = await store.getBytes(key);
  if (!bytes) throw new RecipientsError(`${key} is missing from the bucket: no one can be emailed`);
  return parseRecipients(Buffer.from(bytes).toString('utf8'));
}
