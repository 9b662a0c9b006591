/**
 * Reads the bundled Roboto fonts for the renderer (core/cards/render-pack.ts takes them as bytes,
 * core reads no files). Where the files are: an explicit `fontsDir` (the Lambda bundle ships them
 * beside the handler, FONTS_DIR), else pdfmake's own package, else a `fonts/Roboto` folder beside
 * this module or the bundle.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT_FACES, FONT_FILES, type FontFace, type FontSet } from '../core/cards/fonts.ts';

export class FontsNotFoundError extends Error {
  constructor(readonly tried: string[]) {
    super(`Roboto fonts not found; looked in: ${tried.join(', ')}. Pass the folder to loadFonts (FONTS_DIR in a Lambda).`);
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

// One FontSet object per folder: a warm Lambda reads the files once, and the renderer, which
// keys its pdfmake set-up on the object, sets up once.
const cache = new Map<string, FontSet>();

/** The four faces' bytes; read once per folder. */
export function loadFonts(fontsDir?: string): FontSet {
  const dir = resolveFontsDir(fontsDir);
  let fonts = cache.get(dir);
  if (!fonts) {
    fonts = Object.fromEntries(FONT_FACES.map((face) => [face, readFileSync(path.join(dir, FONT_FILES[face]))])) as Record<FontFace, Buffer>;
    cache.set(dir, fonts);
  }
  return fonts;
}
