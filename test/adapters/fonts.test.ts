/** Reading the Roboto fonts: where they are looked for, and that a warm process reads them once. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontsNotFoundError, loadFonts, resolveFontsDir } from '../../functions/adapters/fonts.ts';
import { FONT_FACES, FONT_FILES } from '../../functions/core/cards/fonts.ts';

const PDFMAKE_FONTS = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');

describe('loadFonts', () => {
  it("finds pdfmake's own Roboto files when no folder is given, and returns each face's bytes", () => {
    expect(resolveFontsDir()).toBe(PDFMAKE_FONTS);
    const fonts = loadFonts();
    expect(Object.keys(fonts).sort()).toEqual([...FONT_FACES].sort());
    for (const face of FONT_FACES) expect(Buffer.from(fonts[face]).equals(readFileSync(path.join(PDFMAKE_FONTS, FONT_FILES[face]))), face).toBe(true);
  });

  it('reads a folder once: the same object again, so the renderer sets pdfmake up once', () => {
    expect(loadFonts(PDFMAKE_FONTS)).toBe(loadFonts(PDFMAKE_FONTS));
    expect(loadFonts()).toBe(loadFonts(PDFMAKE_FONTS));
  });

  it('refuses a folder without them, naming where it looked', () => {
    expect(() => loadFonts('/nonexistent/fonts')).toThrow(FontsNotFoundError);
    expect(() => loadFonts('/nonexistent/fonts')).toThrow(/Roboto fonts not found; looked in: \/nonexistent\/fonts\./);
  });
});
