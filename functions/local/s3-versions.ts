/**
 * S3 bucket versioning for s3rver, which has none (it answers `?versioning` and `?versions` with
 * NotImplemented), and neither has fauxqs. The data bucket in AWS is versioned and ingest reads
 * the exact object version an event names, so the local pipeline needs versions to show that a
 * rejected re-upload never hides the accepted one under the same key. This is a Koa middleware
 * put in front of s3rver's own routes; it keeps every version of a versioned bucket in memory and
 * answers, over HTTP to the real SDK clients:
 * - PutBucketVersioning / GetBucketVersioning (`?versioning`);
 * - PutObject: s3rver stores the object as usual, this adds `x-amz-version-id` to the answer and
 *   `versionId` to the object event, as S3 does for a versioned bucket;
 * - GetObject / HeadObject with `versionId` (any version), and the latest version's id on a plain
 *   GET or HEAD;
 * - DeleteObject without a version (a delete marker), ListObjectVersions (`?versions`, one page).
 * It is a stand-in written from S3's documentation, not S3: it does not version copies or
 * multipart uploads, nor objects written before versioning was enabled.
 */
import { randomBytes } from 'node:crypto';

interface Version {
  versionId: string;
  deleteMarker: boolean;
  lastModified: Date;
  etag: string;
  size: number;
  contentType: string;
  body: Buffer;
}

/** A version is listed once s3rver has stored it; its bytes may still be being read back. */
interface Entry {
  versionId: string;
  ready: Promise<Version>;
}

interface BucketState {
  enabled: boolean;
  objects: Map<string, Entry[]>;
}

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  req: AsyncIterable<Buffer>;
  get(name: string): string;
  status: number;
  body: unknown;
  type: string;
  set(name: string, value: string): void;
  app: { store: { getObject(bucket: string, key: string): Promise<{ content: AsyncIterable<Buffer> | null; metadata: Record<string, string> } | null> } };
}

