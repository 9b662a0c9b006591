/**
 * Reads a templates/packs folder from disk and hands the texts to the core parser
 * (core/cards/parse-packs.ts), which owns every rule about what a valid set of packs is.
 * Handlers, the CLI and `npm start` read asynchronously; synth (infra/packs.ts) builds the app
 * synchronously, so it gets the same read without the promise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePackTemplates, type PackTemplateFile } from '../core/cards/parse-packs.ts';
import type { PackTemplate } from '../core/cards/pack-template.ts';

/** The template files of a folder listing: only *.json, so an editor's backup file is not a pack. */
const templatePaths = (dir: string, names: string[]) => names.filter((n) => n.endsWith('.json')).map((n) => path.join(dir, n));

/** The texts of the *.json files in `dir`, unparsed. */
export async function readPackTemplateFiles(dir: string): Promise<PackTemplateFile[]> {
  return Promise.all(templatePaths(dir, await readdir(dir)).map(async (file) => ({ file, text: await readFile(file, 'utf8') })));
}

/** Every pack in `dir` (the templates/packs folder), sorted by id. */
export async function loadPackTemplates(dir: string): Promise<PackTemplate[]> {
  return parsePackTemplates(await readPackTemplateFiles(dir));
}

/** `loadPackTemplates` for synchronous callers (CDK synth). */
export function loadPackTemplatesSync(dir: string): PackTemplate[] {
  return parsePackTemplates(templatePaths(dir, readdirSync(dir)).map((file) => ({ file, text: readFileSync(file, 'utf8') })));
}
