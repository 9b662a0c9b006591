/**
 * `npm start -- --data DIR`: which of an officer's files are uploads, of which kind, and in which
 * order they go into the bucket. A file counts when its name starts with an upload kind (any case:
 * `events-2021-11.csv`, `Waiting list.xlsx`); everything else in DIR is listed as ignored.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UPLOAD_PREFIXES } from '../core/bucket-layout.ts';
import { isSnapshotKind, PERIOD_KIND, SNAPSHOT_KINDS, UPLOAD_KINDS, type UploadKind } from '../core/uploads/kinds/index.ts';

/** Reference files first, the events extract last (architecture.md): the last upload completes the set. */
/** Reference files first, then snapshots, the kind that sets the period last (architecture.md), each in registry order. */
export const UPLOAD_ORDER: UploadKind[] = [...UPLOAD_KINDS.filter((k) => k !== PERIOD_KIND && !isSnapshotKind(k)), ...SNAPSHOT_KINDS, PERIOD_KIND];

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface OfficerUpload {
  kind: UploadKind;
  file: string;
  /** The object key it is put under: the kind's prefix and the file's own name. */
  key: string;
  contentType: string;
}

/** A --data folder that cannot be used; the message is one sentence for the officer. */
export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

/** The upload kind a file name starts with (any case), or undefined. */
export function kindOfFileName(name: string): UploadKind | undefined {
  const lower = name.toLowerCase();
  return UPLOAD_ORDER.find((kind) => lower.startsWith(kind));
}

/** DIR's uploads in the usual order (by kind, then by name within a kind), and the names it ignores. */
export async function officerUploads(dir: string): Promise<{ uploads: OfficerUpload[]; ignored: string[] }> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new DataDirError(`--data ${dir} is a file, not a folder`);
    names = await readdir(dir);
  } catch (e) {
    if (e instanceof DataDirError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataDirError(code === 'ENOENT' ? `--data ${dir}: no such folder` : `--data ${dir} cannot be read (${code ?? (e as Error).message})`);
  }
  const uploads: OfficerUpload[] = [];
  const ignored: string[] = [];
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    const kind = kindOfFileName(name);
    if (!kind || !(await stat(file)).isFile()) {
      ignored.push(name);
      continue;
    }
    const contentType = name.toLowerCase().endsWith('.xlsx') ? XLSX_CONTENT_TYPE : 'text/csv';
    uploads.push({ kind, file, key: `${UPLOAD_PREFIXES[kind]}${name}`, contentType });
  }
  if (uploads.length === 0) {
    throw new DataDirError(`--data ${dir} has no upload files (names must start with ${UPLOAD_ORDER.join(', ')})`);
  }
  uploads.sort((a, b) => UPLOAD_ORDER.indexOf(a.kind) - UPLOAD_ORDER.indexOf(b.kind));
  return { uploads, ignored };
}
