/**
 * What every handler needs, built once per cold start (functions/handlers/lambda/) from the
 * validated environment. Handlers take a `PipelineDeps` so tests and the local runner can hand them
 * real clients pointed at local servers (or a clock frozen on a distribution day) without touching
 * the environment; `pipelineOf` adds what the use cases read through (repositories over the store,
 * the templates and fonts on disk, the temporary errors file).
 */
import path from 'node:path';
import type { Config } from './config.ts';
import { S3ObjectStore, s3ClientFor } from './object-store.ts';
import { SesMailer, sesClientFor } from './mailer.ts';
import { DynamoSendLedger, dynamoClientFor } from './ledger.ts';
import { DynamoSuppressionList } from './suppression-list.ts';
import { systemClock } from './clock.ts';
import { loadPackTemplates } from './pack-templates.ts';
import { loadBankHolidays } from './bank-holidays.ts';
import { loadFonts } from './fonts.ts';
import { ErrorsCsvFile } from './errors-csv-file.ts';
import { repositoriesOf } from './repositories.ts';
import { PowertoolsMetrics } from './metrics.ts';
import { Logger } from '@aws-lambda-powertools/logger';
import type { FontSet } from '../core/cards/fonts.ts';
import type { Pipeline, PipelineSettings } from '../core/pipeline/pipeline.ts';
import { noMetrics, type Clock, type Mailer, type Metrics, type ObjectStore, type SendLedger, type SuppressionList } from '../core/pipeline/ports.ts';

export interface PipelineDeps extends PipelineSettings {
  store: ObjectStore;
  mailer: Mailer;
  ledger: SendLedger;
  /** Addresses SES reported as bouncing permanently or complaining: every send skips them. */
  suppressions: SuppressionList;
  clock: Clock;
  /** Folder holding packs/*.json and bank-holidays.json. */
  templatesDir: string;
  /** Roboto fonts folder, read by adapters/fonts.ts for the renderer (the Lambda bundle ships them beside the handler). */
  fontsDir?: string;
  /** Where the pipeline's counts go (none when not given). */
  metrics?: Metrics;
  /** Called after SES accepted an email (the local runner saves the raw bytes as .eml). */
  onSent?: (r: { recipient: string; messageId: string; raw: Uint8Array; ledgerKey: string }) => Promise<void>;
}

export function depsFromConfig(config: Config): PipelineDeps & { metrics: PowertoolsMetrics } {
  const logger = new Logger();
  const db = dynamoClientFor(config.DYNAMODB_ENDPOINT);
  return {
    log: (line) => logger.info(line),
    store: new S3ObjectStore(s3ClientFor(config.S3_ENDPOINT), config.BUCKET, { versioned: true }),
    mailer: new SesMailer(sesClientFor(config.SES_ENDPOINT), { source: config.SENDER, configurationSet: config.SES_CONFIGURATION_SET }),
    ledger: new DynamoSendLedger(db, config.LEDGER_TABLE),
    suppressions: new DynamoSuppressionList(db, config.LEDGER_TABLE),
    clock: systemClock,
    metrics: new PowertoolsMetrics(config.METRICS_NAMESPACE),
    sender: config.SENDER,
    bucketName: config.BUCKET,
    senderName: config.SENDER_NAME,
    contact: config.REPORT_CONTACT,
    distributionTime: config.DISTRIBUTION_TIME ? { time: config.DISTRIBUTION_TIME, timeZone: config.DISTRIBUTION_TIMEZONE } : undefined,
    templatesDir: config.TEMPLATES_DIR,
    recipientsKey: config.RECIPIENTS_KEY,
    fontsDir: config.FONTS_DIR,
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
  };
}

export const packsDir = (deps: Pick<PipelineDeps, 'templatesDir'>) => path.join(deps.templatesDir, 'packs');

/** Fonts read once per folder and process (a warm Lambda renders many packs). */
const fontSets = new Map<string | undefined, FontSet>();

/**
 * The use cases' view of the deps, made for each event by the handlers: a view taken once would
 * keep the store of its creation, and the reliability tests swap `deps.store` for a faulty one
 * between events (in Lambda the deps never change, and a view costs nothing to make). Templates
 * are read on each call (officers may change them between events).
 */
export function pipelineOf(deps: PipelineDeps): Pipeline {
  return {
    ...deps,
    metrics: deps.metrics ?? noMetrics,
    ...repositoriesOf(deps.store),
    templates: { packs: () => loadPackTemplates(packsDir(deps)), bankHolidays: () => loadBankHolidays(deps.templatesDir) },
    fonts: () => {
      if (!fontSets.has(deps.fontsDir)) fontSets.set(deps.fontsDir, loadFonts(deps.fontsDir));
      return fontSets.get(deps.fontsDir)!;
    },
    errorsFile: (line) => new ErrorsCsvFile(line),
  };
}
