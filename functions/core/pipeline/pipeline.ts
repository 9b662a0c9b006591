/**
 * What every use case of the pipeline runs over: the ports (store, mail, ledger, clock), the typed
 * repositories, the officers' templates and the deployment's settings. The handlers get one from
 * functions/adapters/pipeline.ts and pass it to a use case; tests and the local runner build theirs
 * over local servers. Nothing here reaches the outside world by itself.
 */
import type { FontSet } from '../cards/fonts.ts';
import type { PackTemplate } from '../cards/pack-template.ts';
import type { UploadIssue } from '../uploads/parsed.ts';
import type { DeliverDeps } from './deliver.ts';
import type { Clock, Metrics, ObjectStore } from './ports.ts';
import type { Repositories } from './repositories.ts';
import type { DistributionTime } from './send-window.ts';

/** The officers' templates: committee packs and the bank holidays the working days skip. */
export interface Templates {
  packs(): Promise<PackTemplate[]>;
  bankHolidays(): Promise<Set<string>>;
}

/** The pack template with this id, or undefined when officers have removed it. */
export async function packById(templates: Templates, id: string): Promise<PackTemplate | undefined> {
  return (await templates.packs()).find((p) => p.id === id);
}

/**
 * The complete errors CSV of a rejected upload, built as errors are found (so millions of errors
 * cost disk, not memory) and then put in the bucket.
 */
export interface ErrorsFile {
  add(issue: UploadIssue): void;
  /** Puts the file under `key`; returns its size in bytes. */
  putTo(store: ObjectStore, key: string): Promise<number>;
  /** Errors left out once the file reached its size limit. */
  readonly omitted: number;
  dispose(): void;
}

export interface PipelineSettings {
  /** From address of every email. */
  sender: string;
  /** Display name beside the From address (deployment configuration). */
  senderName?: string;
  /** Where readers send questions: on the pack's cover and in every email. */
  contact?: string;
  /** When the working-day schedule fires (deployment configuration), so a preview can say the time to approve by. */
  distributionTime?: DistributionTime;
  /** The data bucket's name, for the approve command a preview prints. */
  bucketName?: string;
  /** Object key of the distribution lists (default config/recipients.json). */
  recipientsKey?: string;
  /** The SES raw-message budget (default: 10 MB less a margin, mail/size.ts); lower only in tests. */
  mailLimitBytes?: number;
  /** Uploads above this size are refused before parsing (default MAX_UPLOAD_BYTES of key-safety.ts). */
  maxUploadBytes?: number;
  log?: (line: string) => void;
}

export interface Pipeline extends PipelineSettings, DeliverDeps, Repositories {
  store: ObjectStore;
  clock: Clock;
  metrics: Metrics;
  templates: Templates;
  /** The Roboto fonts the renderer embeds. */
  fonts(): FontSet;
  /** A new complete-errors file writing one CSV line per error. */
  errorsFile(line: (issue: UploadIssue) => string): ErrorsFile;
}
