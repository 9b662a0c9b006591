/**
 * deliver() with the real ledger (dynalite) and the real mailer (aws-ses-v2-local). The unknown
 * outcome is injected at the SES client's request handler: SES accepts, the answer is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deliver, undelivered, type Delivery } from '../../../functions/core/pipeline/deliver.ts';
import { DynamoSendLedger, dynamoClientFor, ensureLedgerTable } from '../../../functions/adapters/ledger.ts';
import { DynamoSuppressionList } from '../../../functions/adapters/suppression-list.ts';
import type { SuppressionList } from '../../../functions/core/pipeline/ports.ts';
import { SesMailer, sesClientFor } from '../../../functions/adapters/mailer.ts';
import { fixedClock } from '../../../functions/adapters/clock.ts';
import { composeMime } from '../../../functions/core/mail/compose.ts';
import { startLocalServers, type LocalServers } from '../../../functions/local/servers.ts';
import type { RequestHandlerLike } from '../../../functions/local/pipeline.ts';
import { faultyHandler } from '../../support/ses-faults.ts';
import { PowertoolsMetrics } from '../../../functions/adapters/metrics.ts';
import { captureEmf, total } from '../../support/emf.ts';

let servers: LocalServers;
let deps: Parameters<typeof deliver>[1];
let suppressions: DynamoSuppressionList;
const sent: string[] = [];

beforeAll(async () => {
  servers = await startLocalServers({ s3Dir: await mkdtemp(path.join(os.tmpdir(), 'rc-deliver-')) });
  const db = dynamoClientFor(servers.dynamoEndpoint);
  await ensureLedgerTable(db, 'ledger');
  const real = sesClientFor(servers.sesEndpoint).config.requestHandler as unknown as RequestHandlerLike;
  const handler = faultyHandler({ decide: (r) => (r === 'lost@example.org' ? { kind: 'acceptThenTimeout' } : null) })(real);
  deps = {
    mailer: new SesMailer(sesClientFor(servers.sesEndpoint, { requestHandler: handler as never }), { source: 'rc@example.org' }),
    ledger: new DynamoSendLedger(db, 'ledger'),
    suppressions: (suppressions = new DynamoSuppressionList(db, 'ledger')),
    clock: fixedClock('2021-12-07T09:00:00Z'),
    onSent: async ({ recipient }) => {
      sent.push(recipient);
    },
  };
});
afterAll(() => servers.close());

const item = (recipient: string, compose?: () => Promise<Uint8Array>): Delivery => ({
  ledgerKey: `test#${recipient}`,
  recipient,
  purpose: 'board',
  compose: compose ?? (() => composeMime({ from: 'rc@example.org', to: [recipient], subject: 's', text: 't', date: new Date(0), messageId: `<${recipient}>` })),
});

describe('deliver', () => {
  it('sends each recipient once, keeps going past failures, and reports who did not get it', async () => {
    const items = [
      item('a@example.org'),
      item('lost@example.org'),
      item('broken@example.org', async () => {
        throw new Error('no PDF');
      }),
      item('b@example.org'),
    ];
    const metrics = new PowertoolsMetrics('AscReportCards', 'deliver-test');
    let first: Awaited<ReturnType<typeof deliver>> = [];
    const emf = await captureEmf(async () => {
      first = await deliver(items, { ...deps, metrics });
      metrics.publish();
    });
    expect(first.map((r) => r.status)).toEqual(['sent', 'unknown', 'rejected', 'sent']);
    // Two sent; the unknown outcome and the email never composed are the failures.
    expect([total(emf, 'EmailsSent'), total(emf, 'EmailsFailed')]).toEqual([2, 2]);
    expect(sent).toEqual(['a@example.org', 'b@example.org']);
    expect(undelivered(first)).toEqual([
      { recipient: 'lost@example.org', status: 'unknown', detail: expect.stringContaining('ETIMEDOUT') },
      { recipient: 'broken@example.org', status: 'rejected', detail: 'could not compose the email: no PDF' },
    ]);

    let second: Awaited<ReturnType<typeof deliver>> = [];
    const again = await captureEmf(async () => {
      second = await deliver(items, { ...deps, metrics });
      metrics.publish();
    });
    // Nothing new was sent; the still-broken compose fails again (the pending one is not retried).
    expect([total(again, 'EmailsSent'), total(again, 'EmailsFailed')]).toEqual([0, 1]);
    expect(second.map((r) => r.status)).toEqual(['already-sent', 'pending-earlier', 'rejected', 'already-sent']);
    expect(sent).toEqual(['a@example.org', 'b@example.org']);
    expect(undelivered(second).map((u) => u.recipient)).toEqual(['lost@example.org', 'broken@example.org']);
  });

  it('skips a suppressed recipient, records why in the ledger, and says so; taken off the list, they get it', async () => {
    const items = [item('s1@example.org'), item('bounced@example.org'), item('s2@example.org')];
    await suppressions.add({
      address: 'Bounced@example.org',
      reason: 'permanent-bounce',
      detail: 'Permanent/General 5.1.1 smtp; 550 5.1.1 user unknown',
      at: '2021-12-07T07:01:02.669Z',
      feedbackId: 'fb',
      sesMessageId: 'ses',
    });
    sent.length = 0;
    const first = await deliver(items, deps);
    expect(first.map((r) => r.status)).toEqual(['sent', 'suppressed', 'sent']);
    expect(sent).toEqual(['s1@example.org', 's2@example.org']);
    const detail = 'on the suppression list since 2021-12-07T07:01:02.669Z: an earlier email bounced permanently - Permanent/General 5.1.1 smtp; 550 5.1.1 user unknown';
    expect(undelivered(first)).toEqual([{ recipient: 'bounced@example.org', status: 'suppressed', detail }]);
    expect(await deps.ledger.get('test#bounced@example.org')).toMatchObject({ status: 'suppressed', detail });

    // A rerun still skips them (and still says so); the others are not sent again.
    expect((await deliver(items, deps)).map((r) => r.status)).toEqual(['already-sent', 'suppressed', 'already-sent']);
    expect(sent).toEqual(['s1@example.org', 's2@example.org']);

    // An officer takes the address off the list: the next run sends it, once.
    expect(await suppressions.remove('bounced@example.org')).toBe(true);
    expect((await deliver(items, deps)).map((r) => r.status)).toEqual(['already-sent', 'sent', 'already-sent']);
    expect(sent).toEqual(['s1@example.org', 's2@example.org', 'bounced@example.org']);
  });

  it('does not send when the suppression list cannot be read: a definite non-send, tried again later', async () => {
    // A read failure injected at the port: dynalite cannot be made to fail one GetItem.
    const broken: SuppressionList = {
      add: async () => true,
      find: async () => {
        throw new Error('ProvisionedThroughputExceededException');
      },
    };
    sent.length = 0;
    const r = await deliver([item('unsure@example.org')], { ...deps, suppressions: broken });
    expect(r).toEqual([expect.objectContaining({ status: 'rejected', detail: 'could not check the suppression list: ProvisionedThroughputExceededException' })]);
    expect(sent).toEqual([]);
    expect((await deps.ledger.get('test#unsure@example.org'))?.status).toBe('failed');
    expect((await deliver([item('unsure@example.org')], deps)).map((x) => x.status)).toEqual(['sent']);
  });
});

describe('a refused send', () => {
  it('says after how many attempts, singular for one', async () => {
    // A mailer whose SES refuses: a definite answer, after the attempts its retry policy made.
    const refusing = (attempts: number) => ({ sendRaw: async () => ({ status: 'rejected' as const, code: 'MessageRejected', message: 'Email address is not verified.', attempts }) });
    const [once] = await deliver([item('refused-once@example.org')], { ...deps, mailer: refusing(1) });
    expect(once).toMatchObject({ status: 'rejected', detail: 'MessageRejected: Email address is not verified. (after 1 attempt)' });
    const [thrice] = await deliver([item('refused-thrice@example.org')], { ...deps, mailer: refusing(3) });
    expect(thrice).toMatchObject({ status: 'rejected', detail: 'MessageRejected: Email address is not verified. (after 3 attempts)' });
  });
});
