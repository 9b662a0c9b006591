/** The schedule handler's configuration failures are loud, not silent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { fixedClock } from '../../functions/adapters/clock.ts';
import { LOCAL_BUCKET } from '../../functions/local/pipeline.ts';
import { RECIPIENTS_KEY } from '../../functions/core/pipeline/recipients.ts';
import { localPipeline } from '../support/local.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;
let p: P;

beforeAll(async () => {
  p = await localPipeline();
});
afterAll(() => p?.dispose());

describe('schedule', () => {
  it('does nothing and reads nothing else on an ordinary day', async () => {
    await expect(p.schedule(fixedClock('2021-12-08T07:00:00Z'))).resolves.toEqual({ today: '2021-12-08', distributed: [], reminded: false });
  });

  it('fails with the reason when the recipients configuration is missing on a distribution day', async () => {
    await p.s3.send(new DeleteObjectCommand({ Bucket: LOCAL_BUCKET, Key: RECIPIENTS_KEY }));
    await expect(p.schedule(fixedClock('2021-12-07T07:00:00Z'))).rejects.toThrow(/config\/recipients.json is missing/);
  });

  it('fails on a bad recipients file naming the problem', async () => {
    await p.store.put(RECIPIENTS_KEY, JSON.stringify({ lists: { board: ['nobody'] } }), 'application/json');
    await expect(p.schedule(fixedClock('2021-12-07T07:00:00Z'))).rejects.toThrow(/recipients.json is invalid/);
  });
});
