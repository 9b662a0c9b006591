/**
 * The mailer over SES v1 SendRawEmail. SES has no idempotency token, so the SDK's own retries are
 * off (maxAttempts: 1): a retry after a timeout could deliver twice. We retry, with backoff, only
 * when SES definitely did not accept the message (it answered with a throttling or service-busy
 * error, or the connection was refused before any byte was sent). Anything else without an
 * answer — timeout, reset, a dropped socket — is an unknown outcome and is returned as such.
 */
import { SESClient, SendRawEmailCommand, type SESClientConfig } from '@aws-sdk/client-ses';
import type { Mailer, SendOutcome } from '../core/pipeline/ports.ts';
import { traced } from './tracing.ts';

export function sesClientFor(endpoint?: string, extra: Partial<SESClientConfig> = {}): SESClient {
  return traced(
    new SESClient({
      ...(endpoint ? { endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
      ...extra,
      maxAttempts: 1,
    }),
  );
}

const RETRYABLE_CODES = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'ServiceUnavailable', 'RequestLimitExceeded']);
/** Failures to connect at all: nothing reached SES. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

interface ErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export type Classified = { kind: 'retry' | 'rejected' | 'unknown'; code: string; message: string };

/** Whether SES definitely refused the message (retryable or not), or the outcome is unknown. */
export function classifySendError(e: unknown): Classified {
  const err = (e ?? {}) as ErrorShape;
  const code = err.code ?? err.name ?? 'Error';
  const message = err.message ?? String(e);
  const status = err.$metadata?.httpStatusCode;
  if (NOT_CONNECTED.has(err.code ?? '')) return { kind: 'retry', code, message };
  if (typeof status === 'number' && status >= 400) {
    if (RETRYABLE_CODES.has(err.name ?? '') || status === 429 || status === 503) return { kind: 'retry', code, message };
    return { kind: 'rejected', code, message };
  }
  return { kind: 'unknown', code, message };
}

export interface SesMailerOptions {
  source: string;
  configurationSet?: string;
  /** Attempts for definite, retryable rejections. */
  maxAttempts?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class SesMailer implements Mailer {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly ses: SESClient,
    private readonly opts: SesMailerOptions,
  ) {
    this.maxAttempts = opts.maxAttempts ?? 5;
    this.baseDelayMs = opts.baseDelayMs ?? 200;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async sendRaw(raw: Uint8Array, destinations: string[]): Promise<SendOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await this.ses.send(
          new SendRawEmailCommand({
            Source: this.opts.source,
            Destinations: destinations,
            RawMessage: { Data: raw },
            ConfigurationSetName: this.opts.configurationSet,
          }),
        );
        if (!r.MessageId) return { status: 'unknown', code: 'NoMessageId', message: 'SES answered without a MessageId', attempts: attempt };
        return { status: 'sent', messageId: r.MessageId, attempts: attempt };
      } catch (e) {
        const c = classifySendError(e);
        if (c.kind === 'unknown') return { status: 'unknown', code: c.code, message: c.message, attempts: attempt };
        if (c.kind === 'rejected' || attempt >= this.maxAttempts) {
          return { status: 'rejected', code: c.code, message: c.message, attempts: attempt };
        }
        // Full jitter: spreads a burst of sends that were throttled together.
        await this.sleep(Math.random() * this.baseDelayMs * 2 ** (attempt - 1));
      }
    }
  }
}
