/**
 * The bundled Roboto fonts, read once and handed to pdfmake through its virtual file system, so
 * the renderer can run with every local-file and URL access denied (CVE-2026-26801: a document
 * definition must not be able to make the renderer read files or fetch URLs).
 * Where the files are: an explicit `fontsDir` (the Lambda bundle ships them beside the handler),
 * else pdfmake's own package, else a `fonts/Roboto` folder beside this module or the bundle.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

export class FontsNotFoundError extends Error {
  constructor(readonly tried: string[]) {
    super(`Roboto fonts not found; looked in: ${tried.join(', ')}. Pass fontsDir to renderPack.`);
    this.name = 'FontsNotFoundError';
  }
}

function candidates(fontsDir?: string): string[] {
  if (fontsDir) return [fontsDir];
  const dirs: string[] = [];
  try {
    const req = createRequire(import.meta.url);
    dirs.push(path.join(path.dirname(req.resolve('pdfmake/package.json')), 'fonts', 'Roboto'));
  } catch {
    // Bundled without node_modules: fall through to the folders beside the code.
  }
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    dirs.push(path.join(here, 'fonts', 'Roboto'), path.join(here, 'fonts'));
  } catch {
    // import.meta.url is not a file URL (unusual bundlers): nothing more to try here.
  }
  return dirs;
}

/** Finds the folder holding all four Roboto files. */
export function resolveFontsDir(fontsDir?: string): string {
  const tried = candidates(fontsDir);
  const found = tried.find((dir) => Object.values(FONT_FILES).every((f) => existsSync(path.join(dir, f))));
  if (!found) throw new FontsNotFoundError(tried);
  return found;
}

const cache = new Map<string, Record<string, Buffer>>();

/** The four font files' bytes, keyed by file name; read once per folder. */
export function loadFonts(fontsDir?: string): Record<string, Buffer> {
  const dir = resolveFontsDir(fontsDir);
  let fonts = cache.get(dir);
  if (!fonts) {
    fonts = Object.fromEntries(Object.values(FONT_FILES).map((f) => [f, readFileSync(path.join(dir, f))]));
    cache.set(dir, fonts);
  }
  return fonts;
}
