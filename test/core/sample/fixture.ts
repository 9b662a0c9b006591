/** Shared by the sample tests: a small sample written to a temporary directory, and every file validated. */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeSample, type SampleOptions } from '../../../functions/core/sample/index.ts';
import type { UploadKind } from '../../../functions/core/uploads/parsed.ts';
import { validateUpload, type UploadResult } from '../../../functions/core/uploads/validate-upload.ts';

export const KINDS = ['events', 'population', 'targets', 'benchmarks', 'waiting', 'finance', 'providers', 'commentary'] as const;

export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'sample-test-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Writes a sample into a new temporary directory. */
export async function writeTempSample(options: SampleOptions): Promise<{ dir: string; paths: string[] }> {
  const dir = await tempDir();
  return { dir, paths: await writeSample(dir, options) };
}

/** Validates every file of a sample directory as the kind its name says. */
export async function validateAll(dir: string): Promise<{ [K in UploadKind]: UploadResult<K> }> {
  const out: Partial<Record<UploadKind, UploadResult>> = {};
  for (const kind of KINDS) {
    out[kind] = await validateUpload(kind, createReadStream(path.join(dir, `${kind}.csv`)), { fileName: `${kind}.csv` });
  }
  return out as { [K in UploadKind]: UploadResult<K> };
}
