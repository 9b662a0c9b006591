/**
 * Bounces and complaints through the real pieces: SES feedback (SNS event shapes as AWS delivers
 * them) into the bounces handler, the suppression list in the ledger table on dynalite, then the
 * next distribution through the local pipeline (s3rver, aws-ses-v2-local): the suppressed address
 * is skipped and recorded, every other recipient gets exactly one email, and the owners are told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/adapters/clock.ts';
import { createBounces } from '../../functions/handlers/bounces.ts';
import { approvalKey, manifestSchema } from '../../functions/core/pipeline/manifest.ts';
import { runRecordSchema } from '../../functions/core/pipeline/runs.ts';
import { localPipeline } from '../support/local.ts';
import { bounceRecord, complaintRecord, snsEvent } from '../support/ses-notifications.ts';
import { parse, PERIOD, sesStoreCount, smallSample, uploadAll } from '../e2e/helpers.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;
let p: P;
let bounces: ReturnType<typeof createBounces>;
const logs: string[] = [];

// Distribution days of the November 2021 packs (test/e2e/pipeline.test.ts): scrutiny-board (manual
// approval) on the 7 December, commissioning-finance (auto-approved) on the 9th.
const SCRUTINY_DAY = fixedClock('2021-12-07T07:00:00Z');
const FINANCE_DAY = fixedClock('2021-12-09T07:00:00Z');
const OWNER = 'head-of-performance@example.org';

const boardSends = (packId: string) => p.sent.filter((m) => m.ledgerKey.startsWith(PERIOD) && m.ledgerKey.includes(`#${packId}#`) && m.ledgerKey.includes('#board#'));
const notices = () => p.sent.filter((m) => m.ledgerKey.startsWith('notice#'));

async function runNotes(): Promise<string[]> {
  const notes: string[] = [];
  for (const o of await p.store.list('runs/')) notes.push(...runRecordSchema.parse(JSON.parse(Buffer.from((await p.store.getBytes(o.key))!).toString('utf8'))).notes);
  return notes;
}

beforeAll(async () => {
  const sample = await smallSample();
  p = await localPipeline();
  bounces = createBounces({ suppressions: p.deps.suppressions, log: (l) => logs.push(l) });
  await uploadAll(p, sample);
});
afterAll(() => p?.dispose());

describe('bounces and complaints', () => {
  it('a transient bounce suppresses no one; a permanent bounce suppresses the address, once however often SNS delivers it', async () => {
    expect(p.bus.errors()).toEqual([]);
    expect(await bounces(snsEvent(bounceRecord(['chair@example.org'], 'Transient')))).toEqual({
      added: 0,
      alreadyListed: 0,
      ignored: ['Transient bounce (MailboxFull): not suppressed'],
    });
    expect(await p.deps.suppressions.find('chair@example.org')).toBeNull();

    const permanent = snsEvent(bounceRecord(['Member.One@example.org'], 'Permanent'));
    expect(await bounces(permanent)).toEqual({ added: 1, alreadyListed: 0, ignored: [] });
    expect(await bounces(permanent)).toEqual({ added: 0, alreadyListed: 1, ignored: [] });
    expect(await p.deps.suppressions.find('member.one@example.org')).toMatchObject({ reason: 'permanent-bounce' });
    // The log says what happened without naming anyone.
    expect(logs.join('\n')).not.toContain('@example.org');
  });

  it('the next distribution skips the bounced address, sends everyone else exactly once, and tells the owners', async () => {
    const sesBefore = await sesStoreCount(p);
    const sentBefore = p.sent.length;
    await p.schedule(FINANCE_DAY);
    const board = boardSends('commissioning-finance').map((m) => m.recipient);
    expect(board.sort()).toEqual(['chair@example.org', 'clerk@example.org', 'vice-chair@example.org']);

    const told = notices();
    expect(told.map((m) => m.recipient)).toEqual([OWNER]);
    const notice = await parse(told[0]!);
    expect(notice.subject).toMatch(/did not reach 1 recipient/);
    expect(notice.text).toContain('member.one@example.org: not sent - the address is suppressed');
    expect(notice.text).toContain('an earlier email bounced permanently - Permanent/General 5.1.1 smtp; 550 5.1.1 user unknown');
    expect(notice.text).toContain('suppression#<address>');

    // What SES accepted is exactly what the pipeline reports: three board emails and one notice.
    expect(p.sent.length - sentBefore).toBe(4);
    expect((await sesStoreCount(p)) - sesBefore).toBe(4);

    // The ledger and the run history both say "suppressed".
    const manifestKey = (await p.store.list(`reports/${PERIOD}/commissioning-finance/`)).find((o) => o.key.endsWith('.json'))!.key;
    const m = manifestSchema.parse(JSON.parse(Buffer.from((await p.store.getBytes(manifestKey))!).toString('utf8')));
    expect(await p.deps.ledger.get(`${PERIOD}#commissioning-finance#${m.version}#board#member.one@example.org`)).toMatchObject({
      status: 'suppressed',
      detail: expect.stringContaining('bounced permanently'),
    });
    expect(await runNotes()).toContain(`commissioning-finance ${m.version} to member.one@example.org: suppressed`);
  });

  it('a complaint suppresses the complainant on the next distribution; repeats of the schedule send nothing more', async () => {
    expect(await bounces(snsEvent(complaintRecord(['vice-chair@example.org'])))).toEqual({ added: 1, alreadyListed: 0, ignored: [] });
    const [o] = (await p.store.list(`reports/${PERIOD}/scrutiny-board/`)).filter((x) => x.key.endsWith('.json'));
    const m = manifestSchema.parse(JSON.parse(Buffer.from((await p.store.getBytes(o!.key))!).toString('utf8')));
    await p.store.put(approvalKey(PERIOD, 'scrutiny-board', m.version), JSON.stringify({ approvedBy: 'test' }), 'application/json');

    const noticesBefore = notices().length;
    await p.schedule(SCRUTINY_DAY);
    expect(boardSends('scrutiny-board').map((x) => x.recipient).sort()).toEqual(['chair@example.org', 'clerk@example.org']);
    const told = notices().slice(noticesBefore);
    expect(told.map((x) => x.recipient)).toEqual([OWNER]);
    const text = (await parse(told[0]!)).text!;
    expect(text).toMatch(/did not reach everyone/);
    expect(text).toContain('member.one@example.org: not sent - the address is suppressed');
    expect(text).toContain('vice-chair@example.org: not sent - the address is suppressed');
    expect(text).toContain('marked an earlier email as spam (complaint) - complaint (abuse)');

    // The scheduler fires again on later working days: nothing new for anyone, owners not re-told.
    const after = p.sent.length;
    const sesAfter = await sesStoreCount(p);
    await p.schedule(SCRUTINY_DAY);
    await p.schedule(FINANCE_DAY);
    expect(p.sent.length).toBe(after);
    expect(await sesStoreCount(p)).toBe(sesAfter);

    // Over the whole run: each recipient got each pack at most once.
    const perPack = new Map<string, number>();
    for (const s of p.sent) perPack.set(s.ledgerKey, (perPack.get(s.ledgerKey) ?? 0) + 1);
    expect([...perPack.values()].every((n) => n === 1)).toBe(true);
  });

  it('fails the invocation (so Lambda retries, then the failure queue) on a notification SES would not send; ignores deliveries', async () => {
    const bad = bounceRecord(['x@example.org'], 'Permanent');
    await expect(bounces(snsEvent({ ...bad, bounce: { ...bad.bounce, bouncedRecipients: [] } }))).rejects.toThrow(/bouncedRecipients/);
    await expect(bounces({ Records: [] })).rejects.toThrow(/SNS event/);
    expect(await p.deps.suppressions.find('x@example.org')).toBeNull();
    const delivery = { eventType: 'Delivery', mail: bad.mail, delivery: { timestamp: '2021-12-07T07:00:03.000Z', recipients: ['x@example.org'], smtpResponse: '250 ok' } };
    expect(await bounces(snsEvent(delivery))).toEqual({ added: 0, alreadyListed: 0, ignored: ['Delivery notification: not a bounce or complaint'] });
  });
});
