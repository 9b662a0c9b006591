/**
 * schedule: fired every working-day morning (EventBridge Scheduler, Europe/London). Scheduler
 * cannot express "the 5th working day, skipping bank holidays", so this decides in code, from the
 * officers' bank-holiday list, whether a pack is due (its distribution day, or a later working day
 * of the month: send the latest approved version of last month's pack to its lists, which the
 * ledger turns into nothing when they already have it) or it is the reminder day (no events
 * extract for last month yet). Scheduler is at-least-once; the ledger makes a repeat harmless.
 */
import { loadBankHolidays } from '../adapters/bank-holidays.ts';
import { loadPackTemplates } from '../adapters/pack-templates.ts';
import type { PackTemplate } from '../core/cards/pack-template.ts';
import { OUTPUT_PREFIXES, UPLOAD_PREFIXES } from '../core/bucket-layout.ts';
import { approvalKey, manifestSchema, parseManifestKey, type Manifest } from '../core/pipeline/manifest.ts';
import { isNthWorkingDay, isOnOrAfterNthWorkingDay, londonDay, previousMonth } from '../core/pipeline/working-days.ts';
import { listAddresses, type Recipients } from '../core/pipeline/recipients.ts';
import { packSendsPrefix, reminderNoticeSendKey, reminderSendKey } from '../core/pipeline/ledger-keys.ts';
import { tellOwnersOfMissedSends } from './support/missed-sends.ts';
import { validationRecordSchema } from '../core/pipeline/uploads-state.ts';
import { deliver } from '../core/pipeline/deliver.ts';
import { composeMime } from '../core/mail/compose.ts';
import { plainTextHtml } from '../core/mail/html.ts';
import { newMessageId } from '../core/mail/message-id.ts';
import { reminderSubject, reminderText } from '../core/mail/notices.ts';
import { packsDir, type PipelineDeps } from './support/deps.ts';
import { RunLog } from './support/runs.ts';
import { loadRecipients } from './support/recipients.ts';
import { sendPack } from './support/pack-mail.ts';

async function manifestsOf(deps: PipelineDeps, period: string, packId: string): Promise<Manifest[]> {
  const out: Manifest[] = [];
  for (const o of await deps.store.list(`${OUTPUT_PREFIXES.reports}${period}/${packId}/`)) {
    if (!parseManifestKey(o.key)) continue;
    const b = await deps.store.getBytes(o.key);
    const m = b ? manifestSchema.safeParse(JSON.parse(Buffer.from(b).toString('utf8'))) : null;
    if (m?.success) out.push(m.data);
  }
  return out.sort((a, b) => (a.generatedAt < b.generatedAt ? 1 : -1));
}

/** The newest version that is approved: automatically, or by an approval object officers wrote. */
async function latestApproved(deps: PipelineDeps, pack: PackTemplate, period: string): Promise<Manifest | null> {
  for (const m of await manifestsOf(deps, period, pack.id)) {
    if (pack.distribution.approval === 'auto' || (await deps.store.head(approvalKey(period, pack.id, m.version)))) return m;
  }
  return null;
}

async function distributePack(deps: PipelineDeps, run: RunLog, pack: PackTemplate, period: string, recipients: Recipients) {
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

async function eventsArrived(deps: PipelineDeps, period: string): Promise<boolean> {
  for (const o of await deps.store.list(`${OUTPUT_PREFIXES.validation}${UPLOAD_PREFIXES.events}`)) {
    const b = await deps.store.getBytes(o.key);
    const rec = b ? validationRecordSchema.safeParse(JSON.parse(Buffer.from(b).toString('utf8'))) : null;
    if (rec?.success && rec.data.accepted && rec.data.period === period) return true;
  }
  return false;
}

async function remind(deps: PipelineDeps, run: RunLog, period: string, to: string[], owners: string[]) {
  const results = await deliver(
    to.map((r) => ({
      ledgerKey: reminderSendKey(period, r),
      recipient: r,
      purpose: 'reminder',
      compose: () =>
        composeMime({
          from: deps.sender,
          fromName: deps.senderName,
          to: [r],
          subject: reminderSubject(period),
          text: reminderText(period, UPLOAD_PREFIXES.events),
          html: plainTextHtml(reminderSubject(period), reminderText(period, UPLOAD_PREFIXES.events)),
          date: deps.clock.now(),
          messageId: newMessageId(deps.sender),
        }),
    })),
    deps,
  );
  for (const x of results) run.note(`reminder for ${period} to ${x.recipient}: ${x.status}`);
  const about = { what: `The reminder that the ${period} events extract has not arrived`, subject: reminderSubject(period) };
  await tellOwnersOfMissedSends(deps, run, (digest, owner) => reminderNoticeSendKey(period, digest, owner), about, results, owners);
}

export function createSchedule(deps: PipelineDeps) {
  return async (_event: unknown = {}): Promise<{ today: string; due: string[]; reminded: boolean }> => {
    const now = deps.clock.now();
    const today = londonDay(now);
    const period = previousMonth(today.slice(0, 7));
    return RunLog.record(deps, 'schedule', `working-day check for ${today}`, async (run) => {
      const holidays = await loadBankHolidays(deps.templatesDir);
      const packs = await loadPackTemplates(packsDir(deps));
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
  };
}
