/**
 * Approving a rendered pack version for the board: the object `approvals/<period>/<pack>/<version>.json`
 * (manifest.ts `approvalKey`). The schedule only asks whether it exists; its body records who
 * approved and when (the shape `npm start` writes), for whoever later asks why a version went out.
 * An approval names a version that was rendered (its manifest exists), never a guess.
 */
import { z } from 'zod';
import { OUTPUT_PREFIXES } from '../bucket-layout.ts';
import { approvalKey, manifestKey, manifestSchema, type Manifest } from './manifest.ts';
import type { Repositories } from './repositories.ts';

export const approvalRecordSchema = z.object({
  approvedBy: z.string().min(1),
  /** ISO instant of the approval. */
  at: z.string(),
});
export type ApprovalRecord = z.infer<typeof approvalRecordSchema>;

export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
export const packIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a pack id (lower-case letters, digits, hyphens)');
export const versionSchema = manifestSchema.shape.version;

export class ApprovalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApprovalError';
  }
}

/** The version to approve: the one asked for, which must have been rendered, or else the newest (`rendered` newest first). */
export function chooseVersion(rendered: Manifest[], period: string, packId: string, version?: string): Manifest {
  if (rendered.length === 0) {
    throw new ApprovalError(`no version of pack '${packId}' has been rendered for ${period} (nothing under ${OUTPUT_PREFIXES.reports}${period}/${packId}/)`);
  }
  if (version === undefined) return rendered[0]!;
  const found = rendered.find((m) => m.version === version);
  if (!found) {
    const list = rendered.map((m) => `${m.version} (rendered ${m.generatedAt})`).join(', ');
    throw new ApprovalError(
      `version '${version}' of pack '${packId}' was never rendered for ${period} (no ${manifestKey(period, packId, version)}); rendered versions, newest first: ${list}`,
    );
  }
  return found;
}

export interface ApprovalOutcome {
  manifest: Manifest;
  key: string;
  /** Whether the approved version is the newest rendered one (an older one is approved on purpose). */
  latest: boolean;
  /** What was written, or what was already there (an approval is not rewritten). */
  record: ApprovalRecord | null;
  alreadyApproved: boolean;
}

/**
 * Approves a rendered version. An existing approval is left as it is (the first approver is kept),
 * so running the command twice is harmless.
 */
export async function approveVersion(
  repos: Pick<Repositories, 'manifests' | 'approvals'>,
  req: { period: string; packId: string; version?: string; approvedBy: string; at: Date },
): Promise<ApprovalOutcome> {
  const rendered = await repos.manifests.ofPack(req.period, req.packId);
  const manifest = chooseVersion(rendered, req.period, req.packId, req.version);
  const key = approvalKey(req.period, req.packId, manifest.version);
  const latest = manifest.version === rendered[0]!.version;
  const existing = await repos.approvals.get(req.period, req.packId, manifest.version);
  if (existing.found) return { manifest, key, latest, record: existing.record, alreadyApproved: true };
  const record: ApprovalRecord = { approvedBy: req.approvedBy, at: req.at.toISOString() };
  await repos.approvals.put(req.period, req.packId, manifest.version, record);
  return { manifest, key, latest, record, alreadyApproved: false };
}
