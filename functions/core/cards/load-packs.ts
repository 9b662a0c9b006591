/**
 * Reads templates/packs/*.json. Officers edit these files, so a mistake must come back naming the
 * file and the field, not as a stack trace from deep inside the renderer.
 */
import { readdir, readFile } from 'node:fs/promises';
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

/** Parses and validates one template's text; `file` is only used in errors. */
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

/** Every pack in `dir` (the templates/packs folder), sorted by id; duplicate ids cannot occur (id = file name). */
export async function loadPackTemplates(dir: string): Promise<PackTemplate[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const packs: PackTemplate[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    packs.push(parsePackTemplate(file, await readFile(file, 'utf8')));
  }
  return packs;
}
