/**
 * Tells the packs' owners when an operational email (a rejection report, a reminder) did not
 * (certainly) reach a recipient: such a send must not fail with only a line in the run history.
 * The same set of misses is reported once (ledger key by digest), as pack-mail does for packs.
 */
import { createHash } from 'node:crypto';
import { plural } from '../plural.ts';
import { missedSendsSubject, missedSendsText, type MissedSendsInput } from '../mail/missed-sends.ts';
import { deliver, undelivered, type DeliveryResult } from './deliver.ts';
import { listAddresses, loadRecipients } from './recipients.ts';
import type { Pipeline } from './pipeline.ts';
import { composeNotice } from './notice-mail.ts';
import type { RunLog } from './run-log.ts';

/** The owners of every pack (each pack names its owners' list). */
export async function allPackOwners(deps: Pipeline): Promise<string[]> {
  const recipients = await loadRecipients(deps.store, deps.recipientsKey);
  const lists = new Set((await deps.templates.packs()).map((p) => p.distribution.ownersList));
  return [...new Set([...lists].flatMap((l) => listAddresses(recipients, l)))];
}

/** `ledgerKey`: the notice's key for a set of misses (by digest) and an owner, so a repeat run tells no one twice. */
export async function tellOwnersOfMissedSends(
  deps: Pipeline,
  run: RunLog,
  ledgerKey: (digest: string, owner: string) => string,
  email: Omit<MissedSendsInput, 'undelivered'>,
  results: DeliveryResult[],
  owners: string[],
): Promise<void> {
  const missed = undelivered(results);
  if (missed.length === 0) return;
  const digest = createHash('sha256')
    .update(JSON.stringify(missed.map((m) => [m.recipient, m.status]).sort()))
    .digest('hex')
    .slice(0, 12);
  const notice: MissedSendsInput = { ...email, undelivered: missed };
  const told = await deliver(
    owners.map((to) => ({
      ledgerKey: ledgerKey(digest, to),
      recipient: to,
      purpose: 'owners-notice',
      compose: () => composeNotice(deps, to, missedSendsSubject(notice), missedSendsText(notice)),
    })),
    deps,
  );
  if (owners.length === 0) run.note(`no owners to tell that ${plural(missed.length, 'email')} did not arrive`);
  for (const r of told) run.note(`owners' notice to ${r.recipient}: ${r.status}`);
}
