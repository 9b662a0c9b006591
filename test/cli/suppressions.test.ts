/**
 * `report-cards suppressions` against the local pipeline's ledger table (dynalite, reached with
 * --table and --endpoint as an officer reaches AWS). Addresses get on the list the real way (SES
 * feedback through the bounces handler); once removed, the next distribution morning sends the
 * address the pack it missed, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/adapters/clock.ts';
import { run } from '../../functions/cli/commands/suppressions.ts';
import { createBounces } from '../../functions/handlers/bounces.ts';
import { LOCAL_TABLE } from '../../functions/local/pipeline.ts';
import { captureCli } from '../support/cli.ts';
import { localPipeline } from '../support/local.ts';
import { bounceRecord, complaintRecord, snsEvent } from '../support/ses-notifications.ts';
import { PERIOD, smallSample, uploadAll } from '../e2e/helpers.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;
let p: P;
let tableArgs: string[];

// commissioning-finance (auto-approved) is due from the 7th working day of December 2021: the 9th.
const FINANCE_DAY = fixedClock('2021-12-09T07:00:00Z');
const NEXT_MORNING = fixedClock('2021-12-10T07:00:00Z');
const MEMBER = 'member.one@example.org';

const financeBoardTo = (who: string) =>
  p.sent.filter((m) => m.recipient === who && m.ledgerKey.startsWith(`${PERIOD}#commissioning-finance#`) && m.ledgerKey.includes('#board#'));

const capture = (args: string[]) => captureCli(run, args);

beforeAll(async () => {
  p = await localPipeline();
  tableArgs = ['--table', LOCAL_TABLE, '--endpoint', p.servers.dynamoEndpoint];
  await uploadAll(p, await smallSample());
});
afterAll(() => p?.dispose());

describe('report-cards suppressions', () => {
  it('lists nothing on a fresh table, then each suppressed address with its reason (send records are not listed)', async () => {
    const empty = await capture(['list', ...tableArgs]);
    expect(empty).toMatchObject({ code: 0, stdout: 'No address is suppressed.\n' });

    const bounces = createBounces({ suppressions: p.deps.suppressions, log: () => {} });
    await bounces(snsEvent(bounceRecord(['Member.One@example.org'], 'Permanent')));
    await bounces(snsEvent(complaintRecord(['vice-chair@example.org'])));

    const r = await capture(['list', ...tableArgs]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^member\.one@example\.org +permanent bounce +since \S+ +Permanent\/General .*550 5\.1\.1/);
    expect(lines[1]).toMatch(/^vice-chair@example\.org +complaint +since \S+ +complaint \(abuse\)/);

    const json = await capture(['list', '--json', ...tableArgs]);
    expect(JSON.parse(json.stdout).map((e: { address: string; reason: string }) => [e.address, e.reason])).toEqual([
      [MEMBER, 'permanent-bounce'],
      ['vice-chair@example.org', 'complaint'],
    ]);
    // The ledger's own send records share the table; only suppression items are listed.
    expect((await p.deps.ledger.list(PERIOD)).length).toBeGreaterThan(0);
  });

  it('remove takes an address off (any case), so the next distribution morning sends it what it missed, once', async () => {
    await p.schedule(FINANCE_DAY);
    expect(financeBoardTo(MEMBER)).toEqual([]);
    expect(financeBoardTo('chair@example.org')).toHaveLength(1);

    const r = await capture(['remove', 'Member.One@Example.ORG', ...tableArgs]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Removed ${MEMBER} from the suppression list (permanent bounce since`);
    expect(await p.deps.suppressions.find(MEMBER)).toBeNull();
    expect((await capture(['list', ...tableArgs])).stdout).not.toContain(MEMBER);

    await p.schedule(NEXT_MORNING);
    await p.schedule(NEXT_MORNING);
    expect(financeBoardTo(MEMBER)).toHaveLength(1);
    expect(financeBoardTo('chair@example.org')).toHaveLength(1);
    // Still suppressed: still skipped.
    expect(financeBoardTo('vice-chair@example.org')).toEqual([]);
  });

  it('remove of an address not on the list exits 1 and changes nothing', async () => {
    const r = await capture(['remove', 'chair@example.org', ...tableArgs]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('chair@example.org is not on the suppression list');
    expect(await p.deps.suppressions.find('vice-chair@example.org')).not.toBeNull();
  });

  it('exits 2 on usage errors', async () => {
    const cases = [
      ['list'], // no --table
      [...tableArgs], // no action
      ['purge', ...tableArgs],
      ['remove', ...tableArgs],
      ['remove', 'not-an-address', ...tableArgs],
      ['remove', 'a@example.org', 'b@example.org', ...tableArgs],
      ['list', 'extra', ...tableArgs],
      ['list', '--bogus', ...tableArgs],
    ];
    for (const args of cases) expect([args, (await capture(args)).code]).toEqual([args, 2]);
    expect(await p.deps.suppressions.find('vice-chair@example.org')).not.toBeNull();
  });

  it('exits 1 with the table named when the table cannot be read', async () => {
    const r = await capture(['list', '--table', 'no-such-table', '--endpoint', p.servers.dynamoEndpoint]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot read the table 'no-such-table'");
  });
});
