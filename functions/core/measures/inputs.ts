/**
 * The one place MeasureInputs is put together from parsed uploads, for the CLI (files named on
 * the command line) and the pipeline (the bucket's files that count) alike, so both hand the
 * engine the same thing for the same files. Which kinds exist and which are snapshots is the
 * registry's (uploads/kinds/index.ts).
 */
import { isSnapshotKind, kindDefinition, PERIOD_KIND, UPLOAD_KINDS, type UploadKind } from '../uploads/kinds/index.ts';
import type { MeasureInputs } from '../uploads/parsed.ts';
import { filesWinningAMonth } from './catalogue/snapshot-uploads.ts';

/** One valid upload, parsed: `name` is what `uploads` reports it as (a bucket key or a path). */
export interface ParsedFile {
  kind: UploadKind;
  name: string;
  data: unknown;
}

export interface AssembledInputs {
  inputs: MeasureInputs;
  /** Per kind read, the file (or, for a snapshot kind, the files winning a month, oldest first). */
  used: Partial<Record<UploadKind, string | string[]>>;
}

/**
 * `files` in upload order (oldest first). A single-file kind reads its last file; a snapshot kind
 * reads every file that wins a month (the last file holding a month wins it). Null without a file
 * of the kind that sets the period.
 */
export function assembleInputs(files: readonly ParsedFile[]): AssembledInputs | null {
  const inputs: Record<string, unknown> = {};
  const used: AssembledInputs['used'] = {};
  for (const kind of UPLOAD_KINDS) {
    const mine = files.filter((f) => f.kind === kind);
    if (mine.length === 0) continue;
    if (isSnapshotKind(kind)) {
      const rule = kindDefinition(kind).snapshot!;
      const read = filesWinningAMonth(mine.map((f) => rule.rows(f.data as never)), rule.monthOf).map((i) => mine[i]);
      inputs[kind] = read.map((f) => f.data);
      used[kind] = read.map((f) => f.name);
    } else {
      const last = mine[mine.length - 1];
      inputs[kind] = last.data;
      used[kind] = last.name;
    }
  }
  return inputs[PERIOD_KIND] === undefined ? null : { inputs: inputs as MeasureInputs, used };
}
