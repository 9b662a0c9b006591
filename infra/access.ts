/**
 * What each function may touch, by bucket prefix (functions/core/bucket-layout.ts) — the single
 * table the stateless stack turns into IAM statements and S3 notifications. Each prefix is written
 * by exactly one stage (plus `runs/`, which every stage appends to). Writes follow the stage
 * outputs bucket-layout.ts assigns; reads are what functions/handlers read today, nothing more: a
 * handler that starts reading another prefix gets AccessDenied in AWS until its row here grows.
 * The same holds for the ledger key families a function writes and the lists it mails: a handler
 * that starts sending something new needs its row here to grow, or AWS refuses the write or send.
 */
import { OUTPUT_PREFIXES as OUT, UPLOAD_PREFIXES } from '../functions/core/bucket-layout.ts';
import type { LedgerKeyFamily } from '../functions/core/pipeline/ledger-keys.ts';
import { REJECTION_LIST } from '../functions/core/pipeline/recipients.ts';

export type FunctionName = 'ingest' | 'render' | 'distribute' | 'schedule';

export interface FunctionAccess {
  /** Prefixes whose objects the function may read (GetObject, HeadObject). */
  readonly read: readonly string[];
  /** Prefixes whose older object versions the function lists and reads (the bucket is versioned). */
  readonly readVersions?: readonly string[];
  /** Prefixes the function may write (PutObject). */
  readonly write: readonly string[];
  /**
   * The ledger key families (functions/core/pipeline/ledger-keys.ts) the function may write; it
   * may read the whole table (every send checks the suppression list). Empty: no ledger at all.
   */
  readonly ledger: readonly LedgerKeyFamily[];
  /** Whom the function mails through SES (as the configured identity). Empty: no SES at all. */
  readonly mailTo: readonly MailAudience[];
}

/**
 * A list named here, or the lists every pack template names in one of its distribution fields.
 * infra/packs.ts turns these into the addresses of cdk.json's lists for the `ses:Recipients` condition.
 */
export type MailAudience = { readonly list: string } | { readonly packField: 'lists' | 'previewList' | 'ownersList' };

const uploads = Object.values(UPLOAD_PREFIXES);

export const ACCESS: Record<FunctionName, FunctionAccess> = {
  // Validates the upload, writes its validation record (and rejection CSV), then recomputes the
  // period's measures from the newest valid file of each kind, merging the history carried in the
  // previous measures document.
  ingest: {
    read: [...uploads, OUT.validation, OUT.measures, OUT.config],
    // Every version of an upload is judged and counted on its own: a rejected re-upload under an
    // accepted file's key leaves the accepted version in use.
    readVersions: uploads,
    write: [OUT.validation, OUT.rejections, OUT.measures, OUT.runs],
    // The rejection email to the performance team is a send like any other; the packs' owners
    // are told when it does not arrive.
    ledger: ['rejection', 'rejectionNotice'],
    mailTo: [{ list: REJECTION_LIST }, { packField: 'ownersList' }],
  },
  // Renders each ready pack from the measures document; skips a version already rendered.
  render: {
    read: [OUT.measures, OUT.reports],
    write: [OUT.reports, OUT.runs],
    ledger: [],
    mailTo: [],
  },
  // Sends a new version as a preview (the board's approved version goes out from schedule).
  distribute: {
    read: [OUT.reports, OUT.config],
    write: [OUT.runs],
    // Owners are told about a preview that did not go; the preview list too when an owner is suppressed.
    ledger: ['previewSend', 'previewNotice'],
    mailTo: [{ packField: 'previewList' }, { packField: 'ownersList' }],
  },
  // Working-day mornings: distribution day sends, approval reminders, missing-extract reminders.
  schedule: {
    read: [OUT.reports, OUT.approvals, OUT.config, OUT.validation],
    write: [OUT.runs],
    ledger: ['boardSend', 'boardNotice', 'reminder', 'reminderNotice'],
    mailTo: [{ packField: 'lists' }, { packField: 'ownersList' }, { packField: 'previewList' }],
  },
};

/** Which uploads trigger which function (S3 ObjectCreated), and with which key suffix. */
export const TRIGGERS: { fn: FunctionName; prefix: string; suffix?: string }[] = [
  ...uploads.map((prefix) => ({ fn: 'ingest' as const, prefix })),
  { fn: 'render', prefix: OUT.measures, suffix: '.json' },
  // reports/<period>/<pack>/<version>.json is the manifest, written after the PDF.
  { fn: 'distribute', prefix: OUT.reports, suffix: '.json' },
];
