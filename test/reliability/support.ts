/**
 * Shared steps for the reliability suite. Faults are injected at the HTTP layer of a real SDK
 * client (its request handler), never by replacing a handler or an adapter: s3rver and dynalite
 * cannot fail on demand, so a wrapper around the S3 / DynamoDB client the handlers use answers
 * with an error, delays, or cuts a response body short. The test's own client (`p.store`) is
 * never faulted.
 */
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { S3ObjectStore, s3ClientFor } from '../../functions/adapters/object-store.ts';
import { DynamoSendLedger, dynamoClientFor } from '../../functions/adapters/ledger.ts';
import { LOCAL_BUCKET, LOCAL_TABLE, type RequestHandlerLike } from '../../functions/local/pipeline.ts';
import { awsS3Event } from '../../functions/local/event-bus.ts';
import { runRecordSchema, type RunRecord } from '../../functions/core/pipeline/runs.ts';
import { writeSample } from '../../functions/adapters/sample-files.ts';
import type { localPipeline } from '../support/local.ts';

export type P = Awaited<ReturnType<typeof localPipeline>>;

export const PERIOD = '2021-11';

/** A small seeded sample (fewer people than the e2e one: the suite runs many pipelines). */
export async function tinySample(seed = 11): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-rel-'));
  await writeSample(dir, { seed, people: 300, end: PERIOD, months: 24 });
  return dir;
}

// ---------------------------------------------------------------- S3 faults

export type S3Fault =
  | { kind: 'status'; status: number; code: string }
  | { kind: 'delay'; ms: number }
  /** The response starts, then the connection resets after `afterBytes` of the body. */
  | { kind: 'cutBody'; afterBytes: number };

export interface S3Call {
  method: string;
  key: string;
  fault: S3Fault | null;
}

function s3KeyOf(request: { path?: string; query?: Record<string, unknown> }): string {
  const p = decodeURIComponent(request.path ?? '');
  const key = p.startsWith(`/${LOCAL_BUCKET}/`) ? p.slice(LOCAL_BUCKET.length + 2) : '';
  return key || `?prefix=${String(request.query?.prefix ?? '')}`;
}

function s3Error(status: number, code: string) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>injected ${code}</Message><RequestId>injected</RequestId></Error>`;
  return { statusCode: status, reason: code, headers: { 'content-type': 'application/xml' }, body: Readable.from([Buffer.from(xml)]) };
}

function cutBody(src: Readable, afterBytes: number): Readable {
  let seen = 0;
  let done = false;
  const out = new Readable({ read() {} });
  src.on('data', (chunk: Buffer) => {
    if (done) return;
    if (seen + chunk.length < afterBytes) {
      seen += chunk.length;
      out.push(chunk);
      return;
    }
    done = true;
    out.push(chunk.subarray(0, afterBytes - seen));
    src.destroy();
    setImmediate(() => out.destroy(Object.assign(new Error('socket hang up (injected connection reset)'), { code: 'ECONNRESET' })));
  });
  src.on('end', () => !done && out.push(null));
  src.on('error', (e) => !done && out.destroy(e));
  return out;
}

/**
 * Points the handlers' object store at a faulty S3 client. `decide` sees each request (after the
 * SDK's own retries are counted: every attempt is a call) and returns the fault for it, or null.
 */
export function faultyS3(p: P, decide: (method: string, key: string) => S3Fault | null): S3Call[] {
  const calls: S3Call[] = [];
  const real = s3ClientFor(p.servers.s3Endpoint).config.requestHandler as unknown as RequestHandlerLike;
  const wrapped: RequestHandlerLike = {
    async handle(request, options) {
      const method = String(request.method);
      const key = s3KeyOf(request);
      const fault = decide(method, key);
      calls.push({ method, key, fault });
      if (!fault) return real.handle(request, options);
      if (fault.kind === 'status') return { response: s3Error(fault.status, fault.code) };
      if (fault.kind === 'delay') {
        await new Promise((r) => setTimeout(r, fault.ms));
        return real.handle(request, options);
      }
      const r = await real.handle(request, options);
      r.response.body = cutBody(r.response.body as Readable, fault.afterBytes);
      return r;
    },
  };
  p.deps.store = new S3ObjectStore(s3ClientFor(p.servers.s3Endpoint, { requestHandler: wrapped as never }), LOCAL_BUCKET, { versioned: true });
  return calls;
}

/**
 * The ledger's DynamoDB client, wrapped: `hook` sees each request twice, `before` it is sent and
 * `after` the real answer came back, and may throw (a process dying at that point).
 */
export function faultyLedger(p: P, hook: (phase: 'before' | 'after', target: string, body: string) => void): void {
  const real = dynamoClientFor(p.servers.dynamoEndpoint).config.requestHandler as unknown as RequestHandlerLike;
  const wrapped: RequestHandlerLike = {
    async handle(request, options) {
      const headers = (request.headers ?? {}) as Record<string, string>;
      const target = Object.entries(headers).find(([k]) => k.toLowerCase() === 'x-amz-target')?.[1] ?? '';
      const body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array);
      hook('before', target, body);
      const r = await real.handle(request, options);
      hook('after', target, body);
      return r;
    },
  };
  p.deps.ledger = new DynamoSendLedger(dynamoClientFor(p.servers.dynamoEndpoint, { requestHandler: wrapped as never }), LOCAL_TABLE);
}

// ---------------------------------------------------------------- what SES accepted

export interface StoredEmail {
  to: string;
  subject: string;
  /** Same recipient, subject, text and attachments = the same email. */
  identity: string;
}

/** Every email the local SES server accepted (including ones whose answer the client never saw). */
export async function sesAccepted(p: P): Promise<StoredEmail[]> {
  const r = (await (await fetch(`${p.servers.sesEndpoint}/store`)).json()) as {
    emails: { destination: { to: string[] }; subject: string; body: { text?: string }; attachments: { content: string }[] }[];
  };
  return r.emails.flatMap((e) =>
    e.destination.to.map((to) => {
      const att = createHash('sha256')
        .update([e.body.text ?? '', ...e.attachments.map((a) => a.content)].join('|'))
        .digest('hex');
      return { to, subject: e.subject, identity: `${to}\n${e.subject}\n${att}` };
    }),
  );
}

/** Emails SES accepted more than once (same recipient, subject and attachments). */
export function duplicates(mail: StoredEmail[]): string[] {
  const n = new Map<string, number>();
  for (const m of mail) n.set(m.identity, (n.get(m.identity) ?? 0) + 1);
  return [...n].filter(([, c]) => c > 1).map(([id, c]) => `${c}x ${id.split('\n').slice(0, 2).join(' / ')}`);
}

// ---------------------------------------------------------------- runs and events

export async function runs(p: P): Promise<RunRecord[]> {
  const out: RunRecord[] = [];
  for (const o of await p.store.list('runs/')) out.push(runRecordSchema.parse(JSON.parse(Buffer.from((await p.store.getBytes(o.key))!).toString('utf8'))));
  return out;
}

export async function json<T = unknown>(p: P, key: string): Promise<T> {
  const b = await p.store.getBytes(key);
  if (!b) throw new Error(`${key} is missing`);
  return JSON.parse(Buffer.from(b).toString('utf8')) as T;
}

/** Delivers the S3 event for `key` again (as S3's at-least-once delivery or a Lambda retry would). */
export async function redeliver(p: P, key: string, wait = true): Promise<void> {
  const head = await p.store.head(key);
  p.bus.deliver(awsS3Event(LOCAL_BUCKET, key, head?.size ?? 0), key);
  if (wait) await p.bus.idle();
}
