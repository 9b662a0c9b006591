/**
 * Which files count (extract-spec.md): for each kind, the newest valid object by last-modified
 * time, then key. In a versioned bucket every version of an upload is an object of its own:
 * validation records are per version, so a broken file uploaded again under an accepted file's
 * key leaves the accepted version counting. A record only speaks for the version it validated
 * (same version id, and same lastModified compared at whole seconds), so where a store keeps no
 * versions an overwritten key is not trusted until it has been validated again. A rejected file
 * never replaces an accepted one because rejected files are never candidates.
 */
import { z } from 'zod';
import { isSnapshotKind, UPLOAD_KINDS, type UploadKind } from '../uploads/kinds/index.ts';
import { OUTPUT_PREFIXES } from '../bucket-layout.ts';
import { compareInstants, instantText, sameInstant } from './instants.ts';
import type { ObjectVersion } from './ports.ts';

export const validationRecordSchema = z.object({
  key: z.string(),
  kind: z.enum(UPLOAD_KINDS),
  /** The upload's LastModified when it was validated (ISO). */
  lastModified: z.string(),
  /** The S3 version validated; null where the bucket keeps no versions. */
  versionId: z.string().nullable().default(null),
  size: z.number(),
  accepted: z.boolean(),
  rows: z.number(),
  errorCount: z.number(),
  warningCount: z.number(),
  errorCountsByRule: z.record(z.string(), z.number()),
  /** When set, the reason the file was refused before parsing (unsafe key, too big). */
  refused: z.string().nullable(),
  validatedAt: z.string(),
  /** `YYYY-MM` of an events extract's reporting period end, when accepted. */
  period: z.string().nullable(),
});
export type ValidationRecord = z.infer<typeof validationRecordSchema>;

/** `@<version>` after the upload's key when there are versions (S3 version ids may hold `+` or `/`, hence encoded). */
const versionPart = (versionId: string | null) => (versionId === null ? '' : `@${encodeURIComponent(versionId)}`);

export function validationKey(uploadKey: string, versionId: string | null = null): string {
  return `${OUTPUT_PREFIXES.validation}${uploadKey}${versionPart(versionId)}.json`;
}

/**
 * The record an object version has where none was written for it: records written before they
 * were per version sit at the per-key path (`validation/<key>.json`, no version id) and each
 * validated the key's then-current object. Such a record speaks for the one version of its key
 * with its lastModified (whole seconds) and size; if two versions match, it cannot say which it
 * judged, so it speaks for neither (the version waits to be validated again, as an unvalidated
 * upload does).
 */
export function legacyRecordFor(legacy: ValidationRecord, version: ObjectVersion, versionsOfKey: readonly ObjectVersion[]): ValidationRecord | null {
  const judged = (v: ObjectVersion) => v.key === legacy.key && v.size === legacy.size && sameInstant(legacy.lastModified, v.lastModified);
  if (legacy.versionId !== null || !judged(version)) return null;
  if (versionsOfKey.filter(judged).length !== 1) return null;
  return { ...legacy, versionId: version.versionId };
}

export function rejectionKey(uploadKey: string, versionId: string | null = null): string {
  return `${OUTPUT_PREFIXES.rejections}${uploadKey}${versionPart(versionId)}.errors.csv`;
}

export interface UploadCandidate {
  key: string;
  kind: UploadKind;
  lastModified: Date;
  versionId: string | null;
  record: ValidationRecord | null;
}

/** Newest first: by lastModified, then key (later key wins a tie). */
function newer(a: UploadCandidate, b: UploadCandidate): number {
  const t = compareInstants(b.lastModified, a.lastModified);
  return t !== 0 ? t : b.key < a.key ? -1 : b.key > a.key ? 1 : 0;
}

/**
 * Candidates newest first. Versions of one key within the same second keep the order they were
 * listed in (ListObjectVersions lists a key's versions newest first): the sort is stable.
 */
export function newestFirst(candidates: UploadCandidate[]): UploadCandidate[] {
  return [...candidates].sort(newer);
}

export function isCurrentValid(c: UploadCandidate): boolean {
  return c.record !== null && c.record.accepted && c.record.versionId === c.versionId && sameInstant(c.record.lastModified, c.lastModified);
}

/**
 * For a rejection email: which file of this kind is in use instead, with when it was uploaded, or
 * that none is and which packs wait for one (`waiting`: the titles of the packs that cannot be
 * made without this kind — every pack for events, else those whose template requires it).
 * `rejectedKey` tells an accepted version of the same key (the file an officer most often
 * replaces) from another file.
 */
export function inUseSentence(kind: UploadKind, inUse: UploadCandidate | undefined, rejectedKey?: string, waiting: readonly string[] = []): string {
  if (!inUse) {
    const none = `No accepted ${kind} file is in the bucket, so no ${kind} data is in use.`;
    if (waiting.length === 0) return `${none} No pack needs one, so the packs are made without it.`;
    // Titles hold "and" themselves ("Commissioning and Finance Report Cards"): a list after a colon, not a sentence.
    return waiting.length === 1
      ? `${none} The pack ${waiting[0]} waits until a valid one is uploaded.`
      : `${none} These packs wait until a valid one is uploaded: ${waiting.join('; ')}.`;
  }
  const when = `${instantText(inUse.lastModified).replace('T', ' ').replace('Z', '')} UTC`;
  const earlier = inUse.key === rejectedKey ? `the accepted version of ${inUse.key}, uploaded ${when}` : `${inUse.key}, uploaded ${when}`;
  // Snapshot kinds use every accepted snapshot, one per month; name the newest.
  if (isSnapshotKind(kind)) return `The accepted ${kind} files are still in use; the newest is ${earlier}.`;
  return `The ${kind} file in use is still ${earlier}.`;
}

/** The upload that counts for each kind that has at least one accepted, current upload. */
export function filesThatCount(candidates: UploadCandidate[]): Partial<Record<UploadKind, UploadCandidate>> {
  const out: Partial<Record<UploadKind, UploadCandidate>> = {};
  for (const c of newestFirst(candidates)) {
    if (!out[c.kind] && isCurrentValid(c)) out[c.kind] = c;
  }
  return out;
}
