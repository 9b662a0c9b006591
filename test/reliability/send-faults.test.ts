/**
 * SES throttling during a board distribution, and crashes around a send. Throttling is injected at
 * the SES client's request handler (test/support/ses-faults.ts; aws-ses-v2-local never throttles);
 * a crash is a throw injected at the ledger's DynamoDB client right after the real answer came
 * back — the ledger write happened, then the process "died" before the next step. What SES
 * accepted is read from the local SES server's own store, so an email the client never heard
 * about still counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fixedClock } from '../../functions/adapters/clock.ts';
import { UPLOAD_ORDER, uploadSample } from '../../functions/local/start.ts';
import { packSendKey } from '../../functions/core/pipeline/ledger-keys.ts';
import { localPipeline } from '../support/local.ts';
import { dropEveryKth } from '../support/csv-edits.ts';
import { faultyHandler, type Fault } from '../support/ses-faults.ts';
import { duplicates, faultyLedger, P, PERIOD, redeliver, runs, sesAccepted, tinySample } from './support.ts';

const BOARD = ['chair@example.org', 'vice-chair@example.org', 'member.one@example.org', 'clerk@example.org'];
const FINANCE_DAY = fixedClock('2021-12-09T07:00:00Z'); // 7th working day of December 2021
const NEXT_MORNING = fixedClock('2021-12-10T07:00:00Z');
const FOLLOWING_MONDAY = fixedClock('2021-12-13T07:00:00Z');

/** Throttling answers still to give, per recipient. */
const throttles = new Map<string, number>();
const calls: { recipient: string; fault: Fault | null }[] = [];
const THROTTLE: Fault = { kind: 'answer', status: 400, code: 'Throttling', message: 'Maximum sending rate exceeded.' };

/** The ledger request at which the process "dies" (once): before it is sent, or after its answer. */
let crash: { phase: 'before' | 'after'; when: (target: string, body: string) => boolean } | null = null;

