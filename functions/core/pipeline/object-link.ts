/**
 * An emailed link to an object in the bucket. A presigned link is signed with the Lambda role's
 * temporary credentials and so may die before its stated expiry (architecture.md, "Size"): the
 * object key always goes with it, so the reader can still find the object.
 */
import type { ObjectStore } from './ports.ts';

/** How long an emailed link works at most. */
export const LINK_SECONDS = 6 * 3600;

export async function objectLink(store: ObjectStore, key: string): Promise<string> {
  try {
    return `${await store.presignGet(key, LINK_SECONDS)} (link valid for up to ${LINK_SECONDS / 3600} hours; the object is ${key})`;
  } catch {
    return `s3 object ${key}`;
  }
}
