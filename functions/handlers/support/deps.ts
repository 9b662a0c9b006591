/**
 * What every handler needs, built once per cold start (functions/handlers/lambda/) from the validated environment. Handlers
 * take a `PipelineDeps` so tests and the local runner can hand them real clients pointed at local
 * servers (or a clock frozen on a distribution day) without touching the environment.
 */
import path from 'node:path';
import { readConfig, type Config } from '../../adapters/config.ts';
import { S3ObjectStore, s3ClientFor } from '../../adapters/object-store.ts';
import { SesMailer, sesClientFor } from '../../adapters/mailer.ts';
import { DynamoSendLedger, dynamoClientFor } from '../../adapters/ledger.ts';
import { DynamoSuppressionList } from '../../adapters/suppression-list.ts';
import { systemClock } from '../../adapters/clock.ts';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Clock, Mailer, ObjectStore, SendLedger, SuppressionList } from '../../core/pipeline/ports.ts';

export interface PipelineDeps {
  store: ObjectStore;
  mailer: Mailer;
  ledger: SendLedger;
  /** Addresses SES reported as bouncing permanently or complaining: every send skips them. */
  suppressions: SuppressionList;
  clock: Clock;
  /** From address of every email. */
  sender: string;
  /** The data bucket's name, for the approve command a preview prints. */
  bucketName?: string;
  /** Display name beside the From address (deployment configuration). */
  senderName?: string;
  /** Where readers send questions: on the pack's cover and in every email (deployment configuration). */
  contact?: string;
  /** Folder holding packs/*.json and bank-holidays.json. */
  templatesDir: string;
  /** Object key of the distribution lists (default config/recipients.json). */
  recipientsKey?: string;
  /** Roboto fonts folder, read by adapters/fonts.ts for the renderer (the Lambda bundle ships them beside the handler). */
  fontsDir?: string;
  /** The SES raw-message budget (default: 10 MB less a margin, mail/size.ts); lower only in tests. */
  mailLimitBytes?: number;
  /** Uploads above this size are refused before parsing (default MAX_UPLOAD_BYTES of key-safety.ts). */
  maxUploadBytes?: number;
  /** Called after SES accepted an email (the local runner saves the raw bytes as .eml). */
  onSent?: (r: { recipient: string; messageId: string; raw: Uint8Array; ledgerKey: string }) => Promise<void>;
  log?: (line: string) => void;
}

export function depsFromConfig(config: Config): PipelineDeps {
  const logger = new Logger();
  const db = dynamoClientFor(config.DYNAMODB_ENDPOINT);
  return {
    log: (line) => logger.info(line),
    store: new S3ObjectStore(s3ClientFor(config.S3_ENDPOINT), config.BUCKET, { versioned: true }),
    mailer: new SesMailer(sesClientFor(config.SES_ENDPOINT), { source: config.SENDER, configurationSet: config.SES_CONFIGURATION_SET }),
    ledger: new DynamoSendLedger(db, config.LEDGER_TABLE),
    suppressions: new DynamoSuppressionList(db, config.LEDGER_TABLE),
    clock: systemClock,
    sender: config.SENDER,
    bucketName: config.BUCKET,
    senderName: config.SENDER_NAME,
    contact: config.REPORT_CONTACT,
    templatesDir: config.TEMPLATES_DIR,
    recipientsKey: config.RECIPIENTS_KEY,
    fontsDir: config.FONTS_DIR,
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
  };
}

export const packsDir = (deps: Pick<PipelineDeps, 'templatesDir'>) => path.join(deps.templatesDir, 'packs');
