/**
 * Recomputes the measures from the files that count (extract-spec.md "Which files count") and
 * writes `measures/<period>.json`, which triggers render. Single-file kinds use the newest valid
 * upload; snapshot kinds (waiting, finance, providers) use every valid upload, oldest first, and
 * the measures core merges them month by month (the newest upload wins a whole month). Every
 * version of an upload is a candidate of its own (the bucket is versioned), so an accepted version
 * keeps counting when a rejected one lands on its key. Uploads are parsed again here (the Lambda
 * keeps no state); the one just validated is passed in so it is not read twice.
 */
import { validateUpload } from '../uploads/validate-upload.ts';
import { computeMeasures } from '../measures/compute.ts';
import { mergeHistory } from '../measures/history.ts';
import { assembleInputs, type ParsedFile } from '../measures/inputs.ts';
import { UPLOAD_PREFIXES } from '../bucket-layout.ts';
import { isSnapshotKind, UPLOAD_KINDS, type UploadKind } from '../uploads/kinds/index.ts';
import { filesThatCount, isCurrentValid, legacyRecordFor, newestFirst, type UploadCandidate, type ValidationRecord } from './uploads-state.ts';
import { instantText } from './instants.ts';
import { measuresKey } from './manifest.ts';
import type { Pipeline } from './pipeline.ts';
import type { RunLog } from './run-log.ts';
import { guardRead } from './read-guard.ts';

/** Every version of every upload of the given kinds, with its validation record (null when none yet). */
export async function candidates(deps: Pipeline, kinds: readonly UploadKind[] = UPLOAD_KINDS): Promise<UploadCandidate[]> {
  const out: UploadCandidate[] = [];
  for (const kind of kinds) {
    const versions = await deps.store.listVersions(UPLOAD_PREFIXES[kind]);
    const legacy = new Map<string, Promise<ValidationRecord | null>>();
    for (const o of versions) {
      if (o.key.length === UPLOAD_PREFIXES[kind].length) continue;
      let record = await deps.validations.get(o.key, o.versionId);
      if (!record && o.versionId !== null) {
        // Written before records were per version: read once per key, trusted for one version.
        if (!legacy.has(o.key)) legacy.set(o.key, deps.validations.get(o.key));
        const old = await legacy.get(o.key)!;
        record = old && legacyRecordFor(old, o, versions.filter((v) => v.key === o.key));
      }
      out.push({ key: o.key, kind, lastModified: o.lastModified, versionId: o.versionId, record });
    }
  }
  return out;
}

/** The upload just validated, so recompute does not read it twice. */
export interface FreshUpload {
  key: string;
  versionId: string | null;
  data: unknown;
}

async function parsedData(deps: Pipeline, c: UploadCandidate, fresh?: FreshUpload): Promise<unknown> {
  if (fresh && fresh.key === c.key && fresh.versionId === c.versionId) return fresh.data;
  const obj = await deps.store.getStream(c.key, c.versionId);
  if (!obj) return null;
  // A read failure must fail the run, not silently leave this kind out of the measures.
  const read = guardRead(c.key, obj.body);
  const result = await validateUpload(c.kind, read.body, { fileName: c.key.slice(c.key.lastIndexOf('/') + 1) });
  read.rethrow();
  return result.errorCount === 0 ? result.data : null;
}

/** Which objects (and versions) the computation reads: changes when another upload is accepted. */
function fingerprint(all: UploadCandidate[]): string {
  return all
    .filter(isCurrentValid)
    .map((c) => `${c.key}@${c.versionId ?? ''}@${instantText(c.lastModified)}`)
    .sort()
    .join('|');
}

/** Returns a one-line description of what was written, or null when there was nothing to compute. */
export async function recompute(deps: Pipeline, run: RunLog, fresh?: FreshUpload): Promise<string | null> {
  const all = await candidates(deps);
  const counting = filesThatCount(all);
  if (!counting.events) {
    run.note('no accepted events extract yet: measures wait for one');
    return null;
  }
  // Single-file kinds: the one that counts; snapshot kinds: every valid file, oldest first.
  const files: ParsedFile[] = [];
  for (const kind of UPLOAD_KINDS) {
    const valid = isSnapshotKind(kind) ? newestFirst(all.filter((c) => c.kind === kind && isCurrentValid(c))).reverse() : [counting[kind]];
    for (const c of valid) {
      const data = c && (await parsedData(deps, c, fresh));
      if (c && data !== null) files.push({ kind, name: c.key, data });
    }
  }
  const assembled = assembleInputs(files);
  if (!assembled) {
    run.note('the events extract that counts could not be read again');
    return null;
  }
  const { inputs, used } = assembled;
  const current = computeMeasures(inputs);
  const key = measuresKey(current.period);
  const stored = await deps.measures.get(current.period);
  if (stored && !stored.document) run.note(`ignoring an unreadable previous ${key}`);
  const previous = stored?.document ?? null;
  // Two uploads ingested at once: if another was accepted while this one computed, its own run
  // (which lists after its verdict was written) computes from both; writing here could only be
  // staler than that, so leave it to that run.
  if (fingerprint(await candidates(deps)) !== fingerprint(all)) return 'a newer upload was accepted meanwhile: its run writes the measures';
  const merged = mergeHistory(previous, current);
  // Kinds in a fixed order: which upload is newest must not change the bytes of identical measures.
  const uploads = Object.fromEntries(Object.entries(used).sort(([a], [b]) => (a < b ? -1 : 1)));
  const text = JSON.stringify({ ...merged, uploads }, null, 2);
  if (stored?.text === text) return `${key} unchanged (nothing to render)`;
  await deps.measures.put(current.period, text);
  return `wrote ${key} from ${Object.keys(used).join(', ')}`;
}
