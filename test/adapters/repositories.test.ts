/**
 * The typed records over the real S3 adapter (s3rver): what each repository reads back, what it
 * skips when a listing holds something the pipeline did not write, and where it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { S3ObjectStore, s3ClientFor } from '../../functions/adapters/object-store.ts';
import { repositoriesOf, StoredRecordError } from '../../functions/adapters/repositories.ts';
import { startLocalServers, type LocalServers } from '../../functions/local/servers.ts';
import type { Manifest } from '../../functions/core/pipeline/manifest.ts';
import type { Repositories } from '../../functions/core/pipeline/repositories.ts';
import type { ValidationRecord } from '../../functions/core/pipeline/uploads-state.ts';

let servers: LocalServers;
let store: S3ObjectStore;
let repos: Repositories;

beforeAll(async () => {
  servers = await startLocalServers({ s3Dir: await mkdtemp(path.join(os.tmpdir(), 'rc-repos-')) });
  const s3 = s3ClientFor(servers.s3Endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: 'repos-test' }));
  store = new S3ObjectStore(s3, 'repos-test');
  repos = repositoriesOf(store);
});
afterAll(() => servers.close());

const manifest = (version: string, generatedAt: string): Manifest => ({
  period: '2021-11',
  packId: 'scrutiny',
  packTitle: 'Scrutiny',
  committee: 'Health Select Commission',
  version,
  revised: false,
  revision: 0,
  generatedAt,
  pdfKey: `reports/2021-11/scrutiny/${version}.pdf`,
  pdfBytes: 100,
  pages: 2,
  measuresKey: 'measures/2021-11.json',
  summary: { rag: { red: 0, amber: 0, green: 0, none: 0 }, changed: [], compared: null, rows: [] },
});

describe('manifests', () => {
  it('lists a pack month newest first, skipping what is not a manifest the render stage wrote', async () => {
    await repos.manifests.put(manifest('v1', '2021-12-01T09:00:00.000Z'));
    await repos.manifests.put(manifest('v2', '2021-12-02T09:00:00.000Z'));
    await store.put('reports/2021-11/scrutiny/broken.json', '{ not json', 'application/json');
    await store.put('reports/2021-11/scrutiny/other.json', '{"period":"2021-11"}', 'application/json');
    await store.put('reports/2021-11/scrutiny/v2.pdf', '%PDF', 'application/pdf');
    expect((await repos.manifests.ofPack('2021-11', 'scrutiny')).map((m) => m.version)).toEqual(['v2', 'v1']);
    expect(await repos.manifests.ofPack('2021-11', 'scrut')).toEqual([]);
  });

  it('gets one by key: null when gone, and a refusal naming the key when it is not a manifest', async () => {
    expect((await repos.manifests.get('reports/2021-11/scrutiny/v1.json'))?.generatedAt).toBe('2021-12-01T09:00:00.000Z');
    expect(await repos.manifests.get('reports/2021-11/scrutiny/v9.json')).toBeNull();
    await expect(repos.manifests.get('reports/2021-11/scrutiny/other.json')).rejects.toThrow(StoredRecordError);
    await expect(repos.manifests.get('reports/2021-11/scrutiny/broken.json')).rejects.toThrow(/reports\/2021-11\/scrutiny\/broken\.json/);
  });
});

describe('validation records', () => {
  const record: ValidationRecord = {
    key: 'extracts/events/events.csv',
    kind: 'events',
    lastModified: '2021-12-01T09:00:00.000Z',
    versionId: 'v+1/x',
    size: 10,
    accepted: true,
    rows: 1,
    errorCount: 0,
    warningCount: 0,
    errorCountsByRule: {},
    refused: null,
    validatedAt: '2021-12-01T09:00:01.000Z',
    period: '2021-11',
  };
  it('keeps one record per version, apart from the record written before versions', async () => {
    await repos.validations.put(record);
    expect(await repos.validations.get(record.key, 'v+1/x')).toEqual(record);
    expect(await repos.validations.get(record.key)).toBeNull();
    expect(await repos.validations.get(record.key, 'v2')).toBeNull();
    await store.put('validation/extracts/events/junk.json', 'junk', 'application/json');
    expect(await repos.validations.under('extracts/events/')).toEqual([record]);
  });
});

describe('measures', () => {
  it('reads the exact text, the document when it is one, and the uploads it came from', async () => {
    expect(await repos.measures.get('2021-10')).toBeNull();
    await repos.measures.put('2021-10', '{"period":"2021-10","uploads":{"events":"extracts/events/e.csv"}}');
    const stored = await repos.measures.get('2021-10');
    expect(stored).toMatchObject({ key: 'measures/2021-10.json', text: '{"period":"2021-10","uploads":{"events":"extracts/events/e.csv"}}', document: null });
    expect(stored!.uploads).toEqual({ events: 'extracts/events/e.csv' });
  });
});

describe('approvals', () => {
  it('exists whether or not its body is a record; the record when it is one', async () => {
    expect(await repos.approvals.exists('2021-11', 'scrutiny', 'v1')).toBe(false);
    expect(await repos.approvals.get('2021-11', 'scrutiny', 'v1')).toEqual({ found: false, record: null });
    await repos.approvals.put('2021-11', 'scrutiny', 'v1', { approvedBy: 'clerk', at: '2021-12-03T10:00:00.000Z' });
    expect(await repos.approvals.get('2021-11', 'scrutiny', 'v1')).toEqual({ found: true, record: { approvedBy: 'clerk', at: '2021-12-03T10:00:00.000Z' } });
    await store.put('approvals/2021-11/scrutiny/v2.json', 'approved by hand', 'text/plain');
    expect(await repos.approvals.exists('2021-11', 'scrutiny', 'v2')).toBe(true);
    expect(await repos.approvals.get('2021-11', 'scrutiny', 'v2')).toEqual({ found: true, record: null });
  });
});
