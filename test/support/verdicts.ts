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

/**
 * Waits until ingest has written its verdict on the current version of `key`. `bus.idle()` alone
 * gives s3rver 20 ms to emit the upload's event; on a loaded machine the event can come later, so
 * a test that changes the deps around one upload waits for the verdict itself.
 */
export async function verdictWritten(p: { store: ObjectStore; bus: { idle(): Promise<void> } }, key: string, tries = 200): Promise<string> {
  const vk = await verdictKey(p.store, key);
  for (let i = 0; i < tries; i++) {
    await p.bus.idle();
    if (await p.store.head(vk)) return vk;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no verdict on ${key} after ${tries} waits`);
}
