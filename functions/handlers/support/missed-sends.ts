/**
 * Tells the packs' owners when an operational email (a rejection report, a reminder) did not
 * (certainly) reach a recipient: such a send must not fail with only a line in the run history.
 * The same set of misses is reported once (ledger key by digest), as pack-mail does for packs.
 */
import { createHash } from 'node:crypto';
import { newMessageId } from '../../core/mail/message-id.ts';
import { composeMime } from '../../core/mail/compose.ts';
import { plainTextHtml } from '../../core/mail/html.ts';
import { missedSendsSubject, missedSendsText, type MissedSendsInput } from '../../core/mail/missed-sends.ts';
import { deliver, undelivered, type DeliveryResult } from '../../core/pipeline/deliver.ts';
import { listAddresses } from '../../core/pipeline/recipients.ts';
import { loadPackTemplates } from '../../adapters/pack-templates.ts';
import { packsDir, type PipelineDeps } from './deps.ts';
import { loadRecipients } from './recipients.ts';
import type { RunLog } from './runs.ts';

/** The owners of every pack (each pack names its owners' list). */
export async function allPackOwners(deps: PipelineDeps): Promise<string[]> {
  const recipients = await loadRecipients(deps.store, deps.recipientsKey);
  const lists = new Set((await loadPackTemplates(packsDir(deps))).map((p) => p.distribution.ownersList));
  return [...new Set([...lists].flatMap((l) => listAddresses(recipients, l)))];
}

/** `ledgerKey`: the notice's key for a set of misses (by digest) and an owner, so a repeat run tells no one twice. */
export async function tellOwnersOfMissedSends(
  deps: PipelineDeps,
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
      compose: () =>
        composeMime({
          from: deps.sender,
          fromName: deps.senderName,
          to: [to],
          subject: missedSendsSubject(notice),
          text: missedSendsText(notice),
          html: plainTextHtml(missedSendsSubject(notice), missedSendsText(notice)),
          date: deps.clock.now(),
          messageId: newMessageId(deps.sender),
        }),
    })),
    deps,
  );
  if (owners.length === 0) run.note(`no owners to tell that ${missed.length} email(s) did not arrive`);
  for (const r of told) run.note(`owners' notice to ${r.recipient}: ${r.status}`);
}
