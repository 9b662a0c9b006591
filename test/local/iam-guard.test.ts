/**
 * The local pipeline gives each stage only what its IAM role allows (infra/access.ts), answering as
 * AWS would: DynamoDB AccessDeniedException for a ledger key outside the stage's families, SES
 * refusing a message to an address outside its lists. Real servers (dynalite, aws-ses-v2-local).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMime } from '../../functions/core/mail/compose.ts';
import { packSendKey, rejectionSendKey } from '../../functions/core/pipeline/ledger-keys.ts';
import { suppressionKey } from '../../functions/core/pipeline/suppression.ts';
import { AccessDeniedException } from '../../functions/local/iam-guard.ts';
import { LOCAL_SENDER } from '../../functions/local/pipeline.ts';
import { sesStoreCount } from '../e2e/helpers.ts';
import { localPipeline } from '../support/local.ts';

let p: Awaited<ReturnType<typeof localPipeline>>;
beforeAll(async () => {
  p = await localPipeline();
});
afterAll(() => p.dispose());

const at = new Date('2021-12-07T09:00:00Z');
const claim = (stage: 'ingest' | 'distribute' | 'schedule' | 'render', key: string) =>
  p.depsOf(stage).ledger.claim({ key, recipient: 'performance@example.org', purpose: 'test', at });

describe('ledger writes per stage (dynamodb:LeadingKeys)', () => {
  it('lets a stage write its own key families and refuses the rest, writing nothing', async () => {
    const preview = packSendKey('2021-11', 'scrutiny-board', 'v1', 'preview', 'performance@example.org');
    expect(await claim('distribute', preview)).toEqual({ claimed: true });
    await expect(claim('distribute', suppressionKey('chair@example.org'))).rejects.toThrow(AccessDeniedException);
    await expect(claim('distribute', packSendKey('2021-11', 'scrutiny-board', 'v1', 'board', 'chair@example.org'))).rejects.toThrow(
      /distribute may not write ledger key 2021-11#scrutiny-board#v1#board#chair@example.org/,
    );
    await expect(claim('ingest', preview)).rejects.toThrow(AccessDeniedException);
    await expect(claim('render', rejectionSendKey('extracts/events/e.csv', '2021-12-01T00:00:00.000Z', 'performance@example.org'))).rejects.toThrow(
      AccessDeniedException,
    );
    await expect(p.depsOf('schedule').ledger.markSent(preview, 'm-1', at)).rejects.toThrow(AccessDeniedException);
    // Reads are the whole table's; the refused writes left nothing behind.
    expect(await p.depsOf('schedule').ledger.get(suppressionKey('chair@example.org'))).toBeNull();
    expect((await p.depsOf('schedule').ledger.get(preview))?.status).toBe('pending');
  });
});

describe('SES recipients per stage (ses:Recipients)', () => {
  const raw = (to: string) => composeMime({ from: LOCAL_SENDER, to: [to], subject: 'test', text: 'test', date: at, messageId: '<t@example.org>' });

  it('sends to the lists the stage mails and refuses anyone else without reaching SES', async () => {
    const before = await sesStoreCount(p);
    // ingest mails the performance team only; schedule also the board.
    expect(await p.depsOf('ingest').mailer.sendRaw(await raw('performance@example.org'), ['performance@example.org'])).toMatchObject({ status: 'sent' });
    expect(await p.depsOf('ingest').mailer.sendRaw(await raw('chair@example.org'), ['chair@example.org'])).toEqual({
      status: 'rejected',
      code: 'AccessDenied',
      message: 'ingest is not authorized to send to chair@example.org (ses:Recipients; infra/access.ts)',
      attempts: 1,
    });
    expect(await p.depsOf('schedule').mailer.sendRaw(await raw('chair@example.org'), ['chair@example.org'])).toMatchObject({ status: 'sent' });
    expect(await p.depsOf('distribute').mailer.sendRaw(await raw('stranger@example.net'), ['stranger@example.net'])).toMatchObject({ status: 'rejected' });
    expect(await p.depsOf('render').mailer.sendRaw(await raw('performance@example.org'), ['performance@example.org'])).toMatchObject({ status: 'rejected' });
    expect(await sesStoreCount(p)).toBe(before + 2);
  });
});
