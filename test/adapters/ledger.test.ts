import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoSendLedger, dynamoClientFor, ensureLedgerTable } from '../../functions/adapters/ledger.ts';
import { startLocalServers, type LocalServers } from '../../functions/local/servers.ts';

let servers: LocalServers;
let ledger: DynamoSendLedger;
const at = new Date('2021-12-07T09:00:00Z');

beforeAll(async () => {
  servers = await startLocalServers({ s3Dir: await mkdtemp(path.join(os.tmpdir(), 'rc-ledger-')) });
  const db = dynamoClientFor(servers.dynamoEndpoint);
  await ensureLedgerTable(db, 'ledger');
  await ensureLedgerTable(db, 'ledger'); // idempotent
  ledger = new DynamoSendLedger(db, 'ledger');
});
afterAll(() => servers.close());

describe('DynamoSendLedger (against dynalite, which honours conditions)', () => {
  it('lets exactly one of many concurrent claims of a key win', async () => {
    const claims = await Promise.all(Array.from({ length: 12 }, () => ledger.claim({ key: 'k-race', recipient: 'a@example.org', purpose: 'board', at })));
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
    for (const c of claims) if (!c.claimed) expect(c.existing.status).toBe('pending');
  });

  it('moves pending to sent with the MessageId, and never rewrites a sent record', async () => {
    expect((await ledger.claim({ key: 'k-sent', recipient: 'a@example.org', purpose: 'board', at })).claimed).toBe(true);
    await ledger.markSent('k-sent', 'msg-1', at);
    expect(await ledger.get('k-sent')).toMatchObject({ status: 'sent', messageId: 'msg-1', recipient: 'a@example.org', purpose: 'board' });
    await expect(ledger.markSent('k-sent', 'msg-2', at)).rejects.toThrow();
    await expect(ledger.markFailed('k-sent', 'x', at)).rejects.toThrow();
    const again = await ledger.claim({ key: 'k-sent', recipient: 'a@example.org', purpose: 'board', at });
    expect(again.claimed).toBe(false);
    expect(await ledger.get('k-sent')).toMatchObject({ messageId: 'msg-1' });
  });

  it('keeps an unknown outcome pending (not claimable again), but lets a definite failure be retried', async () => {
    await ledger.claim({ key: 'k-unknown', recipient: 'a@example.org', purpose: 'board', at });
    await ledger.markUnknown('k-unknown', 'TimeoutError', at);
    const u = await ledger.claim({ key: 'k-unknown', recipient: 'a@example.org', purpose: 'board', at });
    expect(u.claimed).toBe(false);
    expect(!u.claimed && u.existing).toMatchObject({ status: 'pending', detail: 'TimeoutError' });

    await ledger.claim({ key: 'k-failed', recipient: 'a@example.org', purpose: 'board', at });
    await ledger.markFailed('k-failed', 'MessageRejected', at);
    expect((await ledger.claim({ key: 'k-failed', recipient: 'a@example.org', purpose: 'board', at })).claimed).toBe(true);
  });

  it('lists records by key prefix', async () => {
    await ledger.claim({ key: '2021-11#pack#v1#board#x@example.org', recipient: 'x@example.org', purpose: 'board', at });
    await ledger.claim({ key: '2021-11#pack#v1#board#y@example.org', recipient: 'y@example.org', purpose: 'board', at });
    await ledger.claim({ key: '2021-10#pack#v1#board#x@example.org', recipient: 'x@example.org', purpose: 'board', at });
    const keys = (await ledger.list('2021-11#pack#')).map((r) => r.key).sort();
    expect(keys).toEqual(['2021-11#pack#v1#board#x@example.org', '2021-11#pack#v1#board#y@example.org']);
    expect(await ledger.get('nope')).toBeNull();
  });
});
