/**
 * The pipeline's CloudWatch metrics, end to end through the local servers: each handler run as the
 * Lambda entry runs it (metered), its EMF read back from stdout and checked against what the
 * handlers report they did.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { metered, PowertoolsMetrics } from '../../functions/adapters/metrics.ts';
import { createIngest } from '../../functions/handlers/ingest.ts';
import { createRender } from '../../functions/handlers/render.ts';
import { createDistribute } from '../../functions/handlers/distribute.ts';
import { awsS3Event } from '../../functions/local/event-bus.ts';
import { LOCAL_BUCKET } from '../../functions/local/pipeline.ts';
import { localPipeline } from '../support/local.ts';
import { captureEmf, total } from '../support/emf.ts';
import { PERIOD, smallSample } from '../e2e/helpers.ts';

type P = Awaited<ReturnType<typeof localPipeline>>;
let p: P;
let sample: string;
const metrics = new PowertoolsMetrics('AscReportCards', 'asc-report-cards-test');

beforeAll(async () => {
  sample = await smallSample();
  p = await localPipeline();
  p.bus.paused = true; // the handlers are called here, one by one
});
afterAll(() => p?.dispose());

const event = (key: string) => awsS3Event(LOCAL_BUCKET, key, 1);

describe('pipeline metrics (EMF)', () => {
  it('counts a rejected upload and the rejection email sent', async () => {
    const ingest = metered(createIngest({ ...p.deps, metrics }), metrics);
    await p.store.put('reference/population/population.csv', 'not,a,population\nfile', 'text/csv');
    const records = await captureEmf(() => ingest(event('reference/population/population.csv')));
    expect(records.map((r) => r.namespace)).toEqual(['AscReportCards']);
    expect(total(records, 'UploadsRejected')).toBe(1);
    expect(total(records, 'UploadsAccepted')).toBe(0);
    expect(total(records, 'EmailsSent')).toBe(p.sent.length);
    expect(p.sent.length).toBeGreaterThan(0);
  });

  it('counts accepted uploads, the packs rendered and the previews sent', async () => {
    const ingest = metered(createIngest({ ...p.deps, metrics }), metrics);
    const kinds = [
      ['population', 'reference/population/population.csv'],
      ['targets', 'reference/targets/targets.csv'],
      ['events', 'extracts/events/events.csv'],
    ] as const;
    const ingested = await captureEmf(async () => {
      for (const [kind, key] of kinds) {
        await p.store.put(key, await readFile(path.join(sample, `${kind}.csv`)), 'text/csv');
        await ingest(event(key));
      }
    });
    expect(total(ingested, 'UploadsAccepted')).toBe(3);
    expect(total(ingested, 'UploadsRejected')).toBe(0);

    const render = metered(createRender({ ...p.deps, metrics }), metrics);
    let rendered: string[] = [];
    const renderRecords = await captureEmf(async () => {
      rendered = (await render(event(`measures/${PERIOD}.json`))).rendered;
    });
    expect(rendered.length).toBeGreaterThan(0);
    expect(total(renderRecords, 'PacksRendered')).toBe(rendered.length);

    const before = p.sent.length;
    const distribute = metered(createDistribute({ ...p.deps, metrics }), metrics);
    const manifests = (await p.store.list(`reports/${PERIOD}/`)).filter((o) => o.key.endsWith('.json'));
    let sent = 0;
    const sendRecords = await captureEmf(async () => {
      for (const m of manifests) sent += (await distribute(event(m.key))).sent;
    });
    expect(sent).toBeGreaterThan(0);
    expect(total(sendRecords, 'EmailsSent')).toBe(p.sent.length - before);
    expect(total(sendRecords, 'EmailsFailed')).toBe(0);
  });
});
