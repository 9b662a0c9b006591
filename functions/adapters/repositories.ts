/**
 * The typed records of the bucket over the object-store port: each is "list a prefix → read the
 * bytes → JSON.parse → zod", written once here (JsonObjects) for manifests, validation records,
 * measures documents and approvals, instead of once per handler.
 */
import { z } from 'zod';
import { OUTPUT_PREFIXES } from '../core/bucket-layout.ts';
import { measuresDocumentSchema } from '../core/measures/document.ts';
import { approvalKey, manifestKey, manifestSchema, measuresKey, parseManifestKey, type Manifest } from '../core/pipeline/manifest.ts';
import { approvalRecordSchema } from '../core/pipeline/approval.ts';
import type { ObjectStore } from '../core/pipeline/ports.ts';
import type { ApprovalRepository, ManifestRepository, MeasuresRepository, Repositories, StoredMeasures, ValidationRepository } from '../core/pipeline/repositories.ts';
import { validationKey, validationRecordSchema, type ValidationRecord } from '../core/pipeline/uploads-state.ts';

/** What ingest writes beside the measures: which upload(s) of each kind they were computed from. */
const usedUploadsSchema = z.object({ uploads: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}) });

export class StoredRecordError extends Error {
  constructor(key: string, why: string) {
    super(`${key} is not what the pipeline wrote there: ${why}`);
    this.name = 'StoredRecordError';
  }
}

type Checked<T> = { ok: true; value: T } | { ok: false; why: string };

function parseJson(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, why: (e as Error).message };
  }
}

/** One kind of JSON record in the store, checked against its schema on every read. */
export class JsonObjects<S extends z.ZodType> {
  constructor(
    private readonly store: ObjectStore,
    private readonly schema: S,
  ) {}

  /** The text under `key`, or null when there is no object. */
  async text(key: string): Promise<string | null> {
    const bytes = await this.store.getBytes(key);
    return bytes ? Buffer.from(bytes).toString('utf8') : null;
  }

  /** Parses a text as this record; the zod or JSON error's message when it is not one. */
  parse(text: string): Checked<z.infer<S>> {
    const json = parseJson(text);
    return json.ok ? this.check(json.value) : json;
  }

  /** Checks already-parsed JSON against this record's schema (one JSON.parse may serve two schemas). */
  check(json: unknown): Checked<z.infer<S>> {
    const r = this.schema.safeParse(json);
    return r.success ? { ok: true, value: r.data } : { ok: false, why: r.error.message };
  }

  /** The record, null when missing; one that does not parse throws (the stage fails, and is retried or dead-lettered). */
  async get(key: string): Promise<z.infer<S> | null> {
    const text = await this.text(key);
    if (text === null) return null;
    const r = this.parse(text);
    if (!r.ok) throw new StoredRecordError(key, r.why);
    return r.value;
  }

  /** The record, null when missing or unreadable (for records a stage may do without). */
  async getValid(key: string): Promise<z.infer<S> | null> {
    const text = await this.text(key);
    const r = text === null ? null : this.parse(text);
    return r?.ok ? r.value : null;
  }

  /** Every readable record under a prefix whose key `keep` accepts, in listing order. */
  async all(prefix: string, keep: (key: string) => boolean = () => true): Promise<z.infer<S>[]> {
    const out: z.infer<S>[] = [];
    for (const o of await this.store.list(prefix)) {
      if (!keep(o.key)) continue;
      const value = await this.getValid(o.key);
      if (value !== null) out.push(value);
    }
    return out;
  }

  async put(key: string, value: z.infer<S>, trailer = ''): Promise<void> {
    await this.store.put(key, `${JSON.stringify(value, null, 2)}${trailer}`, 'application/json');
  }
}

export function manifestRepository(store: ObjectStore): ManifestRepository {
  const json = new JsonObjects(store, manifestSchema);
  return {
    async ofPack(period, packId) {
      const found = await json.all(`${OUTPUT_PREFIXES.reports}${period}/${packId}/`, (k) => parseManifestKey(k) !== null);
      return found.sort((a: Manifest, b: Manifest) => (a.generatedAt < b.generatedAt ? 1 : a.generatedAt > b.generatedAt ? -1 : 0));
    },
    get: (key) => json.get(key),
    put: (m) => json.put(manifestKey(m.period, m.packId, m.version), m),
  };
}

export function validationRepository(store: ObjectStore): ValidationRepository {
  const json = new JsonObjects(store, validationRecordSchema);
  return {
    get: (uploadKey, versionId = null) => json.getValid(validationKey(uploadKey, versionId)),
    put: (record: ValidationRecord) => json.put(validationKey(record.key, record.versionId), record),
    under: (uploadPrefix) => json.all(`${OUTPUT_PREFIXES.validation}${uploadPrefix}`),
  };
}

export function measuresRepository(store: ObjectStore): MeasuresRepository {
  const docs = new JsonObjects(store, measuresDocumentSchema);
  const used = new JsonObjects(store, usedUploadsSchema);
  return {
    async get(period): Promise<StoredMeasures | null> {
      const key = measuresKey(period);
      const text = await docs.text(key);
      if (text === null) return null;
      // A measures document can be megabytes: parsed once, then read by both schemas.
      const json = parseJson(text);
      const doc = json.ok ? docs.check(json.value) : json;
      const uploads = json.ok ? used.check(json.value) : json;
      return { key, text, document: doc.ok ? doc.value : null, uploads: uploads.ok ? uploads.value.uploads : {} };
    },
    put: (period, text) => store.put(measuresKey(period), text, 'application/json'),
  };
}

export function approvalRepository(store: ObjectStore): ApprovalRepository {
  const json = new JsonObjects(store, approvalRecordSchema);
  return {
    exists: async (period, packId, version) => (await store.head(approvalKey(period, packId, version))) !== null,
    async get(period, packId, version) {
      const text = await json.text(approvalKey(period, packId, version));
      if (text === null) return { found: false, record: null };
      const r = json.parse(text);
      // Written by hand and not a record: it still approves (the schedule only checks it exists).
      return { found: true, record: r.ok ? r.value : null };
    },
    put: (period, packId, version, record) => json.put(approvalKey(period, packId, version), record, '\n'),
  };
}

export function repositoriesOf(store: ObjectStore): Repositories {
  return {
    manifests: manifestRepository(store),
    validations: validationRepository(store),
    measures: measuresRepository(store),
    approvals: approvalRepository(store),
  };
}
