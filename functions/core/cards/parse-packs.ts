/**
 * Pack templates (templates/packs/*.json) from their already-read texts. Officers edit these files,
 * so a mistake must come back naming the file and the field, not as a stack trace from deep inside
 * the renderer. Reading the folder is adapters/pack-templates.ts's job: core does no I/O.
 */
import path from 'node:path';
import { packTemplateSchema, type PackTemplate } from './pack-template.ts';

export class PackTemplateError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.field || '(file)'}: ${p.message}`).join('; ')}`);
    this.name = 'PackTemplateError';
  }
}

/** One template file as read: its path (used in errors and for the id check) and its text. */
export interface PackTemplateFile {
  file: string;
  text: string;
}

/** Parses and validates one template's text; `file` names it in errors and must be `<id>.json`. */
export function parsePackTemplate(file: string, text: string): PackTemplate {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PackTemplateError(file, [{ field: '', message: `not valid JSON (${(e as Error).message})` }]);
  }
  const result = packTemplateSchema.safeParse(json);
  if (!result.success) {
    throw new PackTemplateError(
      file,
      result.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
    );
  }
  const expectedId = path.basename(file, '.json');
  if (result.data.id !== expectedId) {
    throw new PackTemplateError(file, [{ field: 'id', message: `is '${result.data.id}' but the file is named '${expectedId}.json'` }]);
  }
  return result.data;
}

/**
 * A whole set of templates, in file-name order (so the first broken file is the one reported, the
 * same on every machine). The id is the file name, so one folder cannot hold two packs with the same
 * id; files gathered from more than one folder could, and a second pack with an id would silently
 * shadow the first wherever packs are found by id, so that is refused too.
 */
export function parsePackTemplates(files: readonly PackTemplateFile[]): PackTemplate[] {
  const byName = [...files].sort((a, b) => compare(path.basename(a.file), path.basename(b.file)));
  const seen = new Map<string, string>();
  return byName.map(({ file, text }) => {
    const pack = parsePackTemplate(file, text);
    const first = seen.get(pack.id);
    if (first !== undefined) throw new PackTemplateError(file, [{ field: 'id', message: `'${pack.id}' is also the id of ${first}` }]);
    seen.set(pack.id, file);
    return pack;
  });
}

/** Code-unit order, as Array.prototype.sort compares strings (not the locale's order). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