describe('SES throttling and crashes around a send', () => {
  let p: P;
  let sample: string;

  beforeAll(async () => {
    sample = await tinySample();
    p = await localPipeline({
      sesRequestHandler: faultyHandler({
        decide(recipient) {
          const left = throttles.get(recipient) ?? 0;
          if (left <= 0) return null;
          throttles.set(recipient, left - 1);
          return THROTTLE;
        },
      }, calls),
    });
    faultyLedger(p, (phase, target, body) => {
      if (crash && crash.phase === phase && crash.when(target, body)) {
        crash = null;
        throw new Error(`the process died here (injected ${phase} a ledger request)`);
      }
    });
    for (const kind of UPLOAD_ORDER) await uploadSample(p, sample, kind);
    expect(p.bus.errors()).toEqual([]);
  });
  afterAll(() => p?.dispose());

  const financeBoardMail = async () => (await sesAccepted(p)).filter((m) => BOARD.includes(m.to) && m.subject.includes('Commissioning and Finance'));

  it('throttled board sends are retried with backoff; one throttled past the budget goes the next morning: everyone exactly once', async () => {
    for (const r of BOARD) throttles.set(r, 2);
    throttles.set('chair@example.org', 5); // the mailer gives up after 5 attempts
    const r = await p.schedule(FINANCE_DAY);
    expect(r.due).toContain('commissioning-finance');
    expect((await financeBoardMail()).map((m) => m.to).sort()).toEqual(BOARD.filter((b) => b !== 'chair@example.org').sort());
    const notices = (await sesAccepted(p)).filter((m) => m.to === 'head-of-performance@example.org');
    expect(notices.map((m) => m.subject)).toEqual([expect.stringMatching(/did not reach 1 recipient/)]);

    await p.schedule(NEXT_MORNING);
    await p.schedule(FOLLOWING_MONDAY);
    const mail = await financeBoardMail();
    expect(mail.map((m) => m.to).sort()).toEqual([...BOARD].sort());
    expect(calls.filter((c) => c.recipient === 'member.one@example.org' && c.fault).length).toBe(2);
    expect(calls.filter((c) => c.recipient === 'chair@example.org').length).toBe(6);
    expect(duplicates(await sesAccepted(p))).toEqual([]);
  });

  it('a crash after the pending write and before the send: the retry sends nothing and the owners are told the outcome is unknown', async () => {
    crash = { phase: 'after', when: (target, body) => target.endsWith('.PutItem') && body.includes('#preview#') && body.includes('scrutiny-board') };
    const before = (await sesAccepted(p)).length;
    const events = await readFile(path.join(sample, 'events.csv'), 'utf8');
    await p.store.put('extracts/events/events v2.csv', dropEveryKth(events, 33), 'text/csv');
    await p.bus.idle();
    const failed = p.bus.errors();
    expect(failed.map((e) => e.stage)).toEqual(['distribute']);
    expect((await runs(p)).filter((r) => r.stage === 'distribute' && r.trigger === failed[0].key && r.outcome === 'failed')).toHaveLength(1);
    const version = failed[0].key.split('/').pop()!.replace('.json', '');
    const ledgerKey = packSendKey(PERIOD, 'scrutiny-board', version, 'preview', 'performance@example.org');
    expect(await p.deps.ledger.get(ledgerKey)).toMatchObject({ status: 'pending' });

    await redeliver(p, failed[0].key); // Lambda's retry
    await redeliver(p, failed[0].key); // and S3's duplicate
    const after = (await sesAccepted(p)).slice(before);
    // The other pack's revised preview went; this one's never (SES never saw it), and never twice.
    expect(after.filter((m) => m.to === 'performance@example.org').map((m) => m.subject)).toEqual([expect.stringMatching(/Commissioning and Finance/)]);
    expect(await p.deps.ledger.get(ledgerKey)).toMatchObject({ status: 'pending' });
    const notice = after.filter((m) => m.to === 'head-of-performance@example.org');
    expect(notice).toHaveLength(1);
    expect(notice[0].subject).toMatch(/did not reach 1 recipient/);
    expect(duplicates(await sesAccepted(p))).toEqual([]);
  });

  it('a crash after SES accepted but before the ledger says sent: the retry does not send again; the owners are told', async () => {
    crash = { phase: 'before', when: (target, body) => target.endsWith('.UpdateItem') && body.includes('vice-chair@example.org') && body.includes('"sent"') };
    const version = (await p.store.list(`reports/${PERIOD}/commissioning-finance/`)).filter((o) => o.key.endsWith('.json')).sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime()).pop()!.key.split('/').pop()!.replace('.json', '');
    await expect(p.schedule(fixedClock('2021-12-14T07:00:00Z'))).rejects.toThrow(/process died/);
    expect((await runs(p)).filter((r) => r.stage === 'schedule' && r.outcome === 'failed')).toHaveLength(1);
    await p.schedule(fixedClock('2021-12-14T07:05:00Z')); // the retry
    await p.schedule(fixedClock('2021-12-15T07:00:00Z')); // and the next morning
    const revised = (await sesAccepted(p)).filter((m) => m.to === 'vice-chair@example.org' && m.subject.startsWith('Revised: ') && m.subject.includes('Commissioning'));
    expect(revised).toHaveLength(1); // SES has it exactly once
    expect(await p.deps.ledger.get(packSendKey(PERIOD, 'commissioning-finance', version, 'board', 'vice-chair@example.org'))).toMatchObject({ status: 'pending' });
    const notices = (await sesAccepted(p)).filter((m) => m.to === 'head-of-performance@example.org' && m.subject.includes('Commissioning'));
    expect(notices.length).toBeGreaterThanOrEqual(2); // the throttling one, then this one
    expect(duplicates(await sesAccepted(p))).toEqual([]);
    for (const b of BOARD.filter((x) => x !== 'vice-chair@example.org')) {
      expect((await sesAccepted(p)).filter((m) => m.to === b && m.subject.startsWith('Revised: ') && m.subject.includes('Commissioning'))).toHaveLength(1);
    }
  });
});
