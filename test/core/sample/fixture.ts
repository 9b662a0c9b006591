/**
 * Shared by the sample tests: a small sample made in memory (core/sample/sample-files.ts, no disk:
 * writing it is adapters/sample-files.ts, tested in test/adapters), and every file validated.
 */
import { sampleFiles, type SampleFileName, type SampleOptions } from '../../../functions/core/sample/index.ts';
import { UPLOAD_KINDS, type UploadKind } from '../../../functions/core/uploads/kinds/index.ts';
import { validateUpload, type UploadResult } from '../../../functions/core/uploads/validate-upload.ts';

/** Every upload kind of the registry: the sample holds one file of each. */
export const KINDS = UPLOAD_KINDS;

export type SampleBytes = Record<SampleFileName, Buffer>;

/** Each file of a sample as the bytes a writer would write. */
export function sampleBytes(options: SampleOptions): SampleBytes {
  return Object.fromEntries(sampleFiles(options).map((f) => [f.fileName, Buffer.from([...f.chunks].join(''), 'utf8')])) as SampleBytes;
}

/** Validates every file of a sample as the kind its name says. */
export async function validateAll(files: SampleBytes): Promise<{ [K in UploadKind]: UploadResult<K> }> {
  const out: Partial<Record<UploadKind, UploadResult>> = {};
  for (const kind of KINDS) {
    out[kind] = await validateUpload(kind, files[`${kind}.csv`], { fileName: `${kind}.csv` });
  }
  return out as { [K in UploadKind]: UploadResult<K> };
}
