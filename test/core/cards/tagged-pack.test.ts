/**
 * Both shipped packs are tagged PDF/UA-1, checked as a screen reader would meet them: the structure
 * tree read back with pdfjs-dist (roles, Alt, reading order), each text run's marked content, the
 * bookmarks, and the catalogue entries PDF/UA asks for in the raw file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackTemplate } from '../../../functions/core/cards/pack-template.ts';
import { renderPack } from '../../../functions/core/cards/render-pack.ts';
import { summarisePack } from '../../../functions/core/cards/summary.ts';
import type { MeasuresDocument } from '../../../functions/core/measures/document.ts';
import { fixtureDocument } from './fixture-document.ts';
import { readStructure, walk, type PdfStructure, type StructNode } from '../../support/pdf-structure.ts';
import { bundledFonts, fixturePack } from '../../support/project-files.ts';

const OPTIONS = { generatedAt: '2021-12-07T09:00:00Z', version: 'abc123def4567890', fonts: bundledFonts() };

/** The text a reader hears for an element: the runs in its own marked content, in order. */
function textOf(node: StructNode, s: PdfStructure): string {
  const ids = new Set(walk([node]).flatMap((n) => n.content));
  return s.runs.filter((r) => r.in?.id != null && ids.has(r.in.id)).map((r) => r.text).join(' ').replace(/\s+/g, ' ').trim();
}

