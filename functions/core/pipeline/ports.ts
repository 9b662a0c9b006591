/**
 * The small interfaces the pipeline needs from the outside world. Core defines them; the AWS
 * adapters (functions/adapters) implement them, so core never imports an SDK.
 */

export interface StoredObject {
  key: string;
  size: number;
  lastModified: Date;
}

/**
 * One version of an object. `versionId` is S3's VersionId in a versioned bucket, null where the
 * store keeps no versions (then a key has exactly one version: the current object).
 */
export interface ObjectVersion extends StoredObject {
  versionId: string | null;
}

export interface ObjectStore {
  /** Streams the body of the current object, or of one version; null when there is no such object (or version). */
  getStream(key: string, versionId?: string | null): Promise<(ObjectVersion & { body: AsyncIterable<Uint8Array> }) | null>;
  getBytes(key: string, versionId?: string | null): Promise<Uint8Array | null>;
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** Puts a body streamed from elsewhere (a temporary file) whose size is known. */
  putStream(key: string, body: AsyncIterable<Uint8Array>, bytes: number, contentType: string): Promise<void>;
  head(key: string): Promise<StoredObject | null>;
  /** Every object under a prefix (all pages). */
  list(prefix: string): Promise<StoredObject[]>;
  /**
   * Every version of every object under a prefix that has not been deleted (a key whose latest
   * version is a delete marker has none). Without versioning: the current objects, versionId null.
   */
  listVersions(prefix: string): Promise<ObjectVersion[]>;
  /** A time-limited GET link to an object. */
  presignGet(key: string, expiresInSeconds: number): Promise<string>;
}

/** What became of one send. `unknown` means SES may or may not have accepted it. */
export type SendOutcome =
  | { status: 'sent'; messageId: string; attempts: number }
  | { status: 'rejected'; code: string; message: string; attempts: number }
  | { status: 'unknown'; code: string; message: string; attempts: number };

export interface Mailer {
  /** Sends raw MIME to the given envelope recipients, never retrying after an unknown outcome. */
  sendRaw(raw: Uint8Array, destinations: string[]): Promise<SendOutcome>;
}

/** `suppressed`: not sent because the address is on the suppression list (a definite non-send). */
export type LedgerStatus = 'pending' | 'sent' | 'failed' | 'suppressed';

export interface LedgerRecord {
  key: string;
  status: LedgerStatus;
  recipient: string;
  purpose: string;
  messageId: string | null;
  detail: string | null;
  updatedAt: string;
}

export interface SendLedger {
  /**
   * Atomically records `pending` for a key that has no record, or that only has `failed` or
   * `suppressed` (definitely not sent, so a new attempt cannot duplicate). Returns the existing
   * record otherwise.
   */
  claim(rec: { key: string; recipient: string; purpose: string; at: Date }): Promise<{ claimed: true } | { claimed: false; existing: LedgerRecord }>;
  markSent(key: string, messageId: string, at: Date): Promise<void>;
  markFailed(key: string, detail: string, at: Date): Promise<void>;
  /** Not sent: the recipient is on the suppression list (`detail` says why). */
  markSuppressed(key: string, detail: string, at: Date): Promise<void>;
  /** Leaves the record `pending`, noting why the outcome is unknown. */
  markUnknown(key: string, detail: string, at: Date): Promise<void>;
  get(key: string): Promise<LedgerRecord | null>;
  /** Every record whose key starts with `prefix`. */
  list(prefix: string): Promise<LedgerRecord[]>;
}

/** Why an address may no longer be emailed (SES told us: a permanent bounce or a complaint). */
export interface SuppressionEntry {
  /** Lower-cased address. */
  address: string;
  reason: 'permanent-bounce' | 'complaint';
  /** For people: the bounce type and diagnostic, or the complaint's feedback type. */
  detail: string;
  /** When the bounce or complaint happened (SES's timestamp). */
  at: string;
  /** SES's feedback id and the MessageId of the email that bounced, to trace it in SES. */
  feedbackId: string;
  sesMessageId: string;
}

export interface SuppressionList {
  /** Adds the address unless it is already listed (the first reason is kept). True when added. */
  add(entry: SuppressionEntry): Promise<boolean>;
  /** The entry for an address (any case), or null when it may be emailed. */
  find(address: string): Promise<SuppressionEntry | null>;
}

export interface Clock {
  now(): Date;
}

/** What the pipeline counts, as CloudWatch metrics (each a count of one kind of event). */
export type PipelineMetric = 'UploadsAccepted' | 'UploadsRejected' | 'PacksRendered' | 'EmailsSent' | 'EmailsFailed';

export interface Metrics {
  count(metric: PipelineMetric, n?: number): void;
}

/** For runs that publish no metrics (the command line, most tests). */
export const noMetrics: Metrics = { count: () => undefined };
