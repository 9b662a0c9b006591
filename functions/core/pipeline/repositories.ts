/**
 * The typed records the stages keep in the bucket, as core sees them: manifests, validation
 * records, measures documents and approvals. Core asks for a record and gets it parsed (zod); the
 * object-store adapter (functions/adapters/repositories.ts) does the listing, reading and
 * JSON.parse once, for all of them.
 */
import type { MeasuresDocument } from '../measures/document.ts';
import type { ApprovalRecord } from './approval.ts';
import type { Manifest } from './manifest.ts';
import type { ValidationRecord } from './uploads-state.ts';

export interface ManifestRepository {
  /** The rendered versions of a pack for a period, newest first (by when rendered); anything unreadable is skipped. */
  ofPack(period: string, packId: string): Promise<Manifest[]>;
  /** The manifest under `key`; null when it is gone. One that is not a manifest fails, naming the key. */
  get(key: string): Promise<Manifest | null>;
  /** Writes it at manifest.ts `manifestKey` (what triggers distribution). */
  put(manifest: Manifest): Promise<void>;
}

export interface ValidationRepository {
  /** The record of one version of an upload (`versionId` null: the record written before versions); null when none or unreadable. */
  get(uploadKey: string, versionId?: string | null): Promise<ValidationRecord | null>;
  put(record: ValidationRecord): Promise<void>;
  /** Every readable record of the uploads under an upload prefix. */
  under(uploadPrefix: string): Promise<ValidationRecord[]>;
}

/** A stored `measures/<period>.json`: its exact text, and the document when it is one. */
export interface StoredMeasures {
  key: string;
  text: string;
  /** Null when the text is not a measures document. */
  document: MeasuresDocument | null;
  /** Which upload(s) of each kind the document was computed from (ingest writes them beside the measures). */
  uploads: Record<string, string | string[]>;
}

export interface MeasuresRepository {
  get(period: string): Promise<StoredMeasures | null>;
  put(period: string, text: string): Promise<void>;
}

export interface ApprovalRepository {
  /** Whether officers approved this version: the object exists (written by hand, it still approves). */
  exists(period: string, packId: string, version: string): Promise<boolean>;
  /** The record when it exists and reads as one; `found` false when there is no approval. */
  get(period: string, packId: string, version: string): Promise<{ found: boolean; record: ApprovalRecord | null }>;
  put(period: string, packId: string, version: string, record: ApprovalRecord): Promise<void>;
}

export interface Repositories {
  manifests: ManifestRepository;
  validations: ValidationRepository;
  measures: MeasuresRepository;
  approvals: ApprovalRepository;
}
