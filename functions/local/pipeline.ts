/**
 * The whole pipeline on local servers: real SDK clients, real handlers, S3 events wired as AWS
 * wires them. `npm start` and the end-to-end tests both build on this, so the tests exercise
 * exactly what a developer runs. Options let a test inject faults at the SES client (a request
 * handler) or freeze the clock; nothing here replaces a handler or an adapter. Each stage gets the
 * ledger and mailer its IAM role allows (iam-guard.ts), so a grant too narrow fails here first.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutBucketVersioningCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import { S3ObjectStore, s3ClientFor } from '../adapters/object-store.ts';
import { SesMailer, sesClientFor, type SesMailerOptions } from '../adapters/mailer.ts';
import { DynamoSendLedger, dynamoClientFor, ensureLedgerTable } from '../adapters/ledger.ts';
import { DynamoSuppressionList } from '../adapters/suppression-list.ts';
import { systemClock } from '../adapters/clock.ts';
import type { Clock } from '../core/pipeline/ports.ts';

/** The SES client's HTTP layer, as far as a fault-injecting wrapper needs it. */
export interface RequestHandlerLike {
  handle(request: any, options?: any): Promise<{ response: any }>;
}
import { RECIPIENTS_KEY, type Recipients } from '../core/pipeline/recipients.ts';
import { createIngest } from '../handlers/ingest.ts';
import { createRender } from '../handlers/render.ts';
import { createDistribute } from '../handlers/distribute.ts';
import { createSchedule } from '../handlers/schedule.ts';
import type { PipelineDeps } from '../adapters/pipeline.ts';
import { startLocalServers, type LocalServers } from './servers.ts';
import { EventBus } from './event-bus.ts';
import { loadNotificationRules } from './notifications.ts';
import { guardLedger, guardMailer } from './iam-guard.ts';
import type { FunctionName } from '../../infra/access.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LOCAL_BUCKET = 'report-cards-local';
export const LOCAL_TABLE = 'report-cards-send-ledger';
export const LOCAL_SENDER = 'report-cards@example.org';
export const LOCAL_SENDER_NAME = 'Adult Care Performance Team';
export const LOCAL_CONTACT = 'performance@example.org';
/** The schedule's time as cdk.json's default deploys it: cron(0 7 …) in Europe/London. */
export const LOCAL_DISTRIBUTION_TIME = { time: '07:00', timeZone: 'Europe/London' };

export const LOCAL_RECIPIENTS: Recipients = {
  lists: {
    board: ['chair@example.org', 'vice-chair@example.org', 'member.one@example.org'],
    clerks: ['clerk@example.org'],
    'performance-team': ['performance@example.org'],
    owners: ['head-of-performance@example.org'],
  },
};

export interface LocalPipelineOptions {
  /** Where s3rver keeps its files. */
  s3Dir: string;
  recipients?: Recipients;
  clock?: Clock;
  /** Wraps the SES client's HTTP handler, for fault injection in tests. */
  sesRequestHandler?: (real: RequestHandlerLike) => RequestHandlerLike;
  mailerOptions?: Partial<SesMailerOptions>;
  onSent?: PipelineDeps['onSent'];
  log?: (line: string) => void;
  templatesDir?: string;
}

export interface LocalPipeline {
  servers: LocalServers;
  s3: S3Client;
  ses: SESClient;
  store: S3ObjectStore;
  deps: PipelineDeps;
  bus: EventBus;
  rulesSource: string;
  /** The deps one stage's handler runs with: the ledger and mailer as its IAM role allows. */
  depsOf(stage: FunctionName): PipelineDeps;
  /** The schedule handler with its own clock (a frozen "distribution day"). */
  schedule(clock: Clock): Promise<Awaited<ReturnType<ReturnType<typeof createSchedule>>>>;
  close(): Promise<void>;
}

export async function startLocalPipeline(opts: LocalPipelineOptions): Promise<LocalPipeline> {
  const servers = await startLocalServers({ s3Dir: opts.s3Dir });
  try {
    const s3 = s3ClientFor(servers.s3Endpoint);
    let ses = sesClientFor(servers.sesEndpoint);
    if (opts.sesRequestHandler) {
      const real = ses.config.requestHandler as unknown as RequestHandlerLike;
      ses = sesClientFor(servers.sesEndpoint, { requestHandler: opts.sesRequestHandler(real) as never });
    }
    const db = dynamoClientFor(servers.dynamoEndpoint);
    await s3.send(new CreateBucketCommand({ Bucket: LOCAL_BUCKET }));
    // Versioned, like the data bucket in AWS: ingest reads the exact version an event names.
    await s3.send(new PutBucketVersioningCommand({ Bucket: LOCAL_BUCKET, VersioningConfiguration: { Status: 'Enabled' } }));
    await ensureLedgerTable(db, LOCAL_TABLE);
    const store = new S3ObjectStore(s3, LOCAL_BUCKET, { versioned: true });
    await store.put(RECIPIENTS_KEY, JSON.stringify(opts.recipients ?? LOCAL_RECIPIENTS, null, 2), 'application/json');
    const deps: PipelineDeps = {
      store,
      mailer: new SesMailer(ses, { source: LOCAL_SENDER, baseDelayMs: 5, ...opts.mailerOptions }),
      ledger: new DynamoSendLedger(db, LOCAL_TABLE),
      suppressions: new DynamoSuppressionList(db, LOCAL_TABLE),
      clock: opts.clock ?? systemClock,
      sender: LOCAL_SENDER,
      senderName: LOCAL_SENDER_NAME,
      bucketName: LOCAL_BUCKET,
      contact: LOCAL_CONTACT,
      distributionTime: LOCAL_DISTRIBUTION_TIME,
      templatesDir: opts.templatesDir ?? path.join(ROOT, 'templates'),
      onSent: opts.onSent,
      log: opts.log,
    };
    // Each stage with only what its IAM role allows (infra/access.ts), as in AWS. A live view of
    // `deps`, so a test that swaps an adapter in p.deps (fault injection) reaches every stage.
    const lists = (opts.recipients ?? LOCAL_RECIPIENTS).lists;
    const as = (stage: FunctionName, extra: Partial<PipelineDeps> = {}): PipelineDeps => {
      const guarded = new Map<unknown, unknown>();
      const guard = <T>(inner: T, make: (inner: T) => T): T => {
        if (!guarded.has(inner)) guarded.set(inner, make(inner));
        return guarded.get(inner) as T;
      };
      return new Proxy(deps, {
        get(target, prop, receiver) {
          if (prop in extra) return extra[prop as keyof PipelineDeps];
          if (prop === 'ledger') return guard(target.ledger, (l) => guardLedger(stage, l));
          if (prop === 'mailer') return guard(target.mailer, (m) => guardMailer(stage, m, lists, target.templatesDir));
          return Reflect.get(target, prop, receiver);
        },
      });
    };
    const { rules, source } = await loadNotificationRules(path.join(ROOT, 'cdk.out'));
    const bus = new EventBus(rules, { ingest: createIngest(as('ingest')), render: createRender(as('render')), distribute: createDistribute(as('distribute')) }, opts.log);
    servers.onS3Event((e) => bus.fromS3rver(e));
    return {
      servers,
      s3,
      ses,
      store,
      deps,
      bus,
      rulesSource: source,
      depsOf: as,
      schedule: (clock) => createSchedule(as('schedule', { clock }))({}),
      close: () => servers.close(),
    };
  } catch (e) {
    await servers.close();
    throw e;
  }
}
