/**
 * The files tests read as fixtures (the tests' own pack templates, the shipped ones where a test is
 * about them, the bundled fonts), read through the same adapters the pipeline uses. Core tests take
 * them from here so they stay pure: they test functions over texts and bytes, and the reading is
 * tested once, in test/adapters.
 */
import path from 'node:path';
import { loadFonts } from '../../functions/adapters/fonts.ts';
import { loadPackTemplates, readPackTemplateFiles } from '../../functions/adapters/pack-templates.ts';
import type { FontSet } from '../../functions/core/cards/fonts.ts';
import type { PackTemplate } from '../../functions/core/cards/pack-template.ts';
import type { PackTemplateFile } from '../../functions/core/cards/parse-packs.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
export const PACKS_DIR = path.join(TEMPLATES_DIR, 'packs');

/** The tests' own templates folder (packs and bank holidays): adding a pack to templates/ changes no test. */
export const FIXTURE_TEMPLATES_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'templates');
export const FIXTURE_PACKS_DIR = path.join(FIXTURE_TEMPLATES_DIR, 'packs');

/** test/fixtures/templates/packs, parsed. */
export const fixturePacks = (): Promise<PackTemplate[]> => loadPackTemplates(FIXTURE_PACKS_DIR);

/** One of the fixture packs by id. */
export const fixturePack = async (id: string): Promise<PackTemplate> => {
  const pack = (await fixturePacks()).find((p) => p.id === id);
  if (!pack) throw new Error(`no fixture pack ${id} in ${FIXTURE_PACKS_DIR}`);
  return pack;
};

/** templates/packs/*.json as read, not yet parsed: for tests about the shipped templates themselves. */
export const shippedPackFiles = (): Promise<PackTemplateFile[]> => readPackTemplateFiles(PACKS_DIR);

/** templates/packs, parsed. */
export const shippedPacks = (): Promise<PackTemplate[]> => loadPackTemplates(PACKS_DIR);

/** The Roboto faces pdfmake ships, as the renderer takes them. */
export const bundledFonts = (): FontSet => loadFonts();
