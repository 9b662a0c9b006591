/**
 * A committee pack as a PDF: cover, summary, contents, then one card per measure. Pure: the time
 * printed is the `generatedAt` passed in (no clock in core) and the fonts are bytes passed in (no
 * file reads in core; adapters/fonts.ts loads them), so the same document, pack and options give
 * the same bytes.
 */
import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake';
import type { MeasuresDocument } from '../measures/document.ts';
import { card, equityPage } from './card.ts';
import { clerkDetails } from './clerk.ts';
import { contents, cover, summaryPage } from './cover.ts';
import { FONT_FACES, FONT_FILES, type FontSet } from './fonts.ts';
import { C } from './palette.ts';
import { publishedView } from '../disclosure/published-view.ts';
import { summarisePublished } from './summary.ts';
import type { PackTemplate } from './pack-template.ts';
import { installTaggedPdf, tagged } from './tagged-pdf.ts';

export interface RenderOptions {
  /** ISO instant, from the pipeline's clock: printed on the cover as "Produced" and the PDF creation date. */
  generatedAt: string;
  /** The pack version (packVersion): in the PDF's metadata only, never on a page. */
  version: string;
  /** True when this version replaces an earlier one for the same period. */
  revised?: boolean;
  /** Deployment configuration: where readers send questions (printed on the cover when given). */
  contact?: string;
  /** The Roboto faces (adapters/fonts.ts `loadFonts`). */
  fonts: FontSet;
}

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

/** pdfmake's server build keeps a virtual file system on the singleton; its types do not say so. */
interface VirtualFs { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean }

/** The font set pdfmake was last set up with: the same object again needs no set-up. */
let fontsReady: FontSet | undefined;

/**
 * pdfmake opens fonts by name; the names point into its in-memory virtual file system, filled here
 * from the bytes passed in, so the renderer needs no disk access and is denied all of it below.
 */
function prepare(fonts: FontSet): void {
  if (fontsReady === fonts) return;
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const face of FONT_FACES) {
    const bytes = fonts[face];
    vfs.writeFileSync(`report-cards/${FONT_FILES[face]}`, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  pdfmake.setFonts({
    Roboto: {
      normal: `report-cards/${FONT_FILES.normal}`, bold: `report-cards/${FONT_FILES.bold}`,
      italics: `report-cards/${FONT_FILES.italics}`, bolditalics: `report-cards/${FONT_FILES.bolditalics}`,
    },
  });
  // Nothing in a pack needs the network or the disk: deny both (CVE-2026-26801: a document
  // definition must not be able to make the renderer read files or fetch URLs).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsReady = fonts;
}

export function packDefinition(doc: MeasuresDocument, pack: PackTemplate, options: Omit<RenderOptions, 'fonts'>): TDocumentDefinitions {
  // Everything printed comes from the pack's published view: disclosure control applied once.
  const published = publishedView(doc, pack);
  const summary = summarisePublished(published, pack);
  const byId = new Map(published.measures.map((m) => [m.id, m]));
  // Each section is a Sect holding its cards (each a Sect too), bookmarked under the section.
  const sections: { title: string; cards: Content[] }[] = [];
  for (const row of summary.rows) {
    if (sections.at(-1)?.title !== row.section) sections.push({ title: row.section, cards: [] });
    sections.at(-1)!.cards.push(card(row, byId.get(row.id), pack.disclosureControl) as unknown as Content);
    // Its equity tables, where the pack asks: a page and a Sect of their own after the card.
    const equity = equityPage(row, byId.get(row.id), pack.equity[row.id]);
    if (equity.length) sections.at(-1)!.cards.push(equity as unknown as Content);
  }
  const cards: Content[] = sections.map((s, i) => tagged({
    stack: [
      // A section heading lists in the contents; it sits on the first card's page.
      { text: s.title, style: 'section', tocItem: true, tocStyle: { bold: true }, pageBreak: 'before', id: `section-${i + 1}`, outline: true },
      ...s.cards.map((c, j) => {
        const content = c as unknown as Content[];
        const title = { ...(content[0] as object), id: `card-${i + 1}-${j + 1}`, outline: true, outlineParentId: `section-${i + 1}` } as Record<string, unknown>;
        if (j === 0) delete title.pageBreak;
        return tagged({ stack: [title, ...content.slice(1)] }, { type: 'Sect', title: String(title.text) });
      }),
    ],
  }, { type: 'Sect', title: s.title }) as Content);
  const running = `${pack.title} · ${summary.periodLabel}${options.revised ? ' · REVISED' : ''}`;
  const clerk = clerkDetails(pack, doc.period, options.contact);
  return {
    // Tagged PDF/UA-1 (tagged-pdf.ts adds the structure tree): PDF 1.7, language, title shown.
    version: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 44],
    language: 'en-GB',
    info: {
      title: xmpText(`${pack.title} — ${summary.periodLabel}`),
      author: xmpText(clerk.author ? `${clerk.author}, ${pack.council}` : pack.council),
      subject: xmpText(`${pack.committee}: adult social care report cards for ${summary.periodLabel}${options.revised ? ' (revised)' : ''}`),
      keywords: xmpText(['adult social care', 'report cards', pack.id, doc.period, doc.laCode, `version ${options.version}`].join(', ')),
      creator: 'asc-report-cards',
      creationDate: new Date(options.generatedAt),
      // A custom entry, so the version can be read back without parsing keywords.
      PackVersion: options.version,
    } as TDocumentDefinitions['info'],
    header: (page) =>
      page === 1 ? null : { columns: [{ text: running, fontSize: 7.5, color: C.muted }, { text: pack.council, fontSize: 7.5, color: C.muted, alignment: 'right' }], margin: [40, 20, 40, 0] },
    footer: (page, pages) => ({
      columns: [{ text: clerk.agendaLabel ?? '', fontSize: 7.5, color: C.muted }, { text: `Page ${page} of ${pages}`, fontSize: 8, alignment: 'right' }],
      margin: [40, 14, 40, 0],
    }),
    content: [...cover(summary, { generatedAt: options.generatedAt, revised: options.revised === true, clerk }), ...summaryPage(summary), ...contents(), ...cards],
    defaultStyle: { font: 'Roboto', fontSize: 9, color: C.text, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 18, bold: true, color: C.heading, margin: [0, 0, 0, 6] },
      h2: { fontSize: 15, bold: true, color: C.heading, margin: [0, 0, 0, 2] },
      h3: { fontSize: 10, bold: true, color: C.heading, margin: [0, 6, 0, 3] },
      section: { fontSize: 9, bold: true, color: C.muted, margin: [0, 0, 0, 2] },
    },
  };
}

/**
 * pdfkit copies title, author, subject and keywords into the XMP metadata without escaping them:
 * an `&` or `<` there would make the XML, and so the PDF/UA metadata, invalid.
 */
function xmpText(text: string): string {
  return text.replace(/&/g, 'and').replace(/[<>]/g, '');
}

/** The pack as PDF bytes. */
export async function renderPack(doc: MeasuresDocument, pack: PackTemplate, options: RenderOptions): Promise<Uint8Array> {
  prepare(options.fonts);
  installTaggedPdf();
  const buffer: Buffer = await pdfmake.createPdf(packDefinition(doc, pack, options)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
