/**
 * The project's own files that tests use as fixtures (the shipped pack templates, the bundled
 * fonts), read through the same adapters the pipeline uses. Core tests take them from here so they
 * stay pure: they test functions over texts and bytes, and the reading is tested once, in
 * test/adapters.
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

/** templates/packs/*.json as read, not yet parsed. */
export const shippedPackFiles = (): Promise<PackTemplateFile[]> => readPackTemplateFiles(PACKS_DIR);

/** templates/packs, parsed. */
export const shippedPacks = (): Promise<PackTemplate[]> => loadPackTemplates(PACKS_DIR);

/** The Roboto faces pdfmake ships, as the renderer takes them. */
export const bundledFonts = (): FontSet => loadFonts();
