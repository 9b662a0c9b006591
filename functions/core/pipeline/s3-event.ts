/**
 * S3 event notifications, parsed with zod. AWS URL-encodes object keys in events (a space
 * arrives as `+`), so every key is decoded here, once, before anything else sees it.
 */
import { z } from 'zod';

const recordSchema = z.object({
  eventName: z.string(),
  eventTime: z.string().optional(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      eTag: z.string().optional(),
      sequencer: z.string().optional(),
      /** Present when the bucket is versioned: the version this event is about. */
      versionId: z.string().optional(),
    }),
  }),
});

export const s3EventSchema = z.object({ Records: z.array(recordSchema) });

export interface S3ObjectRef {
  bucket: string;
  /** The decoded key, as the object store names it. */
  key: string;
  size: number | null;
  eventName: string;
  /** The object version the event is about (versioned buckets), else null. */
  versionId: string | null;
}

export class BadS3EventError extends Error {
  constructor(readonly issues: string) {
    super(`Not an S3 event notification: ${issues}`);
    this.name = 'BadS3EventError';
  }
}

/** Decode an S3 event key: `+` is a space, then percent-decoding (so `%2B` stays a plus). */
export function decodeS3Key(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/** Encode a key the way S3 does in event notifications (the inverse of `decodeS3Key`). */
export function encodeS3Key(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

/** The object-created records of an event, keys decoded. Other event types are ignored. */
export function parseS3Event(input: unknown): S3ObjectRef[] {
  const parsed = s3EventSchema.safeParse(input);
  if (!parsed.success) throw new BadS3EventError(z.prettifyError(parsed.error));
  return parsed.data.Records.filter((r) => r.eventName.startsWith('ObjectCreated')).map((r) => ({
    bucket: r.s3.bucket.name,
    key: decodeS3Key(r.s3.object.key),
    size: r.s3.object.size ?? null,
    eventName: r.eventName,
    versionId: r.s3.object.versionId ?? null,
  }));
}
