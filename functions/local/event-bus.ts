/**
 * Delivers s3rver's object events to the stage handlers the way S3 would: only to the functions
 * whose prefix/suffix filter matches, with the key URL-encoded (`+` for spaces) and a well-formed
 * bucket ARN. Events are handled one at a time, in order, so `idle()` means "the pipeline is done".
 */
import { encodeS3Key } from '../core/pipeline/s3-event.ts';
import { matchingStages, type NotificationRule, type Stage } from './notifications.ts';

export type StageHandler = (event: unknown) => Promise<unknown>;

interface RawRecord {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer?: string; versionId?: string } };
  [k: string]: unknown;
}

/** An S3 event notification for one object, shaped as AWS sends it (key encoded). */
export function awsS3Event(bucket: string, key: string, size: number, eventName = 'ObjectCreated:Put', extra: { eTag?: string; sequencer?: string; versionId?: string } = {}) {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-west-2',
        eventTime: new Date().toISOString(),
        eventName,
        userIdentity: { principalId: 'AWS:LOCAL' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'LOCAL', 'x-amz-id-2': 'LOCAL' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'local',
          bucket: { name: bucket, ownerIdentity: { principalId: 'LOCAL' }, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeS3Key(key), size, ...extra },
        },
      },
    ],
  };
}

export interface Delivered {
  stage: Stage;
  key: string;
  error: Error | null;
}

export class EventBus {
  private chain: Promise<void> = Promise.resolve();
  readonly delivered: Delivered[] = [];
  paused = false;

  constructor(
    private readonly rules: NotificationRule[],
    private readonly handlers: Record<Stage, StageHandler>,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Feed one raw s3rver event (keys there are not encoded). */
  fromS3rver(raw: unknown): void {
    for (const r of ((raw as { Records?: RawRecord[] }).Records ?? [])) {
      if (!r.eventName.startsWith('ObjectCreated')) continue;
      const { key, size, eTag, sequencer, versionId } = r.s3.object;
      this.deliver(awsS3Event(r.s3.bucket.name, key, size ?? 0, r.eventName, { eTag, sequencer, ...(versionId ? { versionId } : {}) }), key);
    }
  }

  /** Queue one AWS-shaped event for every stage whose filter matches `key` (also used to redeliver). */
  deliver(event: unknown, key: string): void {
    if (this.paused) return;
    for (const stage of matchingStages(this.rules, key)) {
      this.chain = this.chain.then(async () => {
        try {
          await this.handlers[stage](event);
          this.delivered.push({ stage, key, error: null });
        } catch (e) {
          this.delivered.push({ stage, key, error: e as Error });
          this.log(`${stage} failed on ${key}: ${(e as Error).stack ?? e}`);
        }
      });
    }
  }

  /** Resolves once every queued event, and every event those caused, has been handled. */
  async idle(): Promise<void> {
    for (;;) {
      const current = this.chain;
      await current;
      // Let s3rver emit events for writes the last handler made before deciding we are done.
      await new Promise((r) => setTimeout(r, 20));
      if (current === this.chain) return;
    }
  }

  errors(): Delivered[] {
    return this.delivered.filter((d) => d.error);
  }
}
