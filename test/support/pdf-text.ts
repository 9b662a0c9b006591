/**
 * Reads a PDF back with pdfjs-dist (the legacy build runs on Node 20): each page's text in reading
 * order, the document information and every annotation. Tests assert on what a reader would see,
 * not on pdfmake's internals. The one PDF reader for all tests.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfAnnotation {
  /** 1-based page number. */
  page: number;
  subtype: string;
  url?: string;
  unsafeUrl?: string;
  /** An internal destination (a link inside the document). */
  dest?: unknown;
}

export interface ReadPdf {
  pages: string[];
  info: Record<string, unknown>;
  annotations: PdfAnnotation[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  const annotations: PdfAnnotation[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    // Items on one line come as separate runs; join with spaces and normalise whitespace.
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' ').replace(/\s+/g, ' ').trim());
    for (const a of (await page.getAnnotations()) as { subtype: string; url?: string; unsafeUrl?: string; dest?: unknown }[]) {
      annotations.push({ page: n, subtype: a.subtype, url: a.url, unsafeUrl: a.unsafeUrl, dest: a.dest });
    }
  }
  const meta = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, info: meta.info as Record<string, unknown>, annotations };
}
