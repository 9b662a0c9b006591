import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SesMailer, classifySendError, sesClientFor } from '../../functions/adapters/mailer.ts';
import { composeMime } from '../../functions/core/mail/compose.ts';
import { startLocalServers, type LocalServers } from '../../functions/local/servers.ts';
import type { RequestHandlerLike } from '../../functions/local/pipeline.ts';
import { faultyHandler, type FaultPlan } from '../support/ses-faults.ts';

let servers: LocalServers;

beforeAll(async () => {
  servers = await startLocalServers({ s3Dir: await mkdtemp(path.join(os.tmpdir(), 'rc-mailer-')) });
});
afterAll(() => servers.close());
beforeEach(async () => {
  await fetch(`${servers.sesEndpoint}/clear-store`, { method: 'POST' });
});

const stored = async () => ((await (await fetch(`${servers.sesEndpoint}/store`)).json()) as { emails: { subject: string }[] }).emails;

function mailer(plan: FaultPlan | null, maxAttempts = 4) {
  let ses = sesClientFor(servers.sesEndpoint);
  if (plan) {
    const real = ses.config.requestHandler as unknown as RequestHandlerLike;
    ses = sesClientFor(servers.sesEndpoint, { requestHandler: faultyHandler(plan)(real) as never });
  }
  return new SesMailer(ses, { source: 'rc@example.org', maxAttempts, baseDelayMs: 1 });
}

const raw = () =>
  composeMime({ from: 'rc@example.org', to: ['a@example.org'], subject: 'hello', text: 'hi', date: new Date('2021-12-01T00:00:00Z'), messageId: '<x@example.org>' });

describe('SesMailer against aws-ses-v2-local', () => {
  it('sends raw MIME and returns the MessageId SES gave', async () => {
    const r = await mailer(null).sendRaw(await raw(), ['a@example.org']);
    expect(r.status).toBe('sent');
    expect(r.attempts).toBe(1);
    expect(await stored()).toHaveLength(1);
  });

  it('retries with backoff when SES throttles (injected at the client: two Throttling answers), then sends once', async () => {
    const r = await mailer({ decide: (_, n) => (n <= 2 ? { kind: 'answer', status: 400, code: 'Throttling', message: 'Maximum sending rate exceeded.' } : null) }).sendRaw(await raw(), ['a@example.org']);
    expect(r).toMatchObject({ status: 'sent', attempts: 3 });
    expect(await stored()).toHaveLength(1);
  });

  it('gives up on endless throttling as a definite rejection after its attempts', async () => {
    const r = await mailer({ decide: () => ({ kind: 'answer', status: 400, code: 'Throttling', message: 'Maximum sending rate exceeded.' }) }, 3).sendRaw(await raw(), ['a@example.org']);
    expect(r).toMatchObject({ status: 'rejected', code: 'Throttling', attempts: 3 });
    expect(await stored()).toHaveLength(0);
  });

  it('does not retry a message SES refused for good (injected MessageRejected)', async () => {
    const r = await mailer({ decide: () => ({ kind: 'answer', status: 400, code: 'MessageRejected', message: 'Email address is not verified.' }) }).sendRaw(await raw(), ['a@example.org']);
    expect(r).toMatchObject({ status: 'rejected', code: 'MessageRejected', attempts: 1 });
  });

  it('never retries after an unknown outcome (injected: SES accepted it, the answer was lost)', async () => {
    const r = await mailer({ decide: () => ({ kind: 'acceptThenTimeout' }) }).sendRaw(await raw(), ['a@example.org']);
    expect(r).toMatchObject({ status: 'unknown', code: 'ETIMEDOUT', attempts: 1 });
    // SES did accept it: one retry would have delivered it twice.
    expect(await stored()).toHaveLength(1);
  });
});

describe('classifySendError', () => {
  it('separates definite answers from unknown outcomes', () => {
    expect(classifySendError({ name: 'Throttling', $metadata: { httpStatusCode: 400 } }).kind).toBe('retry');
    expect(classifySendError({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } }).kind).toBe('retry');
    expect(classifySendError({ name: 'MessageRejected', $metadata: { httpStatusCode: 400 } }).kind).toBe('rejected');
    expect(classifySendError({ name: 'Error', code: 'ECONNREFUSED' }).kind).toBe('retry');
    expect(classifySendError({ name: 'TimeoutError', code: 'ETIMEDOUT' }).kind).toBe('unknown');
    expect(classifySendError({ name: 'Error', code: 'ECONNRESET' }).kind).toBe('unknown');
    expect(classifySendError({ name: 'InternalFailure', $metadata: { httpStatusCode: 500 } }).kind).toBe('rejected');
  });
});