export interface VersionedS3rver {
  middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void>)[];
  emit(name: string | symbol, ...args: unknown[]): boolean;
}

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function readAll(source: AsyncIterable<Buffer> | null): Promise<Buffer> {
  const parts: Buffer[] = [];
  if (source) for await (const c of source) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** Installs the versioning layer on an s3rver instance before it starts listening. */
export function addS3Versioning(server: VersionedS3rver): void {
  const buckets = new Map<string, BucketState>();
  /** PUTs in flight to a versioned bucket, by bucket and key, until s3rver emits their event. */
  const pending = new Map<string, { id: string; ctx: KoaContext; entry?: Entry }>();
  /** The last PUT queued for each bucket and key: PUTs of one key run one after another. */
  const putQueue = new Map<string, Promise<void>>();
  let sequence = 0;
  const newVersionId = () => `${(++sequence).toString().padStart(8, '0')}.${randomBytes(6).toString('hex')}`;
  const bucketOf = (name: string) => {
    let b = buckets.get(name);
    if (!b) buckets.set(name, (b = { enabled: false, objects: new Map() }));
    return b;
  };

  const emit = server.emit.bind(server);
  // A version exists from the moment s3rver has stored the object, which is when it emits the
  // object event: the event gets the version id, and the version is listed from then on.
  server.emit = (name, ...args) => {
    if (name === 'event') {
      for (const r of (args[0] as { Records?: { eventName: string; s3: { bucket: { name: string }; object: { key: string; versionId?: string } } }[] }).Records ?? []) {
        const slot = `${r.s3.bucket.name}/${r.s3.object.key}`;
        const put = pending.get(slot);
        if (!put || !r.eventName.startsWith('ObjectCreated')) continue;
        pending.delete(slot);
        put.entry = { versionId: put.id, ready: storedVersion(put.ctx, r.s3.bucket.name, r.s3.object.key, put.id) };
        const objects = bucketOf(r.s3.bucket.name).objects;
        objects.set(r.s3.object.key, [...(objects.get(r.s3.object.key) ?? []), put.entry]);
        r.s3.object.versionId = put.id;
      }
    }
    return emit(name, ...args);
  };

  server.middleware.unshift(async (ctx, next) => {
    const [, bucketName, ...rest] = ctx.path.split('/');
    if (!bucketName) return next();
    const key = rest.length ? decodeURIComponent(rest.join('/')) : '';
    const bucket = bucketOf(decodeURIComponent(bucketName));
    const has = (q: string) => Object.hasOwn(ctx.query, q);

    if (!key && has('versioning')) {
      if (ctx.method === 'PUT') {
        const xml = (await readAll(ctx.req)).toString('utf8');
        bucket.enabled = /<Status>\s*Enabled\s*<\/Status>/.test(xml);
        ctx.status = 200;
        ctx.body = '';
      } else {
        ctx.type = 'application/xml';
        ctx.body = `${XML}<VersioningConfiguration xmlns="${NS}">${bucket.enabled ? '<Status>Enabled</Status>' : ''}</VersioningConfiguration>`;
      }
      return;
    }
    if (!bucket.enabled) return next();
    if (!key && has('versions') && ctx.method === 'GET') {
      ctx.type = 'application/xml';
      ctx.body = await listVersions(decodeURIComponent(bucketName), bucket, String(ctx.query.prefix ?? ''));
      return;
    }
    if (!key) return next();
    const entries = bucket.objects.get(key) ?? [];
    const versionId = typeof ctx.query.versionId === 'string' ? ctx.query.versionId : undefined;

    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && versionId !== undefined) {
      const entry = entries.find((e) => e.versionId === versionId);
      const v = entry ? await entry.ready : null;
      if (!v || v.deleteMarker) {
        ctx.status = 404;
        ctx.type = 'application/xml';
        ctx.body = `${XML}<Error><Code>${v ? 'NoSuchKey' : 'NoSuchVersion'}</Code><Message>The specified version does not exist.</Message><Key>${esc(key)}</Key><VersionId>${esc(versionId)}</VersionId></Error>`;
        return;
      }
      ctx.status = 200;
      ctx.set('Last-Modified', v.lastModified.toUTCString());
      ctx.set('ETag', v.etag);
      ctx.set('x-amz-version-id', v.versionId);
      ctx.set('Accept-Ranges', 'bytes');
      ctx.type = v.contentType;
      ctx.body = ctx.method === 'HEAD' ? null : v.body;
      ctx.set('Content-Length', String(v.size));
      return;
    }
    const isPut = ctx.method === 'PUT' && !ctx.get('x-amz-copy-source') && !has('uploadId') && !has('tagging') && !has('acl');
    if (isPut) {
      const put: { id: string; ctx: KoaContext; entry?: Entry } = { id: newVersionId(), ctx };
      const slot = `${decodeURIComponent(bucketName)}/${key}`;
      // One PUT per key at a time: s3rver keeps only the latest object, and a version is read back
      // from it after its event, so two PUTs of one key in flight would swap ids or bytes.
      const previous = putQueue.get(slot) ?? Promise.resolve();
      let release!: () => void;
      const queued = previous.then(() => new Promise<void>((r) => (release = r)));
      putQueue.set(slot, queued);
      await previous;
      try {
        pending.set(slot, put);
        try {
          await next();
        } finally {
          if (pending.get(slot) === put) pending.delete(slot);
        }
        if (put.entry) {
          await put.entry.ready;
          ctx.set('x-amz-version-id', put.id);
        }
      } finally {
        release();
        if (putQueue.get(slot) === queued) putQueue.delete(slot);
      }
      return;
    }
    await next();
    if (ctx.method === 'DELETE' && versionId === undefined && ctx.status < 300 && entries.length) {
      const marker: Version = { versionId: newVersionId(), deleteMarker: true, lastModified: new Date(), etag: '', size: 0, contentType: '', body: Buffer.alloc(0) };
      bucket.objects.set(key, [...entries, { versionId: marker.versionId, ready: Promise.resolve(marker) }]);
    } else if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.status === 200 && entries.length) {
      ctx.set('x-amz-version-id', entries[entries.length - 1].versionId);
    }
  });
}

/** Reads back what s3rver stored for a PUT (the request body is s3rver's to consume). */
async function storedVersion(ctx: KoaContext, bucket: string, key: string, versionId: string): Promise<Version> {
  const obj = await ctx.app.store.getObject(bucket, key);
  if (!obj) throw new Error(`s3rver lost ${bucket}/${key} while it was being versioned`);
  const body = await readAll(obj.content);
  return {
    versionId,
    deleteMarker: false,
    lastModified: new Date(obj.metadata['last-modified']),
    etag: obj.metadata.etag,
    size: body.length,
    contentType: obj.metadata['content-type'] ?? 'binary/octet-stream',
    body,
  };
}

async function listVersions(name: string, bucket: BucketState, prefix: string): Promise<string> {
  const rows: string[] = [];
  for (const key of [...bucket.objects.keys()].filter((k) => k.startsWith(prefix)).sort()) {
    const versions = await Promise.all(bucket.objects.get(key)!.map((e) => e.ready));
    versions.reverse().forEach((v, i) => {
      const common = `<Key>${esc(key)}</Key><VersionId>${esc(v.versionId)}</VersionId><IsLatest>${i === 0}</IsLatest><LastModified>${v.lastModified.toISOString()}</LastModified>`;
      rows.push(v.deleteMarker ? `<DeleteMarker>${common}</DeleteMarker>` : `<Version>${common}<ETag>${esc(v.etag)}</ETag><Size>${v.size}</Size><StorageClass>STANDARD</StorageClass></Version>`);
    });
  }
  return `${XML}<ListVersionsResult xmlns="${NS}"><Name>${esc(name)}</Name><Prefix>${esc(prefix)}</Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>${Math.max(1000, rows.length)}</MaxKeys><IsTruncated>false</IsTruncated>${rows.join('')}</ListVersionsResult>`;
}
