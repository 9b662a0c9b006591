/**
 * `report-cards approve` against the local pipeline's bucket (s3rver, reached with --bucket and
 * --endpoint as an officer reaches AWS): the approval object it writes is the one the schedule
 * honours, so the board gets the approved version on the distribution day and not before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/adapters/clock.ts';
import { run } from '../../functions/cli/commands/approve.ts';
import { approvalRecordSchema } from '../../functions/core/pipeline/approval.ts';
import { manifestRepository } from '../../functions/adapters/repositories.ts';
import { approvalKey } from '../../functions/core/pipeline/manifest.ts';
import { LOCAL_BUCKET, LOCAL_RECIPIENTS } from '../../functions/local/pipeline.ts';
import { captureCli } from '../support/cli.ts';
import { localPipeline } from '../support/local.ts';
import { correctedEvents, parse, PERIOD, smallSample, uploadAll } from '../e2e/helpers.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;
let p: P;
let sample: string;
let bucketArgs: string[];

// scrutiny-board (manual approval) is due from the 5th working day of December 2021: the 7th.
const SCRUTINY_DAY = fixedClock('2021-12-07T07:00:00Z');
const NEXT_MORNING = fixedClock('2021-12-08T07:00:00Z');
const BOARD = [...LOCAL_RECIPIENTS.lists.board!, ...LOCAL_RECIPIENTS.lists.clerks!].sort();

const boardSends = (version: string) => p.sent.filter((m) => m.ledgerKey.startsWith(`${PERIOD}#scrutiny-board#${version}#board#`));
const approvals = async () => (await p.store.list('approvals/')).map((o) => o.key).sort();

const capture = (args: string[]) => captureCli(run, args);

beforeAll(async () => {
  sample = await smallSample();
  p = await localPipeline();
  await uploadAll(p, sample);
  bucketArgs = ['--bucket', LOCAL_BUCKET, '--endpoint', p.servers.s3Endpoint];
});
afterAll(() => p?.dispose());

describe('report-cards approve', () => {
  it('refuses a version that was never rendered, and a pack or month with nothing rendered, writing nothing', async () => {
    const [v1] = await manifestRepository(p.store).ofPack(PERIOD, 'scrutiny-board');
    expect(v1).toBeDefined();

    const wrong = await capture(['--period', PERIOD, '--pack', 'scrutiny-board', '--version', 'abc123', ...bucketArgs]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`version 'abc123' of pack 'scrutiny-board' was never rendered for ${PERIOD}`);
    expect(wrong.stderr).toContain(v1!.version); // the versions that do exist are named

    const month = await capture(['--period', '2021-10', '--pack', 'scrutiny-board', ...bucketArgs]);
    expect(month.code).toBe(1);
    expect(month.stderr).toContain(`no version of pack 'scrutiny-board' has been rendered for 2021-10`);

    const pack = await capture(['--period', PERIOD, '--pack', 'no-such-pack', ...bucketArgs]);
    expect(pack.code).toBe(1);
    expect(await approvals()).toEqual([]);
  });

  it('exits 2 on usage errors', async () => {
    const base = ['--period', PERIOD, '--pack', 'scrutiny-board'];
    expect((await capture(base)).stderr).toContain('--bucket is required');
    expect((await capture(base)).code).toBe(2);
    expect((await capture(['--pack', 'scrutiny-board', ...bucketArgs])).code).toBe(2);
    const badMonth = await capture(['--period', '2021-13', '--pack', 'scrutiny-board', ...bucketArgs]);
    expect(badMonth.code).toBe(2);
    expect(badMonth.stderr).toContain("--period '2021-13' is not a month YYYY-MM");
    expect((await capture([...base, '--pack', '../x', ...bucketArgs])).code).toBe(2);
    expect((await capture([...base, '--version', 'a/b', ...bucketArgs])).code).toBe(2);
    expect((await capture([...base, ...bucketArgs, '--bogus'])).code).toBe(2);
    expect((await capture([...base, ...bucketArgs, 'extra'])).code).toBe(2);
    expect(await approvals()).toEqual([]);
  });

  it('without --version approves the rendered version; the schedule then sends it to board and clerks, once', async () => {
    // Not approved yet: the distribution day sends nothing of this pack.
    await p.schedule(SCRUTINY_DAY);
    const [v1] = await manifestRepository(p.store).ofPack(PERIOD, 'scrutiny-board');
    expect(boardSends(v1!.version)).toEqual([]);

    const r = await capture(['--period', PERIOD, '--pack', 'scrutiny-board', '--by', 'Jo Officer', ...bucketArgs]);
    expect(r.code).toBe(0);
    const key = approvalKey(PERIOD, 'scrutiny-board', v1!.version);
    expect(r.stdout).toContain(`Approved by Jo Officer`);
    expect(r.stdout).toContain(`s3://${LOCAL_BUCKET}/${key}`);
    expect(await approvals()).toEqual([key]);
    const record = approvalRecordSchema.parse(JSON.parse(Buffer.from((await p.store.getBytes(key))!).toString('utf8')));
    expect(record.approvedBy).toBe('Jo Officer');
    expect(Number.isNaN(Date.parse(record.at))).toBe(false);

    await p.schedule(SCRUTINY_DAY);
    expect(boardSends(v1!.version).map((m) => m.recipient).sort()).toEqual(BOARD);
    await p.schedule(NEXT_MORNING);
    expect(boardSends(v1!.version)).toHaveLength(BOARD.length);

    // Approving again leaves the first approval as it was.
    const again = await capture(['--period', PERIOD, '--pack', 'scrutiny-board', '--version', v1!.version, '--by', 'Someone Else', ...bucketArgs]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Already approved by Jo Officer');
    expect(approvalRecordSchema.parse(JSON.parse(Buffer.from((await p.store.getBytes(key))!).toString('utf8')))).toEqual(record);
  });

  it('after a corrected extract, approves the newest version by default (an older one only when named)', async () => {
    await p.store.put('extracts/events/events v2.csv', await correctedEvents(sample), 'text/csv');
    await p.bus.idle();
    expect(p.bus.errors()).toEqual([]);
    const [v2, v1] = await manifestRepository(p.store).ofPack(PERIOD, 'scrutiny-board');
    expect(v2!.version).not.toBe(v1!.version);
    expect(v2!.revised).toBe(true);

    const older = await capture(['--period', PERIOD, '--pack', 'scrutiny-board', '--version', v1!.version, ...bucketArgs]);
    expect(older.code).toBe(0);
    expect(older.stdout).toContain('Already approved');
    expect(older.stdout).toContain('a newer version has been rendered');

    const r = await capture(['--period', PERIOD, '--pack', 'scrutiny-board', ...bucketArgs]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`version ${v2!.version}`);
    expect(await approvals()).toEqual([approvalKey(PERIOD, 'scrutiny-board', v1!.version), approvalKey(PERIOD, 'scrutiny-board', v2!.version)].sort());

    // The next working morning the board gets the corrected version, marked Revised, once each.
    await p.schedule(NEXT_MORNING);
    const revised = boardSends(v2!.version);
    expect(revised.map((m) => m.recipient).sort()).toEqual(BOARD);
    expect((await parse(revised[0]!)).subject).toMatch(/^Revised: /);
  });
});
