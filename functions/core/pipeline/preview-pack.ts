/**
 * distribute's use case: a manifest was written (a new pack version exists). Send it as a preview
 * to the pack's preview list, once per version per recipient (the ledger absorbs repeated events).
 * Board and clerks are not sent here: the working-day check sends them the latest approved
 * version on the distribution day.
 */
import { parseManifestKey } from './manifest.ts';
import { listAddresses, loadRecipients } from './recipients.ts';
import { packById, type Pipeline } from './pipeline.ts';
import { RunLog } from './run-log.ts';
import { sendPack } from './send-pack.ts';

/** Previews the version whose manifest is `key` (nothing when `key` is not a manifest's). */
export async function previewVersion(deps: Pipeline, key: string): Promise<{ sent: number; undelivered: number }> {
  if (!parseManifestKey(key)) return { sent: 0, undelivered: 0 };
  const { sent, undelivered } = await RunLog.record(deps, 'distribute', key, (run) => previewOne(deps, run, key));
  return { sent, undelivered };
}

async function previewOne(deps: Pipeline, run: RunLog, key: string) {
  const none = { sent: 0, undelivered: 0 };
  const manifest = await deps.manifests.get(key);
  if (!manifest) {
    run.note('the manifest is gone');
    return { ...none, outcome: 'skipped' as const };
  }
  const pack = await packById(deps.templates, manifest.packId);
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
