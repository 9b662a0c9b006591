/**
 * distribute: a manifest was written (a new pack version exists). Send it as a preview to the
 * pack's preview list, once per version per recipient (the ledger absorbs repeated events).
 * Board and clerks are not sent here: the schedule handler sends them the latest approved version
 * on the distribution day.
 */
import { loadPackTemplates } from '../adapters/pack-templates.ts';
import { parseS3Event } from '../core/pipeline/s3-event.ts';
import { manifestSchema, parseManifestKey } from '../core/pipeline/manifest.ts';
import { listAddresses } from '../core/pipeline/recipients.ts';
import { packsDir, type PipelineDeps } from './support/deps.ts';
import { RunLog } from './support/runs.ts';
import { loadRecipients } from './support/recipients.ts';
import { sendPack } from './support/pack-mail.ts';

export function createDistribute(deps: PipelineDeps) {
  return async (event: unknown): Promise<{ sent: number; undelivered: number }> => {
    let sent = 0;
    let missed = 0;
    for (const ref of parseS3Event(event)) {
      if (!parseManifestKey(ref.key)) continue;
      const r = await RunLog.record(deps, 'distribute', ref.key, (run) => previewOne(deps, run, ref.key));
      sent += r.sent;
      missed += r.undelivered;
    }
    return { sent, undelivered: missed };
  };
}

async function previewOne(deps: PipelineDeps, run: RunLog, key: string) {
  const none = { sent: 0, undelivered: 0 };
  const bytes = await deps.store.getBytes(key);
  if (!bytes) {
    run.note('the manifest is gone');
    return { ...none, outcome: 'skipped' as const };
  }
  const manifest = manifestSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
  const pack = (await loadPackTemplates(packsDir(deps))).find((p) => p.id === manifest.packId);
  if (!pack) {
    run.note(`no pack template '${manifest.packId}' any more; nothing sent`);
    return { ...none, outcome: 'skipped' as const };
  }
  const recipients = await loadRecipients(deps.store, deps.recipientsKey);
  const r = await sendPack(
    deps,
    manifest,
    'preview',
    listAddresses(recipients, pack.distribution.previewList),
    listAddresses(recipients, pack.distribution.ownersList),
    manifest.revised,
  );
  for (const x of r.results) run.note(`preview ${manifest.version} to ${x.recipient}: ${x.status}`);
  for (const x of r.noticeResults) run.note(`owners' notice to ${x.recipient}: ${x.status}`);
  return {
    sent: r.results.filter((x) => x.status === 'sent').length,
    undelivered: r.undelivered.length,
    outcome: r.undelivered.length ? ('partial' as const) : ('ok' as const),
  };
}
