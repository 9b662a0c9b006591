import { describe, expect, it } from 'vitest';
import pdfmake from 'pdfmake';
import { BrokenPdfError, checkPdfWhole, countPdfPages } from '../../../functions/core/pipeline/pdf-check.ts';

async function pdfOfPages(n: number): Promise<Uint8Array> {
  pdfmake.setFonts({ Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } });
  pdfmake.setUrlAccessPolicy(() => false);
  // The standard 14 fonts are built into pdfkit, so no file is read: allow only those names.
  pdfmake.setLocalAccessPolicy((p: string) => /^Helvetica(-\w+)?$/.test(p));
  const content = Array.from({ length: n }, (_, i) => ({ text: `page ${i + 1}`, pageBreak: i ? ('before' as const) : undefined }));
  return new Uint8Array(await pdfmake.createPdf({ content, defaultStyle: { font: 'Helvetica' } }).getBuffer());
}

describe('checkPdfWhole', () => {
  it('counts the pages of a real PDF and accepts it', async () => {
    const pdf = await pdfOfPages(3);
    expect(countPdfPages(pdf)).toBe(3);
    expect(checkPdfWhole(pdf, 3)).toBe(3);
  });

  it('refuses a PDF with fewer pages than the pack needs', async () => {
    const pdf = await pdfOfPages(2);
    expect(() => checkPdfWhole(pdf, 3)).toThrow(/2 pages, expected at least 3/);
  });

  it('refuses a truncated PDF and something that is not a PDF', async () => {
    const pdf = await pdfOfPages(2);
    expect(() => checkPdfWhole(pdf.subarray(0, pdf.length - 40), 1)).toThrow(BrokenPdfError);
    expect(() => checkPdfWhole(new TextEncoder().encode('<html>%%EOF'), 1)).toThrow(/does not start/);
  });
});
