/**
 * Which files count (extract-spec.md): for each kind, the newest valid object by last-modified
 * time, then key. Validation records say which uploads were accepted; a record only speaks for
 * the object version it validated (same lastModified, compared at whole seconds), so an overwritten key is not trusted
 * until it has been validated again. A rejected file never replaces an accepted one because
 * rejected files are never candidates.
 */
import { z } from 'zod';
import { UPLOAD_KINDS, type UploadKind } from '../uploads/parsed.ts';
import { OUTPUT_PREFIXES } from '../bucket-layout.ts';
import { compareInstants, sameInstant } from './instants.ts';

export const validationRecordSchema = z.object({
  key: z.string(),
  kind: z.enum(UPLOAD_KINDS),
  /** The upload's LastModified when it was validated (ISO). */
  lastModified: z.string(),
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

export function validationKey(uploadKey: string): string {
  return `${OUTPUT_PREFIXES.validation}${uploadKey}.json`;
}

export function rejectionKey(uploadKey: string): string {
  return `${OUTPUT_PREFIXES.rejections}${uploadKey}.errors.csv`;
}

export interface UploadCandidate {
  key: string;
  kind: UploadKind;
  lastModified: Date;
  record: ValidationRecord | null;
}

/** Newest first: by lastModified, then key (later key wins a tie). */
function newer(a: UploadCandidate, b: UploadCandidate): number {
  const t = compareInstants(b.lastModified, a.lastModified);
  return t !== 0 ? t : b.key < a.key ? -1 : b.key > a.key ? 1 : 0;
}

export function isCurrentValid(c: UploadCandidate): boolean {
  return c.record !== null && c.record.accepted && sameInstant(c.record.lastModified, c.lastModified);
}

/** The upload that counts for each kind that has at least one accepted, current upload. */
export function filesThatCount(candidates: UploadCandidate[]): Partial<Record<UploadKind, UploadCandidate>> {
  const out: Partial<Record<UploadKind, UploadCandidate>> = {};
  for (const c of [...candidates].sort(newer)) {
    if (!out[c.kind] && isCurrentValid(c)) out[c.kind] = c;
  }
  return out;
}
