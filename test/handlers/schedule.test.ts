/**
 * The schedule handler: which day it acts on (Europe/London dates, bank holidays skipped) and
 * configuration failures that are loud, not silent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FIXTURE_TEMPLATES_DIR } from '../support/project-files.ts';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { fixedClock } from '../../functions/adapters/clock.ts';
import { createSchedule } from '../../functions/handlers/schedule.ts';
import { LOCAL_BUCKET } from '../../functions/local/pipeline.ts';
import { RECIPIENTS_KEY } from '../../functions/core/pipeline/recipients.ts';
import { localPipeline } from '../support/local.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;
let p: P;

beforeAll(async () => {
  p = await localPipeline();
});
afterAll(() => p?.dispose());

/** A copy of the test templates whose scrutiny-board pack goes out on the 2nd working day. */
async function firstWorkingDayTemplates(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-templates-'));
  await cp(FIXTURE_TEMPLATES_DIR, dir, { recursive: true });
  const file = path.join(dir, 'packs', 'scrutiny-board.json');
  const pack = JSON.parse(await readFile(file, 'utf8'));
  pack.distribution.workingDay = 2;
  await writeFile(file, JSON.stringify(pack));
  return dir;
}

describe('schedule: which day', () => {
  it('acts on the London date across the clock change, and skips a substitute bank holiday', async () => {
    const templatesDir = await firstWorkingDayTemplates();
    const run = (at: string) => createSchedule({ ...p.deps, templatesDir, clock: fixedClock(at) })({});
    // April 2025 starts on a Tuesday: the 2nd working day is Wednesday the 2nd. At 23:30 UTC on the
    // 1st it is already the 2nd in London (BST); at 22:30 UTC it is still the 1st.
    expect(await run('2025-04-01T23:30:00Z')).toMatchObject({ today: '2025-04-02', due: ['scrutiny-board'] });
    expect(await run('2025-04-01T22:30:00Z')).toMatchObject({ today: '2025-04-01', due: [] });
    // January 2022: the 3rd is the substitute New Year's Day, so the working days start on the 4th
    // and the 2nd working day is the 5th.
    expect(await run('2022-01-03T07:00:00Z')).toMatchObject({ due: [] });
    expect(await run('2022-01-04T07:00:00Z')).toMatchObject({ due: [] });
    expect(await run('2022-01-05T07:00:00Z')).toMatchObject({ due: ['scrutiny-board'] });
    // Later working days of the month are still due (a late approval goes the next morning).
    expect(await run('2022-01-06T07:00:00Z')).toMatchObject({ due: ['scrutiny-board'] });
    // Nothing approved for those periods, so nothing was sent.
    expect(p.sent).toHaveLength(0);
  });
});

describe('schedule: configuration', () => {
  it('does nothing and reads nothing else before any pack is due', async () => {
    await expect(p.schedule(fixedClock('2021-12-06T07:00:00Z'))).resolves.toEqual({ today: '2021-12-06', due: [], reminded: false });
  });

  it('fails with the reason when the recipients configuration is missing on a distribution day', async () => {
    await p.s3.send(new DeleteObjectCommand({ Bucket: LOCAL_BUCKET, Key: RECIPIENTS_KEY }));
    await expect(p.schedule(fixedClock('2021-12-07T07:00:00Z'))).rejects.toThrow(/config\/recipients.json is missing/);
    // The failure is in the run history too, with its reason.
    const runs = await Promise.all((await p.store.list('runs/')).map(async (o) => JSON.parse(Buffer.from((await p.store.getBytes(o.key))!).toString('utf8'))));
    expect(runs.find((r) => r.outcome === 'failed')?.notes).toEqual([expect.stringMatching(/^failed: config\/recipients.json is missing/)]);
  });

  it('fails on a bad recipients file naming the problem', async () => {
    await p.store.put(RECIPIENTS_KEY, JSON.stringify({ lists: { board: ['nobody'] } }), 'application/json');
    await expect(p.schedule(fixedClock('2021-12-07T07:00:00Z'))).rejects.toThrow(/recipients.json is invalid/);
  });
});
