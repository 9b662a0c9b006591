/** One upload validated (no measures): the workbook benchmark's two sides, .xlsx and .csv. */
import { createReadStream } from 'node:fs';
import { validateUpload } from '../../functions/core/uploads/validate-upload.ts';
import type { UploadKind } from '../../functions/core/uploads/parsed.ts';

export async function run([kind, file]: string[]): Promise<Record<string, unknown>> {
  const result = await validateUpload(kind as UploadKind, createReadStream(file!), { fileName: file! });
  if (!result.data) throw new Error(`benchmark input rejected: ${result.errors[0]?.message}`);
  return { rows: result.rows };
}
