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
