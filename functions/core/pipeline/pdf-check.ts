/**
 * A PDF is only stored and sent when it is whole: it starts with `%PDF-`, ends with `%%EOF`, and
 * has at least the pages the pack should have (a summary page plus one per card). Counting page
 * objects in the bytes is enough here: pdfkit writes page dictionaries uncompressed.
 */
import { plural } from '../plural.ts';

export class BrokenPdfError extends Error {
  constructor(readonly problem: string) {
    super(`The rendered PDF is not whole: ${problem}`);
    this.name = 'BrokenPdfError';
  }
}

export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Returns the page count, or throws BrokenPdfError. */
export function checkPdfWhole(pdf: Uint8Array, minPages: number): number {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  if (buf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new BrokenPdfError('it does not start with %PDF-');
  if (!buf.subarray(Math.max(0, buf.length - 32)).toString('latin1').trimEnd().endsWith('%%EOF')) {
    throw new BrokenPdfError('it does not end with %%EOF');
  }
  const pages = countPdfPages(pdf);
  if (pages < minPages) throw new BrokenPdfError(`it has ${plural(pages, 'page')}, expected at least ${minPages}`);
  return pages;
}
