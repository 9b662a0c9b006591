/**
 * The local event bus on its own: routing by the notification rules, AWS's key encoding, order,
 * and idle() waiting for events caused by events. The stage functions here only record what they
 * were given (the real handlers are exercised in test/e2e).
 */
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../functions/local/event-bus.ts';
import { rulesFromLayout } from '../../functions/local/notifications.ts';
import { parseS3Event } from '../../functions/core/pipeline/s3-event.ts';

const s3rverEvent = (key: string) => ({
  Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'b', arn: 'arn:aws:s3: : :b' }, object: { key, size: 3, eTag: 'e', sequencer: '1' } } }],
});

describe('EventBus', () => {
  it('encodes keys as S3 does, routes by prefix and suffix, and waits for follow-on events', async () => {
    const seen: string[] = [];
    let bus!: EventBus;
    const record = (stage: string) => async (event: unknown) => {
      const raw = (event as { Records: { s3: { object: { key: string }; bucket: { arn: string } } }[] }).Records[0];
      seen.push(`${stage} ${raw.s3.object.key} ${raw.s3.bucket.arn}`);
      // A stage's output causes the next event, as a handler's S3 write would.
      if (stage === 'ingest') bus.fromS3rver(s3rverEvent('measures/2021-11.json'));
      if (stage === 'render') bus.fromS3rver(s3rverEvent('reports/2021-11/p/v.json'));
      return parseS3Event(event);
    };
    bus = new EventBus(rulesFromLayout(), { ingest: record('ingest'), render: record('render'), distribute: record('distribute') });
    bus.fromS3rver(s3rverEvent('extracts/events/Nov 2021+final.csv'));
    bus.fromS3rver(s3rverEvent('reports/2021-11/p/v.pdf'));
    await bus.idle();
    expect(seen).toEqual([
      'ingest extracts/events/Nov+2021%2Bfinal.csv arn:aws:s3:::b',
      'render measures/2021-11.json arn:aws:s3:::b',
      'distribute reports/2021-11/p/v.json arn:aws:s3:::b',
    ]);
    expect(bus.delivered.map((d) => d.stage)).toEqual(['ingest', 'render', 'distribute']);
  });

  it('records a failing stage and carries on with the next event', async () => {
    const bus = new EventBus(rulesFromLayout(), {
      ingest: async () => {
        throw new Error('boom');
      },
      render: async () => 'ok',
      distribute: async () => 'ok',
    });
    bus.fromS3rver(s3rverEvent('extracts/events/a.csv'));
    bus.fromS3rver(s3rverEvent('measures/2021-11.json'));
    await bus.idle();
    expect(bus.errors().map((e) => `${e.stage}: ${e.error?.message}`)).toEqual(['ingest: boom']);
    expect(bus.delivered.map((d) => d.stage)).toEqual(['ingest', 'render']);
  });
});
