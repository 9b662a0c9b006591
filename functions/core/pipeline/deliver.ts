/**
 * Sends at most once, and never silently. For each recipient: claim the ledger key (`pending`,
 * conditional), send, then record `sent` with the MessageId. A definite rejection is recorded as
 * `failed` (a later run may try again: SES never accepted it); an unknown outcome stays `pending`
 * forever and is reported, never resent by itself. A record found `pending` from an earlier run is
 * reported again rather than resent.
 *
 * A recipient on the suppression list (SES reported a permanent bounce or a complaint) is not
 * sent to: the ledger records `suppressed` with the reason and the result says so, so the
 * caller tells the owners. The check comes after the claim, so a recipient who already has this
 * email stays `already-sent`; a `suppressed` record is claimed again on the next run, so taking
 * an address off the list lets it receive what it missed.
 */
import type { Clock, Mailer, Metrics, SendLedger, SuppressionEntry, SuppressionList } from './ports.ts';
import { plural } from '../plural.ts';

export interface Delivery {
  ledgerKey: string;
  recipient: string;
  purpose: string;
  /** Built lazily so a repeat run that sends nothing composes nothing. */
  compose: () => Promise<Uint8Array>;
}

export type DeliveryResult =
  | { recipient: string; ledgerKey: string; status: 'sent'; messageId: string; raw: Uint8Array }
  | { recipient: string; ledgerKey: string; status: 'already-sent'; messageId: string | null }
  | { recipient: string; ledgerKey: string; status: 'rejected' | 'unknown' | 'pending-earlier' | 'suppressed'; detail: string };

export interface DeliverDeps {
  mailer: Mailer;
  ledger: SendLedger;
  clock: Clock;
  suppressions: SuppressionList;
  /** Called once SES has returned a MessageId (local runner saves the .eml then). */
  onSent?: (r: { recipient: string; messageId: string; raw: Uint8Array; ledgerKey: string }) => Promise<void>;
  /** Counts EmailsSent, and EmailsFailed for the sends that did not (certainly) happen (SES refused, outcome unknown, not composed). */
  metrics?: Metrics;
}

export async function deliver(items: Delivery[], deps: DeliverDeps): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = [];
  for (const item of items) {
    const base = { recipient: item.recipient, ledgerKey: item.ledgerKey };
    const claim = await deps.ledger.claim({ key: item.ledgerKey, recipient: item.recipient, purpose: item.purpose, at: deps.clock.now() });
    if (!claim.claimed) {
      const ex = claim.existing;
      results.push(
        ex.status === 'sent'
          ? { ...base, status: 'already-sent', messageId: ex.messageId }
          : { ...base, status: 'pending-earlier', detail: ex.detail ?? 'an earlier send is still pending (outcome unknown)' },
      );
      continue;
    }
    let suppressed: SuppressionEntry | null;
    try {
      suppressed = await deps.suppressions.find(item.recipient);
    } catch (e) {
      // Not knowing is not permission to send; nothing was sent, so a later run may try again.
      const detail = `could not check the suppression list: ${(e as Error).message}`;
      await deps.ledger.markFailed(item.ledgerKey, detail, deps.clock.now());
      results.push({ ...base, status: 'rejected', detail });
      continue;
    }
    if (suppressed) {
      const detail = suppressionDetail(suppressed);
      await deps.ledger.markSuppressed(item.ledgerKey, detail, deps.clock.now());
      results.push({ ...base, status: 'suppressed', detail });
      continue;
    }
    let raw: Uint8Array;
    try {
      raw = await item.compose();
    } catch (e) {
      // Nothing was sent: a definite failure, so a later run may try again.
      const detail = `could not compose the email: ${(e as Error).message}`;
      await deps.ledger.markFailed(item.ledgerKey, detail, deps.clock.now());
      results.push({ ...base, status: 'rejected', detail });
      continue;
    }
    const outcome = await deps.mailer.sendRaw(raw, [item.recipient]);
    if (outcome.status === 'sent') {
      await deps.ledger.markSent(item.ledgerKey, outcome.messageId, deps.clock.now());
      await deps.onSent?.({ recipient: item.recipient, messageId: outcome.messageId, raw, ledgerKey: item.ledgerKey });
      results.push({ ...base, status: 'sent', messageId: outcome.messageId, raw });
    } else if (outcome.status === 'rejected') {
      const detail = `${outcome.code}: ${outcome.message} (after ${plural(outcome.attempts, 'attempt')})`;
      await deps.ledger.markFailed(item.ledgerKey, detail, deps.clock.now());
      results.push({ ...base, status: 'rejected', detail });
    } else {
      const detail = `${outcome.code}: ${outcome.message}`;
      await deps.ledger.markUnknown(item.ledgerKey, detail, deps.clock.now());
      results.push({ ...base, status: 'unknown', detail });
    }
  }
  countOutcomes(results, deps.metrics);
  return results;
}

function countOutcomes(results: DeliveryResult[], metrics: Metrics | undefined): void {
  const sent = results.filter((r) => r.status === 'sent').length;
  const failed = results.filter((r) => r.status === 'rejected' || r.status === 'unknown').length;
  if (sent) metrics?.count('EmailsSent', sent);
  if (failed) metrics?.count('EmailsFailed', failed);
}

/** Why a suppressed recipient was skipped, in words an owner can act on. */
export function suppressionDetail(s: SuppressionEntry): string {
  const what = s.reason === 'complaint' ? 'marked an earlier email as spam (complaint)' : 'an earlier email bounced permanently';
  return `on the suppression list since ${s.at}: ${what} - ${s.detail}`;
}

export type UndeliveredStatus = 'rejected' | 'unknown' | 'suppressed';

/** The recipients who did not (certainly) get their email. */
export function undelivered(results: DeliveryResult[]): { recipient: string; status: UndeliveredStatus; detail: string }[] {
  const out: { recipient: string; status: UndeliveredStatus; detail: string }[] = [];
  for (const r of results) {
    if (r.status === 'rejected' || r.status === 'suppressed') out.push({ recipient: r.recipient, status: r.status, detail: r.detail });
    else if (r.status === 'unknown' || r.status === 'pending-earlier') out.push({ recipient: r.recipient, status: 'unknown', detail: r.detail });
  }
  return out;
}
