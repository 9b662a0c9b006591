/** One upload that must be refused (a hostile workbook): the time and memory its rejection takes. */
import { createReadStream } from 'node:fs';
import { validateUpload } from '../../functions/core/uploads/validate-upload.ts';
import type { UploadKind } from '../../functions/core/uploads/parsed.ts';

export async function run([kind, file]: string[]): Promise<Record<string, unknown>> {
  const result = await validateUpload(kind as UploadKind, createReadStream(file!), { fileName: file! });
  if (result.data) throw new Error('a hostile benchmark input was accepted');
  return { message: result.errors[0]?.message, errors: result.errorCount };
}
