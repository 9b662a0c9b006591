/**
 * Send failures end to end. Faults are injected at the SES client's request handler and only there
 * (test/support/ses-faults.ts): for vice-chair SES really accepts the email but the client sees a
 * timeout (unknown outcome); member.one is throttled twice (definite, retryable); clerk is refused
 * with MessageRejected (definite, not retryable). Everything else is the real pipeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/adapters/clock.ts';
import { packSendKey } from '../../functions/core/pipeline/ledger-keys.ts';
import { localPipeline } from '../support/local.ts';
import { faultyHandler, type Fault } from '../support/ses-faults.ts';
import { parse, PERIOD, sesStoreCount, smallSample, uploadAll } from './helpers.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;

const FINANCE_DAY = fixedClock('2021-12-09T07:00:00Z'); // 7th working day of December 2021
const REMINDER_DAY = fixedClock('2021-12-14T07:00:00Z'); // 10th working day

const calls: { recipient: string; fault: Fault | null }[] = [];
const plan = {
  decide(recipient: string, n: number): Fault | null {
    if (recipient === 'vice-chair@example.org') return { kind: 'acceptThenTimeout' };
    if (recipient === 'member.one@example.org' && n <= 2) return { kind: 'answer', status: 400, code: 'Throttling', message: 'Maximum sending rate exceeded.' };
    if (recipient === 'clerk@example.org') return { kind: 'answer', status: 400, code: 'MessageRejected', message: 'Email address is not verified.' };
    return null;
  },
};
const callsFor = (r: string) => calls.filter((c) => c.recipient === r).length;

describe('send failures, end to end', () => {
  let p: P;
  let sample: string;

  beforeAll(async () => {
    sample = await smallSample();
    p = await localPipeline({ sesRequestHandler: faultyHandler(plan, calls) });
  });
  afterAll(() => p?.dispose());

  it('reminds the performance team once when no events extract has arrived by the reminder day', async () => {
    const r = await p.schedule(REMINDER_DAY);
    expect(r.reminded).toBe(true);
    expect(p.sent.map((m) => m.recipient)).toEqual(['performance@example.org']);
    expect((await parse(p.sent[0])).subject).toBe('Reminder: the events extract for November 2021 has not arrived');
    await p.schedule(REMINDER_DAY);
    expect(p.sent).toHaveLength(1);
  });

  it('a failing send mid-list: the others are sent, throttling is retried, the owners are told, and a rerun resends nothing', async () => {
    await uploadAll(p, sample);
    expect(p.bus.errors()).toEqual([]);
    const before = p.sent.length;
    const r = await p.schedule(FINANCE_DAY);
    expect(r.due).toContain('commissioning-finance');

    const sentNow = p.sent.slice(before).map((m) => m.recipient);
    expect(sentNow).toContain('chair@example.org');
    expect(sentNow).toContain('member.one@example.org'); // after two Throttling answers
    expect(sentNow).not.toContain('vice-chair@example.org'); // no MessageId came back: no .eml
    expect(sentNow).not.toContain('clerk@example.org');
    expect(callsFor('member.one@example.org')).toBe(3);
    expect(callsFor('vice-chair@example.org')).toBe(1);

    const [manifestObj] = (await p.store.list(`reports/${PERIOD}/commissioning-finance/`)).filter((o) => o.key.endsWith('.json'));
    const version = manifestObj.key.split('/').pop()!.replace('.json', '');
    expect(await p.deps.ledger.get(packSendKey(PERIOD, 'commissioning-finance', version, 'board', 'vice-chair@example.org'))).toMatchObject({ status: 'pending' });
    expect(await p.deps.ledger.get(packSendKey(PERIOD, 'commissioning-finance', version, 'board', 'clerk@example.org'))).toMatchObject({ status: 'failed' });
    expect(await p.deps.ledger.get(packSendKey(PERIOD, 'commissioning-finance', version, 'board', 'member.one@example.org'))).toMatchObject({ status: 'sent' });

    const notices = p.sent.slice(before).filter((m) => m.recipient === 'head-of-performance@example.org');
    expect(notices).toHaveLength(1);
    const notice = await parse(notices[0]);
    expect(notice.subject).toMatch(/^Action needed: .* did not reach 2 recipients$/);
    expect(notice.text).toContain('vice-chair@example.org: outcome unknown');
    expect(notice.text).toContain('clerk@example.org: not sent - the email service refused it');
    expect(notice.text).toContain('X-Amz-Signature'); // a presigned link to the PDF

    // Rerun (the scheduler fires twice): the unknown send is not retried, the owners not told twice.
    const count = p.sent.length;
    await p.schedule(FINANCE_DAY);
    expect(callsFor('vice-chair@example.org')).toBe(1);
    expect(p.sent.length).toBe(count);
    // SES holds every accepted email, the one whose answer was lost included: exactly once each.
    expect(await sesStoreCount(p)).toBe(p.sent.length + 1);
  });
});
