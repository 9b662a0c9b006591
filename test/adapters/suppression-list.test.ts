/** The suppression list in the ledger table, against dynalite (which honours conditional writes). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoSendLedger, dynamoClientFor, ensureLedgerTable } from '../../functions/adapters/ledger.ts';
import { DynamoSuppressionList } from '../../functions/adapters/suppression-list.ts';
import { startLocalServers, type LocalServers } from '../../functions/local/servers.ts';
import type { SuppressionEntry } from '../../functions/core/pipeline/ports.ts';

let servers: LocalServers;
let list: DynamoSuppressionList;
let ledger: DynamoSendLedger;
const at = new Date('2021-12-07T09:00:00Z');

beforeAll(async () => {
  servers = await startLocalServers({ s3Dir: await mkdtemp(path.join(os.tmpdir(), 'rc-suppression-')) });
  const db = dynamoClientFor(servers.dynamoEndpoint);
  await ensureLedgerTable(db, 'ledger');
  list = new DynamoSuppressionList(db, 'ledger');
  ledger = new DynamoSendLedger(db, 'ledger');
});
afterAll(() => servers.close());

const entry = (address: string, over: Partial<SuppressionEntry> = {}): SuppressionEntry => ({
  address,
  reason: 'permanent-bounce',
  detail: 'Permanent/General 5.1.1',
  at: '2021-12-07T07:01:02.669Z',
  feedbackId: 'fb-1',
  sesMessageId: 'ses-1',
  ...over,
});

describe('DynamoSuppressionList', () => {
  it('finds nothing for an address never reported', async () => {
    expect(await list.find('nobody@example.org')).toBeNull();
  });

  it('adds an address once, keeps the first reason, and finds it in any case', async () => {
    expect(await list.add(entry('member.one@example.org'))).toBe(true);
    expect(await list.add(entry('Member.One@example.org', { reason: 'complaint', detail: 'complaint (abuse)', feedbackId: 'fb-2' }))).toBe(false);
    expect(await list.find('MEMBER.ONE@EXAMPLE.ORG')).toEqual(entry('member.one@example.org'));
  });

  it('lets concurrent redeliveries of one notification add the address exactly once', async () => {
    const adds = await Promise.all(Array.from({ length: 8 }, () => list.add(entry('race@example.org', { reason: 'complaint' }))));
    expect(adds.filter(Boolean)).toHaveLength(1);
    expect((await list.find('race@example.org'))?.reason).toBe('complaint');
  });

  it('lives beside the send records without showing up in their listings', async () => {
    await ledger.claim({ key: '2021-11#pack#v1#board#member.one@example.org', recipient: 'member.one@example.org', purpose: 'board', at });
    expect((await ledger.list('2021-11#')).map((r) => r.key)).toEqual(['2021-11#pack#v1#board#member.one@example.org']);
  });
});

describe('DynamoSendLedger and suppressed records', () => {
  it('records suppressed, and lets a later run claim the key again (the address may have been taken off the list)', async () => {
    const key = '2021-11#pack#v2#board#x@example.org';
    expect((await ledger.claim({ key, recipient: 'x@example.org', purpose: 'board', at })).claimed).toBe(true);
    await ledger.markSuppressed(key, 'on the suppression list', at);
    expect(await ledger.get(key)).toMatchObject({ status: 'suppressed', detail: 'on the suppression list' });
    expect((await ledger.claim({ key, recipient: 'x@example.org', purpose: 'board', at })).claimed).toBe(true);
    await ledger.markSent(key, 'msg-9', at);
    // Once sent, neither a claim nor a suppression rewrites it.
    expect(await ledger.claim({ key, recipient: 'x@example.org', purpose: 'board', at })).toMatchObject({ claimed: false, existing: { status: 'sent' } });
    await expect(ledger.markSuppressed(key, 'late', at)).rejects.toThrow();
  });
});

describe('DynamoSuppressionList.remove', () => {
  it('takes an address off the list, once', async () => {
    await list.add(entry('fixed@example.org'));
    expect(await list.remove('Fixed@example.org')).toBe(true);
    expect(await list.find('fixed@example.org')).toBeNull();
    expect(await list.remove('fixed@example.org')).toBe(false);
  });
});
