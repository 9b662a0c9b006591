/**
 * What each function may touch, by bucket prefix (functions/core/bucket-layout.ts) — the single
 * table the stateless stack turns into IAM statements and S3 notifications. Each prefix is written
 * by exactly one stage (plus `runs/`, which every stage appends to). Writes follow the stage
 * outputs bucket-layout.ts assigns; reads are what functions/handlers read today, nothing more: a
 * handler that starts reading another prefix gets AccessDenied in AWS until its row here grows.
 */
import { OUTPUT_PREFIXES as OUT, UPLOAD_PREFIXES } from '../functions/core/bucket-layout.ts';

export type FunctionName = 'ingest' | 'render' | 'distribute' | 'schedule';

export interface FunctionAccess {
  /** Prefixes whose objects the function may read (GetObject, HeadObject). */
  readonly read: readonly string[];
  /** Prefixes the function may write (PutObject). */
  readonly write: readonly string[];
  /** Reads and writes the send ledger. */
  readonly ledger: boolean;
  /** Sends mail through SES as the configured identity. */
  readonly sendMail: boolean;
}

const uploads = Object.values(UPLOAD_PREFIXES);

export const ACCESS: Record<FunctionName, FunctionAccess> = {
  // Validates the upload, writes its validation record (and rejection CSV), then recomputes the
  // period's measures from the newest valid file of each kind, merging the history carried in the
  // previous measures document.
  ingest: {
    read: [...uploads, OUT.validation, OUT.measures, OUT.config],
    write: [OUT.validation, OUT.rejections, OUT.measures, OUT.runs],
    ledger: true, // the rejection email to performance-team is a send like any other
    sendMail: true,
  },
  // Renders each ready pack from the measures document; skips a version already rendered.
  render: {
    read: [OUT.measures, OUT.reports],
    write: [OUT.reports, OUT.runs],
    ledger: false,
    sendMail: false,
  },
  // Sends a new version as a preview (the board's approved version goes out from schedule).
  distribute: {
    read: [OUT.reports, OUT.config],
    write: [OUT.runs],
    ledger: true,
    sendMail: true,
  },
  // Working-day mornings: distribution day sends, approval reminders, missing-extract reminders.
  schedule: {
    read: [OUT.reports, OUT.approvals, OUT.config, OUT.validation],
    write: [OUT.runs],
    ledger: true,
    sendMail: true,
  },
};

/** Which uploads trigger which function (S3 ObjectCreated), and with which key suffix. */
export const TRIGGERS: { fn: FunctionName; prefix: string; suffix?: string }[] = [
  ...uploads.map((prefix) => ({ fn: 'ingest' as const, prefix })),
  { fn: 'render', prefix: OUT.measures, suffix: '.json' },
  // reports/<period>/<pack>/<version>.json is the manifest, written after the PDF.
  { fn: 'distribute', prefix: OUT.reports, suffix: '.json' },
];
