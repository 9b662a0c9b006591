/** Where ingest wrote its verdict on the current version of an upload (records are per S3 version). */
import type { ObjectStore } from '../../functions/core/pipeline/ports.ts';
import { rejectionKey, validationKey } from '../../functions/core/pipeline/uploads-state.ts';

async function currentVersion(store: ObjectStore, key: string): Promise<string | null> {
  const found = await store.getStream(key);
  if (!found) throw new Error(`${key} is not in the bucket`);
  (found.body as { destroy?: () => void }).destroy?.();
  return found.versionId;
}

export async function verdictKey(store: ObjectStore, key: string): Promise<string> {
  return validationKey(key, await currentVersion(store, key));
}

export async function rejectionCsvKey(store: ObjectStore, key: string): Promise<string> {
  return rejectionKey(key, await currentVersion(store, key));
}
