/**
 * Where everything lives in the one data bucket. Infra (notifications, grants, lifecycle) and the
 * handlers both read this table, so the prefixes cannot drift apart. No output prefix is nested
 * under an input prefix, or a stage would trigger itself.
 */
import { KINDS, UPLOAD_KINDS, type UploadKind } from './uploads/kinds/index.ts';

/** Officers' uploads, by kind (extract-spec.md): each kind's `prefix` in the registry. */
export const UPLOAD_PREFIXES = Object.fromEntries(UPLOAD_KINDS.map((kind) => [kind, KINDS[kind].prefix])) as Record<UploadKind, string>;

/** Stage outputs. Each is written by exactly one stage. */
export const OUTPUT_PREFIXES = {
  /** ingest: one validation record per upload (accepted or rejected), keyed by the upload's key. */
  validation: 'validation/',
  /** ingest: the rejection report (errors CSV) for a rejected upload. */
  rejections: 'rejections/',
  /** ingest: `measures/<period>.json`, the measures document; triggers render. */
  measures: 'measures/',
  /** render: `reports/<period>/<pack>/<version>.pdf` plus its manifest `.json`; the manifest triggers distribute. */
  reports: 'reports/',
  /** officers: `approvals/<period>/<pack>/<version>.json` approves a version for the board. */
  approvals: 'approvals/',
  /** deployment configuration: `config/recipients.json`. */
  config: 'config/',
  /** every stage: run history per upload. */
  runs: 'runs/',
} as const;

/** The upload kind a key belongs to, or undefined when the key is not an upload. */
export function uploadKindOfKey(key: string): UploadKind | undefined {
  for (const [kind, prefix] of Object.entries(UPLOAD_PREFIXES) as [UploadKind, string][]) {
    if (key.startsWith(prefix) && key.length > prefix.length) return kind;
  }
  return undefined;
}
