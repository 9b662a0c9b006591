/**
 * The fonts a pack is set in: the four Roboto faces pdfmake needs, as bytes. Core only receives
 * them (adapters/fonts.ts reads the bundled files once), so rendering stays a function of its
 * arguments and the renderer can run with every file and URL access denied (render-pack.ts).
 */

/** The file of each face, as pdfmake ships them (and the Lambda bundle copies them). */
export const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

export type FontFace = keyof typeof FONT_FILES;

export const FONT_FACES = Object.keys(FONT_FILES) as FontFace[];

/** Each face's bytes (the contents of its FONT_FILES file). */
export type FontSet = Readonly<Record<FontFace, Uint8Array>>;