describe.each(['scrutiny-board', 'commissioning-finance'])('the %s pack, tagged', (packId) => {
  let doc: MeasuresDocument;
  let pack: PackTemplate;
  let raw: string;
  let s: PdfStructure;
  let all: StructNode[];

  beforeAll(async () => {
    doc = fixtureDocument();
    pack = await fixturePack(packId);
    const bytes = await renderPack(doc, pack, OPTIONS);
    raw = Buffer.from(bytes).toString('latin1');
    s = await readStructure(bytes);
    all = walk(s.roots);
  });

  // The titles the summary gives the rows (it tells apart measures the catalogue titles alike).
  const cardTitles = () => summarisePack(doc, pack).rows.map((r) => (r.available ? r.title : r.id));
  // A card whose equity tables the pack asks for is followed by their page, a Sect and bookmark of its own.
  const equityTitle = (title: string) => `${title}: equity breakdowns, November 2021`;
  const bookmarkTitles = () =>
    summarisePack(doc, pack).rows.flatMap((r) => (r.available && pack.equity[r.id] ? [r.title, equityTitle(r.title)] : [r.available ? r.title : r.id]));

  it('is PDF 1.7 with MarkInfo Marked, Lang en-GB, DisplayDocTitle and PDF/UA-1 XMP with the title', () => {
    // Matched on the raw bytes (catalogue, MarkInfo and XMP are not compressed); booleans keep failures short.
    const has = (pattern: RegExp) => pattern.test(raw);
    expect(raw.slice(0, 8)).toBe('%PDF-1.7');
    expect(has(/\/MarkInfo \d+ 0 R/)).toBe(true);
    expect(has(/<<\n\/Marked true\n>>/)).toBe(true);
    expect(has(/\/Lang \(en-GB\)/)).toBe(true);
    expect(has(/\/DisplayDocTitle true/)).toBe(true);
    expect(has(/<pdfuaid:part>1<\/pdfuaid:part>/)).toBe(true);
    const title = Buffer.from(`${pack.title} — November 2021`, 'utf8').toString('latin1');
    expect(has(new RegExp(`<dc:title>\\s*<rdf:Alt>\\s*<rdf:li xml:lang="x-default">${title}</rdf:li>`))).toBe(true);
  });

  it('puts every text run in tagged content the tree points at, or in an artifact', () => {
    expect(s.runs.length).toBeGreaterThan(200);
    const loose = s.runs.filter((r) => !(r.in && (r.in.tag === 'Artifact' || (r.in.id != null && s.referenced.has(r.in.id)))));
    expect(loose).toEqual([]);
    // The running header and footer are artifacts, not part of the text.
    const footers = s.runs.filter((r) => /^Page \d+ of \d+$/.test(r.text));
    // One footer on every page: cover, summary (one page or more), contents and one page per card.
    const pages = Number(/of (\d+)$/.exec(footers[0].text)![1]);
    expect(footers.length).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(3 + cardTitles().length);
    expect(footers.every((r) => r.in?.tag === 'Artifact')).toBe(true);
  });

  it('reads in order: the pack as H1, Summary and Contents as H2, then one H2 per card in pack order', () => {
    expect(s.roots.map((r) => r.role)).toEqual(['Document']);
    const h1 = all.filter((n) => n.role === 'H1');
    expect(h1.map((n) => textOf(n, s))).toEqual([pack.title]);
    const h2 = all.filter((n) => n.role === 'H2').map((n) => textOf(n, s));
    expect(h2).toEqual(['Summary — November 2021', 'Contents', ...cardTitles()]);
    // Each card is a Sect inside its section's Sect.
    const sects = s.roots[0].children.filter((n) => n.role === 'Sect');
    expect(sects.length).toBeGreaterThan(0);
    const startsCard = (c: StructNode) => c.role === 'Sect' && c.children[0]?.role === 'H2';
    const startsEquityPage = (c: StructNode) => c.role === 'Sect' && c.children[0]?.role === 'H3' && textOf(c.children[0], s).endsWith('equity breakdowns, November 2021');
    expect(sects.every((sec) => sec.children.some((c) => startsCard(c) || startsEquityPage(c)))).toBe(true);
    // Each equity page heads its tables with its card's title, as an H3 under no other card.
    const equityHeads = all.filter((n) => n.role === 'H3' && textOf(n, s).endsWith('equity breakdowns, November 2021')).map((n) => textOf(n, s));
    expect(equityHeads).toEqual(summarisePack(doc, pack).rows.filter((r) => pack.equity[r.id]).map((r) => equityTitle(r.title)));
  });

  it('gives every figure an Alt: charts say latest value, movement, limits and signals; icons say what they show', () => {
    const figures = all.filter((n) => n.role === 'Figure');
    expect(figures.length).toBeGreaterThan(cardTitles().length * 3);
    expect(figures.filter((f) => !f.alt || f.alt.trim().length < 10)).toEqual([]);
    // An XmR chart where SPC applies, a line chart otherwise (rolling windows, too few points, withheld values).
    const charts = figures.filter((f) => /^(XmR|Line) chart of/.test(f.alt!));
    const charted = summarisePack(doc, pack).rows.filter((r) => doc.measures.find((m) => m.id === r.id)?.series.some((p) => p.value != null));
    expect(charts.length).toBe(charted.length);
    for (const c of charts) expect(c.alt).toMatch(/monthly values from \w+ \d{4} to November 2021\. Latest value .+ in \w+ \d{4}\./);
    expect(charts.filter((c) => /Mean .+; process limits .+ to .+\./.test(c.alt!)).length).toBeGreaterThan(0);
    expect(figures.some((f) => f.alt!.startsWith('Variation icon. Variation:'))).toBe(true);
    expect(figures.some((f) => f.alt!.startsWith('Assurance icon. Assurance:'))).toBe(true);
    expect(figures.some((f) => /^Arrow pointing (up|down|sideways)/.test(f.alt!))).toBe(true);
  });

  it('tags data tables as Table / TR / TH / TD, every table with header cells, scoped', () => {
    const tables = all.filter((n) => n.role === 'Table');
    expect(tables.length).toBeGreaterThan(1);
    for (const t of tables) {
      expect(t.children.every((r) => r.role === 'TR')).toBe(true);
      expect(walk(t.children).some((n) => n.role === 'TH')).toBe(true);
    }
    expect(/\/S \/TH\n\/A <<\n\/O \/Table\n\/Scope \/Column/.test(raw)).toBe(true);
    expect(/\/S \/TH\n\/A <<\n\/O \/Table\n\/Scope \/Row/.test(raw)).toBe(true);
  });

  it('tags the data notes as a list and the contents as TOC items whose links are in the tree', () => {
    const lists = all.filter((n) => n.role === 'L');
    expect(lists.length).toBe(cardTitles().length);
    expect(lists.every((l) => l.children.every((li) => li.role === 'LI' && li.children[0]?.role === 'LBody'))).toBe(true);
    const toc = all.filter((n) => n.role === 'TOC');
    expect(toc).toHaveLength(1);
    expect(toc[0].children.filter((c) => c.role === 'TOCI')).toHaveLength(cardTitles().length + pack.sections.length);
    // pdfmake links each word of an entry separately: at least title and page number per entry.
    expect(s.links.length).toBeGreaterThanOrEqual(2 * (cardTitles().length + pack.sections.length));
    expect(s.links.every((l) => l.tagged)).toBe(true);
  });

  it('bookmarks Summary, Contents, every section and, under it, every card', () => {
    expect(s.outline.map((o) => o.title)).toEqual(['Summary — November 2021', 'Contents', ...pack.sections.map((sec) => sec.title)]);
    expect(s.outline.slice(2).flatMap((o) => o.items.map((i) => i.title))).toEqual(bookmarkTitles());
  });
});
