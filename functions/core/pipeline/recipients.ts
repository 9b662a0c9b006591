/**
 * Distribution lists: deployment configuration (`config/recipients.json` in the bucket), never
 * taken from an upload. Validated with zod so a typo in an address fails loudly at load.
 */
import { z } from 'zod';
import type { ObjectStore } from './ports.ts';

export const recipientsSchema = z.object({
  lists: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(z.email()).min(1)),
});
export type Recipients = z.infer<typeof recipientsSchema>;

export const RECIPIENTS_KEY = 'config/recipients.json';

/** The list every rejected upload's report goes to (whatever the packs name). */
export const REJECTION_LIST = 'performance-team';

export class RecipientsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecipientsError';
  }
}

export function parseRecipients(json: string): Recipients {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new RecipientsError(`${RECIPIENTS_KEY} is not JSON: ${(e as Error).message}`);
  }
  const parsed = recipientsSchema.safeParse(raw);
  if (!parsed.success) throw new RecipientsError(`${RECIPIENTS_KEY} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The addresses of a list; an unknown list is a configuration error, not an empty list. */
export function listAddresses(recipients: Recipients, list: string): string[] {
  const addresses = recipients.lists[list];
  if (!addresses) throw new RecipientsError(`Distribution list '${list}' is not in ${RECIPIENTS_KEY}`);
  return [...new Set(addresses.map((a) => a.toLowerCase()))];
}

/** Loads the distribution lists from the bucket (deployment configuration, never an upload). */
export async function loadRecipients(store: ObjectStore, key = RECIPIENTS_KEY): Promise<Recipients> {
  const bytes = await store.getBytes(key);
  if (!bytes) throw new RecipientsError(`${key} is missing from the bucket: no one can be emailed`);
  return parseRecipients(Buffer.from(bytes).toString('utf8'));
}
