/**
 * schedule's use case: fired every working-day morning (EventBridge Scheduler, Europe/London).
 * Scheduler cannot express "the 5th working day, skipping bank holidays", so this decides in
 * code, from the officers' bank-holiday list, whether a pack is due (its distribution day, or a
 * later working day of the month: send the latest approved version of last month's pack to its
 * lists, which the ledger turns into nothing when they already have it) or it is the reminder day
 * (no events extract for last month yet). Scheduler is at-least-once; the ledger makes a repeat
 * harmless.
 */
import type { PackTemplate } from '../cards/pack-template.ts';
import { UPLOAD_PREFIXES } from '../bucket-layout.ts';
import { reminderSubject, reminderText } from '../mail/notices.ts';
import type { Manifest } from './manifest.ts';
import { isNthWorkingDay, isOnOrAfterNthWorkingDay, londonDay, previousMonth } from './working-days.ts';
import { listAddresses, loadRecipients, type Recipients } from './recipients.ts';
import { packSendsPrefix, reminderNoticeSendKey, reminderSendKey } from './ledger-keys.ts';
import { tellOwnersOfMissedSends } from './missed-sends.ts';
import { deliver } from './deliver.ts';
import type { Pipeline } from './pipeline.ts';
import { composeNotice } from './notice-mail.ts';
import { RunLog } from './run-log.ts';
import { sendPack } from './send-pack.ts';

export interface WorkingDayResult {
  /** The London date the check ran for. */
  today: string;
  /** Packs due today (their distribution day or later in the month). */
  due: string[];
  /** Whether the missing-extract reminder went out. */
  reminded: boolean;
}

/** The newest version that is approved: automatically, or by an approval object officers wrote. */
async function latestApproved(deps: Pipeline, pack: PackTemplate, period: string): Promise<Manifest | null> {
  for (const m of await deps.manifests.ofPack(period, pack.id)) {
    if (pack.distribution.approval === 'auto' || (await deps.approvals.exists(period, pack.id, m.version))) return m;
  }
  return null;
}

async function distributePack(deps: Pipeline, run: RunLog, pack: PackTemplate, period: string, recipients: Recipients) {
  const manifest = await latestApproved(deps, pack, period);
  if (!manifest) {
    run.note(`${pack.id}: distribution day, but no approved version for ${period}; nothing sent`);
    return 0;
  }
  // "Revised" for the committee means: they were sent a different version of this month before.
  const earlier = await deps.ledger.list(packSendsPrefix(period, pack.id));
  const revised = earlier.some((r) => r.purpose === 'board' && r.status === 'sent' && !r.key.startsWith(packSendsPrefix(period, pack.id, manifest.version)));
  const to = [...new Set(pack.distribution.lists.flatMap((l) => listAddresses(recipients, l)))];
  const r = await sendPack(deps, manifest, 'board', to, listAddresses(recipients, pack.distribution.ownersList), revised);
  for (const x of r.results) run.note(`${pack.id} ${manifest.version} to ${x.recipient}: ${x.status}`);
  for (const x of r.noticeResults) run.note(`owners' notice to ${x.recipient}: ${x.status}`);
  return r.undelivered.length;
}

async function eventsArrived(deps: Pipeline, period: string): Promise<boolean> {
  return (await deps.validations.under(UPLOAD_PREFIXES.events)).some((r) => r.accepted && r.period === period);
}

async function remind(deps: Pipeline, run: RunLog, period: string, to: string[], owners: string[]) {
  const results = await deliver(
    to.map((r) => ({
      ledgerKey: reminderSendKey(period, r),
      recipient: r,
      purpose: 'reminder',
      compose: () => composeNotice(deps, r, reminderSubject(period), reminderText(period, UPLOAD_PREFIXES.events)),
    })),
    deps,
  );
  for (const x of results) run.note(`reminder for ${period} to ${x.recipient}: ${x.status}`);
  const about = { what: `The reminder that the ${period} events extract has not arrived`, subject: reminderSubject(period) };
  await tellOwnersOfMissedSends(deps, run, (digest, owner) => reminderNoticeSendKey(period, digest, owner), about, results, owners);
}

/** Today's work, if any: due packs to their lists, the reminder on its day. */
export async function workingDayCheck(deps: Pipeline): Promise<WorkingDayResult> {
  const now = deps.clock.now();
  const today = londonDay(now);
  const period = previousMonth(today.slice(0, 7));
  return RunLog.record(deps, 'schedule', `working-day check for ${today}`, async (run) => {
    const holidays = await deps.templates.bankHolidays();
    const packs = await deps.templates.packs();
    // From the distribution day on: a late approval or a corrected version goes the next working
    // morning; what recipients already have, the ledger does not send again.
    const due = packs.filter((p) => isOnOrAfterNthWorkingDay(now, p.distribution.workingDay, holidays));
    const remindToday = packs.filter((p) => isNthWorkingDay(now, p.distribution.reminderDay, holidays));
    if (due.length === 0 && remindToday.length === 0) {
      run.note(`${today}: no pack is due and it is no pack's reminder day`);
      return { today, due: [] as string[], reminded: false, outcome: 'skipped' as const };
    }
    const recipients = await loadRecipients(deps.store, deps.recipientsKey);
    let missed = 0;
    for (const pack of due) missed += await distributePack(deps, run, pack, period, recipients);
    let reminded = false;
    if (remindToday.length && !(await eventsArrived(deps, period))) {
      const to = [...new Set(remindToday.map((p) => p.distribution.previewList).flatMap((l) => listAddresses(recipients, l)))];
      const owners = [...new Set(remindToday.map((p) => p.distribution.ownersList).flatMap((l) => listAddresses(recipients, l)))];
      await remind(deps, run, period, to, owners);
      reminded = true;
    }
    return { today, due: due.map((p) => p.id), reminded, outcome: missed ? ('partial' as const) : ('ok' as const) };
  }).then(({ outcome: _outcome, ...rest }) => rest);
}
