/**
 * The object store over S3 (or s3rver locally: path-style, checksums only when required). With
 * `versioned`, uploads are read by version: GetObject with VersionId, ListObjectVersions. The
 * data bucket in AWS is versioned; fauxqs and a bare s3rver are not.
 */
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Readable } from 'node:stream';
import type { ObjectStore, ObjectVersion, StoredObject } from '../core/pipeline/ports.ts';
import { traced } from './tracing.ts';

export function s3ClientFor(endpoint?: string, extra: Partial<S3ClientConfig> = {}): S3Client {
  return traced(new S3Client({
    ...(endpoint
      ? {
          endpoint,
          region: 'eu-west-2',
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        }
      : {}),
    // Streamed bodies would otherwise be stored with aws-chunked framing by s3rver.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...extra,
  }));
}

const isMissing = (e: unknown) =>
  e instanceof NoSuchKey || e instanceof NotFound || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

export class S3ObjectStore implements ObjectStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
    private readonly opts: { versioned?: boolean } = {},
  ) {}

  async getStream(key: string, versionId?: string | null) {
    try {
      const r = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId ?? undefined }));
      return {
        key,
        size: r.ContentLength ?? 0,
        lastModified: r.LastModified ?? new Date(0),
        versionId: this.versionOf(r.VersionId),
        body: r.Body as AsyncIterable<Uint8Array>,
      };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async getBytes(key: string, versionId?: string | null): Promise<Uint8Array | null> {
    try {
      const r = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId ?? undefined }));
      return r.Body ? await r.Body.transformToByteArray() : new Uint8Array();
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async putStream(key: string, body: AsyncIterable<Uint8Array>, bytes: number, contentType: string): Promise<void> {
    const stream = body instanceof Readable ? body : Readable.from(body);
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: stream, ContentLength: bytes, ContentType: contentType }));
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const r = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, size: r.ContentLength ?? 0, lastModified: r.LastModified ?? new Date(0) };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const out: StoredObject[] = [];
    let token: string | undefined;
    do {
      const r = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of r.Contents ?? []) {
        if (o.Key) out.push({ key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified ?? new Date(0) });
      }
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  async listVersions(prefix: string): Promise<ObjectVersion[]> {
    if (!this.opts.versioned) return (await this.list(prefix)).map((o) => ({ ...o, versionId: null }));
    const out: ObjectVersion[] = [];
    const deleted = new Set<string>();
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    do {
      const r = await this.s3.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: prefix, KeyMarker: keyMarker, VersionIdMarker: versionMarker }));
      for (const d of r.DeleteMarkers ?? []) if (d.Key && d.IsLatest) deleted.add(d.Key);
      for (const v of r.Versions ?? []) {
        if (v.Key) out.push({ key: v.Key, size: v.Size ?? 0, lastModified: v.LastModified ?? new Date(0), versionId: this.versionOf(v.VersionId) });
      }
      [keyMarker, versionMarker] = r.IsTruncated ? [r.NextKeyMarker, r.NextVersionIdMarker] : [undefined, undefined];
    } while (keyMarker);
    return out.filter((v) => !deleted.has(v.key));
  }

  /** An object written before versioning was enabled has the version id `null` (the string), which GetObject accepts. */
  private versionOf(id: string | undefined): string | null {
    return this.opts.versioned && id ? id : null;
  }

  presignGet(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: expiresInSeconds });
  }
}
