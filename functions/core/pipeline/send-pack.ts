/**
 * Sends one pack version to one audience, through the ledger, and tells the pack's owners about
 * anyone who did not (certainly) get it — and the pack's performance team too when an owner's own
 * address is suppressed. Shared by distribute (previews) and schedule (board).
 */
import { createHash } from 'node:crypto';
import { newMessageId } from '../mail/message-id.ts';
import { composeMime } from '../mail/compose.ts';
import { packHtml, packText, type PackMailSummary } from '../mail/pack-body.ts';
import { packSubject } from '../mail/subject.ts';
import { fitsInSes, pdfCanBeAttached } from '../mail/size.ts';
import { ownersNoticeSubject, ownersNoticeText, type OwnersNoticeInput, type UndeliveredRecipient } from '../mail/notices.ts';
import { dayLong } from '../calendar/months.ts';
import { sendWindow } from './send-window.ts';
import { listAddresses, loadRecipients } from './recipients.ts';
import { deliver, undelivered, type Delivery, type DeliveryResult } from './deliver.ts';
import { packNoticeSendKey, packSendKey } from './ledger-keys.ts';
import { packFileName, type Manifest } from './manifest.ts';
import { packById, type Pipeline } from './pipeline.ts';
import { composeNotice } from './notice-mail.ts';
import { objectLink } from './object-link.ts';


export interface PackSendResult {
  results: DeliveryResult[];
  undelivered: UndeliveredRecipient[];
  noticeResults: DeliveryResult[];
}

export async function sendPack(
  deps: Pipeline,
  manifest: Manifest,
  audience: 'preview' | 'board',
  recipients: string[],
  owners: string[],
  revised: boolean,
): Promise<PackSendResult> {
  const { period, packId, version } = manifest;
  const fileName = packFileName(packId, period, manifest.revision);
  const attach = pdfCanBeAttached(manifest.pdfBytes, deps.mailLimitBytes);
  let pdf: Uint8Array | null = null;
  const loadPdf = async () => {
    pdf ??= await deps.store.getBytes(manifest.pdfKey);
    if (!pdf) throw new Error(`${manifest.pdfKey} is missing`);
    return pdf;
  };
  // Read the PDF before claiming any ledger key: an S3 failure here then fails the invocation
  // (Lambda retries it) instead of marking every recipient failed and telling the owners about a
  // fault the retry would have fixed.
  if (attach) await loadPdf();
  const summary: PackMailSummary = {
    committee: manifest.committee,
    packTitle: manifest.packTitle,
    period,
    revised,
    preview: audience === 'preview',
    rag: manifest.summary.rag,
    changed: manifest.summary.changed,
    compared: manifest.summary.compared,
    measures: manifest.summary.rows,
    where: attach
      ? { attached: true, fileName }
      : { attached: false, text: 'The full pack is too large to email; the performance team will share it with you.' },
    approval: audience === 'preview' ? await approvalFor(deps, manifest) : undefined,
    contact: deps.contact,
    signOff: deps.senderName,
  };
  const items: Delivery[] = recipients.map((to) => {
    const ledgerKey = packSendKey(period, packId, version, audience, to);
    return {
      ledgerKey,
      recipient: to,
      purpose: audience,
      compose: async () => {
        const raw = await composeMime({
          from: deps.sender,
          fromName: deps.senderName,
          to: [to],
          subject: packSubject(summary),
          text: packText(summary),
          html: packHtml(summary),
          attachments: attach ? [{ fileName, contentType: 'application/pdf', content: await loadPdf() }] : [],
          date: deps.clock.now(),
          messageId: newMessageId(deps.sender),
          headers: { 'X-Report-Cards-Send': ledgerKey },
        });
        // The estimate above decides attaching; this is the check on the real bytes.
        if (!fitsInSes(raw.byteLength, deps.mailLimitBytes)) throw new Error(`the email is ${raw.byteLength} bytes, above the SES limit`);
        return raw;
      },
    };
  });
  const results = await deliver(items, deps);
  const missed: UndeliveredRecipient[] = undelivered(results);
  if (!attach) {
    for (const r of results) if (r.status === 'sent') missed.push({ recipient: r.recipient, status: 'too-large', detail: `${manifest.pdfBytes}-byte PDF sent as a summary only` });
  }
  const noticeResults = missed.length ? await tellOwners(deps, manifest, audience, missed, owners) : [];
  return { results, undelivered: missed, noticeResults };
}

async function tellOwners(
  deps: Pipeline,
  manifest: Manifest,
  audience: 'preview' | 'board',
  missed: UndeliveredRecipient[],
  owners: string[],
): Promise<DeliveryResult[]> {
  // The same set of misses is reported once; a different set (a later run) is reported again.
  const digest = createHash('sha256')
    .update(JSON.stringify(missed.map((m) => [m.recipient, m.status]).sort()))
    .digest('hex')
    .slice(0, 12);
  const where = await objectLink(deps.store, manifest.pdfKey);
  const notice: OwnersNoticeInput = { committee: manifest.committee, packTitle: manifest.packTitle, period: manifest.period, version: manifest.version, audience, undelivered: missed, where };
  const send = (to: string[], n: OwnersNoticeInput) =>
    deliver(
      to.map((r) => ({
        // One key space for owners and the fallback: someone on both lists is told once.
        ledgerKey: packNoticeSendKey(manifest.period, manifest.packId, manifest.version, audience, digest, r),
        recipient: r,
        purpose: 'owners-notice',
        compose: () => composeNotice(deps, r, ownersNoticeSubject(n), ownersNoticeText(n)),
      })),
      deps,
    );
  const results = await send(owners, notice);
  // An owner whose own address is suppressed cannot be told: tell the pack's performance team
  // (its preview list) as well, saying why, rather than let the miss go unreported.
  const unreachable = results.filter((r) => r.status === 'suppressed').map((r) => r.recipient);
  if (unreachable.length === 0) return results;
  const ownerSet = new Set(owners.map((o) => o.toLowerCase()));
  const team = (await performanceTeam(deps, manifest.packId)).filter((a) => !ownerSet.has(a));
  return [...results, ...(await send(team, { ...notice, unreachableOwners: unreachable }))];
}

/** For a preview: how this pack reaches the committee — the approve command, or on its own — and until when. */
async function approvalFor(deps: Pipeline, manifest: Manifest): Promise<PackMailSummary['approval']> {
  const pack = await packById(deps.templates, manifest.packId);
  if (!pack) return undefined;
  // The schedule's time, not the template's informational `time`: that is when the run reads approvals.
  const w = sendWindow(manifest.period, pack.distribution.workingDay, await deps.templates.bankHolidays(), deps.clock.now(), deps.distributionTime);
  if (!w) return undefined;
  const window = { first: { ...w.first, day: dayLong(w.first.day) }, last: { ...w.last, day: dayLong(w.last.day) }, stage: w.stage };
  if (pack.distribution.approval === 'auto') return { mode: 'auto', ...window };
  const bucket = deps.bucketName ?? 'BUCKET';
  return { mode: 'manual', command: `npx report-cards approve --period ${manifest.period} --pack ${manifest.packId} --bucket ${bucket}`, ...window };
}

/** The pack's preview list: the performance team who also see every new version. */
async function performanceTeam(deps: Pipeline, packId: string): Promise<string[]> {
  const pack = await packById(deps.templates, packId);
  if (!pack) throw new Error(`no pack template '${packId}': cannot find the performance team to tell in place of the owners`);
  return listAddresses(await loadRecipients(deps.store, deps.recipientsKey), pack.distribution.previewList);
}
