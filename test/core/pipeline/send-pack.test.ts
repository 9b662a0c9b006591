/**
 * The owners' notice when an owner's own address is suppressed, through the local pipeline
 * (s3rver, aws-ses-v2-local, dynalite): the notice cannot reach the owner, so it goes to the pack's
 * performance team as well, saying why — once, however often the schedule fires.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../functions/adapters/clock.ts';
import { runRecordSchema } from '../../../functions/core/pipeline/runs.ts';
import { LOCAL_RECIPIENTS } from '../../../functions/local/pipeline.ts';
import { localPipeline } from '../../support/local.ts';
import { parse, PERIOD, sesStoreCount, smallSample, uploadAll } from '../../e2e/helpers.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;
let p: P;

// commissioning-finance (auto-approved) is due from the 7th working day of December 2021: the 9th.
const FINANCE_DAY = fixedClock('2021-12-09T07:00:00Z');
const OWNER = LOCAL_RECIPIENTS.lists.owners![0]!;
const TEAM = LOCAL_RECIPIENTS.lists['performance-team']![0]!;
const MEMBER = 'member.one@example.org';

const notices = () => p.sent.filter((m) => m.ledgerKey.startsWith('notice#'));
const suppress = (address: string, at: string) =>
  p.deps.suppressions.add({ address, reason: 'permanent-bounce', detail: 'Permanent/General 550 5.1.1 user unknown', at, feedbackId: `fb-${address}`, sesMessageId: `m-${address}` });

async function runNotes(): Promise<string[]> {
  const notes: string[] = [];
  for (const o of await p.store.list('runs/')) notes.push(...runRecordSchema.parse(JSON.parse(Buffer.from((await p.store.getBytes(o.key))!).toString('utf8'))).notes);
  return notes;
}

beforeAll(async () => {
  p = await localPipeline();
  await uploadAll(p, await smallSample());
});
afterAll(() => p?.dispose());

describe('the preview', () => {
  const approvalLines = async (q: P) =>
    Object.fromEntries(
      await Promise.all(
        q.sent
          .filter((m) => m.ledgerKey.includes('#preview#'))
          .map(async (m) => [m.ledgerKey.split('#')[1], ((await parse(m)).text ?? '').split('\n').filter((l) => /approv|by itself/i.test(l))]),
      ),
    );

  it('before the distribution days: how and by when to approve the manual pack; the auto-approved one goes on its own that morning', async () => {
    // Monday 6 December 2021: scrutiny-board's day is the 5th working day (Tuesday 7th), commissioning-finance's the 7th (Thursday 9th).
    const early = await localPipeline({ clock: fixedClock('2021-12-06T10:00:00Z') });
    try {
      await uploadAll(early, await smallSample());
      expect(await approvalLines(early)).toEqual({
        'scrutiny-board': [
          'This pack goes to the committee only once the performance team approves it. To approve it, run:',
          '  npx report-cards approve --period 2021-11 --pack scrutiny-board --bucket report-cards-local',
          // The local pipeline's schedule is cdk.json's: cron(0 7 …) in Europe/London. The schedule sends
          // November's packs only in December; its last working day is Friday 31st (the 27th and 28th are bank holidays).
          "Approve it before 07:00 UK time on 7 December 2021 (the distribution day) for it to go then. Approved later, it goes at 07:00 UK time the next working day, but only up to 31 December 2021: the schedule sends November 2021's packs only in December 2021, so an approval after 07:00 UK time on 31 December 2021 does not send it.",
        ],
        'commissioning-finance': [
          "You do not need to approve this pack: it goes to the committee's distribution lists on its own (it is approved automatically), and its latest version goes to them at 07:00 UK time on 9 December 2021.",
        ],
      });
    } finally {
      await early.dispose();
    }
  }, 120_000);

  it('once the distribution day has come: the next working morning, never a day gone by', async () => {
    // Wednesday 8 December 2021, 10:00: scrutiny-board's day (7th) has gone, commissioning-finance's (9th) not yet.
    const mid = await localPipeline({ clock: fixedClock('2021-12-08T10:00:00Z') });
    try {
      await uploadAll(mid, await smallSample());
      const lines = await approvalLines(mid);
      expect(lines['scrutiny-board'].at(-1)).toBe(
        "The distribution day (7 December 2021) has come: once approved, it goes at 07:00 UK time the next working day, but only up to 31 December 2021: the schedule sends November 2021's packs only in December 2021, so an approval after 07:00 UK time on 31 December 2021 does not send it.",
      );
      expect(lines['commissioning-finance']).toEqual([
        "You do not need to approve this pack: it goes to the committee's distribution lists on its own (it is approved automatically), and its latest version goes to them at 07:00 UK time on 9 December 2021.",
      ]);
    } finally {
      await mid.dispose();
    }
  }, 120_000);

  it('after the last working day of the month after: no approval sends it, and the preview says so', async () => {
    // This pipeline's clock is the system's: December 2021, when the schedule sent November's packs, is long past.
    const lines = await approvalLines(p);
    const gone = "version will not go to the committee by itself: the schedule sends November 2021's packs only up to 07:00 UK time on 31 December 2021, the last working day of the month after, and that has passed. Please share it with the committee another way.";
    expect(lines['scrutiny-board']).toEqual([`This ${gone}`]);
    expect(lines['commissioning-finance']).toEqual([`It is approved automatically, but this ${gone}`]);
  });
});

describe("owners' notice when an owner is suppressed", () => {
  it('goes to the performance team as well, naming the unreachable owner and the missed recipient', async () => {
    expect(p.bus.errors()).toEqual([]);
    const before = notices().length;
    expect(before).toBe(0); // the previews all went: nothing to report yet
    await suppress(OWNER, '2021-12-01T10:00:00.000Z');
    await suppress(MEMBER, '2021-12-02T10:00:00.000Z');
    const ses = await sesStoreCount(p);
    const sent = p.sent.length;

    await p.schedule(FINANCE_DAY);

    const told = notices();
    expect(told.map((m) => m.recipient)).toEqual([TEAM]);
    const mail = await parse(told[0]!);
    expect(mail.subject).toMatch(/did not reach 1 recipient/);
    expect(mail.text).toContain(`cannot reach the pack's owners: ${OWNER} is on the suppression list`);
    expect(mail.text).toContain(`${MEMBER}: not sent - the address is suppressed`);
    expect(mail.text).toContain('report-cards suppressions remove');

    // The owner's copy was not sent and is recorded as suppressed, in the ledger and the run history.
    const ownerKey = told[0]!.ledgerKey.replace(`#${TEAM}`, `#${OWNER}`);
    expect(await p.deps.ledger.get(ownerKey)).toMatchObject({ status: 'suppressed', purpose: 'owners-notice' });
    const notes = await runNotes();
    expect(notes).toContain(`owners' notice to ${OWNER}: suppressed`);
    expect(notes).toContain(`owners' notice to ${TEAM}: sent`);

    // SES accepted: three board emails (four recipients less the suppressed one) and one notice.
    expect(p.sent.length - sent).toBe(4);
    expect((await sesStoreCount(p)) - ses).toBe(4);
  });

  it('is sent once: later working mornings with the same misses tell no one again', async () => {
    const count = notices().length;
    const sent = p.sent.length;
    await p.schedule(fixedClock('2021-12-10T07:00:00Z'));
    await p.schedule(fixedClock('2021-12-13T07:00:00Z'));
    expect(notices()).toHaveLength(count);
    expect(p.sent.length).toBe(sent);
  });
});
