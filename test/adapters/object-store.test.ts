import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, DeleteObjectCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { S3ObjectStore, s3ClientFor } from '../../functions/adapters/object-store.ts';
import { startLocalServers, type LocalServers } from '../../functions/local/servers.ts';
import { sameInstant } from '../../functions/core/pipeline/instants.ts';
import { startFauxqsStore } from '../support/fauxqs.ts';

let servers: LocalServers;
let store: S3ObjectStore;

beforeAll(async () => {
  servers = await startLocalServers({ s3Dir: await mkdtemp(path.join(os.tmpdir(), 'rc-store-')) });
  const s3 = s3ClientFor(servers.s3Endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: 'store-test' }));
  store = new S3ObjectStore(s3, 'store-test');
});
afterAll(() => servers.close());

async function collect(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

describe('S3ObjectStore against s3rver', () => {
  it('puts and streams back the exact bytes, with size and lastModified, for keys with spaces and plus signs', async () => {
    const bytes = new Uint8Array(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    await store.put('extracts/events/Nov 2021+v2.csv', bytes, 'text/csv');
    const got = await store.getStream('extracts/events/Nov 2021+v2.csv');
    expect(got?.size).toBe(70_000);
    expect(got?.lastModified).toBeInstanceOf(Date);
    expect(Buffer.compare(await collect(got!.body), Buffer.from(bytes))).toBe(0);
    expect((await store.head('extracts/events/Nov 2021+v2.csv'))?.size).toBe(70_000);
  });

  it('returns null for a missing object rather than throwing', async () => {
    expect(await store.getStream('nope.csv')).toBeNull();
    expect(await store.getBytes('nope.csv')).toBeNull();
    expect(await store.head('nope.csv')).toBeNull();
  });

  it('lists by prefix only', async () => {
    await store.put('runs/a.json', '{}', 'application/json');
    await store.put('runs/b.json', '{}', 'application/json');
    await store.put('runsx/c.json', '{}', 'application/json');
    expect((await store.list('runs/')).map((o) => o.key).sort()).toEqual(['runs/a.json', 'runs/b.json']);
  });

  it('presigns a GET link that fetches the object', async () => {
    await store.put('reports/2021-11/p/v.pdf', '%PDF-1.3 test', 'application/pdf');
    const url = await store.presignGet('reports/2021-11/p/v.pdf', 600);
    expect(url).toContain('X-Amz-Expires=600');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('%PDF-1.3 test');
  });
});

describe('S3ObjectStore against fauxqs (a second S3 server, listings with milliseconds)', () => {
  it('round-trips bytes, and its listing and GetObject name the same instant at whole seconds', async () => {
    const second = await startFauxqsStore('store-test');
    try {
      const bytes = Buffer.from('la_code,x\r\nE08000018,1\r\n');
      await second.store.put('extracts/events/Nov 2021+v2.csv', bytes, 'text/csv');
      const got = await second.store.getStream('extracts/events/Nov 2021+v2.csv');
      expect(Buffer.compare(await collect(got!.body), bytes)).toBe(0);
      const [listed] = await second.store.list('extracts/events/');
      expect(listed.key).toBe('extracts/events/Nov 2021+v2.csv');
      // GetObject's Last-Modified is an HTTP date: whole seconds.
      expect(got!.lastModified.getTime() % 1000).toBe(0);
      expect(sameInstant(listed.lastModified, got!.lastModified)).toBe(true);
    } finally {
      await second.close();
    }
  });
});

describe('S3ObjectStore over versions (s3rver with functions/local/s3-versions.ts)', () => {
  it('lists every version newest first, reads each by id, and drops a key whose latest version is a delete marker', async () => {
    const s3 = s3ClientFor(servers.s3Endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: 'versioned-test' }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'versioned-test', VersioningConfiguration: { Status: 'Enabled' } }));
    const versioned = new S3ObjectStore(s3, 'versioned-test', { versioned: true });
    await versioned.put('extracts/events/a b+c.csv', 'first', 'text/csv');
    await versioned.put('extracts/events/a b+c.csv', 'second!', 'text/csv');
    await versioned.put('extracts/events/gone.csv', 'x', 'text/csv');
    await s3.send(new DeleteObjectCommand({ Bucket: 'versioned-test', Key: 'extracts/events/gone.csv' }));
    const versions = await versioned.listVersions('extracts/events/');
    expect(versions.map((v) => [v.key, v.size])).toEqual([
      ['extracts/events/a b+c.csv', 7],
      ['extracts/events/a b+c.csv', 5],
    ]);
    const [second, first] = versions;
    expect(Buffer.from((await versioned.getBytes(first.key, first.versionId))!).toString()).toBe('first');
    const latest = await versioned.getStream(first.key);
    expect(latest?.versionId).toBe(second.versionId);
    expect((await collect(latest!.body)).toString()).toBe('second!');
    expect(await versioned.getBytes(first.key, 'no-such-version')).toBeNull();
  });

  it('without versioning, lists the current objects with no version id', async () => {
    expect((await store.listVersions('extracts/events/Nov')).map((v) => [v.key, v.versionId])).toEqual([['extracts/events/Nov 2021+v2.csv', null]]);
  });
});
