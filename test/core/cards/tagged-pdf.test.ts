/**
 * tagged-pdf.ts on small hand-made documents, read back with pdfjs-dist: which pdfmake nodes become
 * which structure elements, what becomes an artifact, and that an untagged document is untouched.
 */
import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPack } from '../../../functions/core/cards/render-pack.ts';
import { tagged } from '../../../functions/core/cards/tagged-pdf.ts';
import { fixtureDocument } from './fixture-document.ts';
import { readStructure, walk } from '../../support/pdf-structure.ts';
import { bundledFonts, fixturePack } from '../../support/project-files.ts';

type Definition = Parameters<typeof pdfmake.createPdf>[0];

async function render(content: Content[], extra: Partial<Definition> = {}): Promise<Uint8Array> {
  const def = { content, defaultStyle: { font: 'Roboto', fontSize: 10 }, version: '1.7', subset: 'PDF/UA', tagged: true, language: 'en-GB', ...extra } as Definition;
  const buffer: Buffer = await pdfmake.createPdf(def).getBuffer();
  return new Uint8Array(buffer);
}

describe('tagged-pdf', () => {
  beforeAll(async () => {
    // renderPack sets pdfmake up with the bundled fonts and installs the tagging.
    await renderPack(fixtureDocument({ months: 13 }), await fixturePack('commissioning-finance'), { generatedAt: '2021-12-07T09:00:00Z', version: 'v', fonts: bundledFonts() });
  });

  it('makes a paragraph of each text, honours explicit tags, and leaves layout tables and columns out of the tree', async () => {
    const s = await readStructure(await render([
      tagged({ text: 'Title' }, { type: 'H1' }),
      'First paragraph',
      { columns: [{ text: 'Left' }, { text: 'Right' }] },
      { table: { body: [['In a layout table']] } },
    ]));
    expect(walk(s.roots).map((n) => n.role)).toEqual(['Document', 'H1', 'P', 'P', 'P', 'P']);
    expect(s.runs.map((r) => r.in?.tag)).toEqual(['H1', 'P', 'P', 'P', 'P']);
  });

  it('tags a table with header rows as Table/TR/TH/TD; a header repeated on the next page is an artifact', async () => {
    const body = [['Name', 'Value'], ...Array.from({ length: 80 }, (_, i) => [`row ${i + 1}`, String(i + 1)])];
    const s = await readStructure(await render([{ table: { headerRows: 1, body } }]));
    const roles = walk(s.roots).map((n) => n.role);
    expect(roles.filter((r) => r === 'Table').length).toBeGreaterThanOrEqual(1);
    expect(roles.filter((r) => r === 'TH')).toHaveLength(2);
    expect(roles.filter((r) => r === 'TD')).toHaveLength(160);
    const headers = s.runs.filter((r) => r.text === 'Name');
    expect(headers.length).toBeGreaterThan(1);
    expect(headers.map((r) => r.in?.tag)).toEqual(['TH', ...headers.slice(1).map(() => 'Artifact')]);
    expect(new Set(headers.map((r) => r.page)).size).toBe(headers.length);
  });

  it('makes leading columns row headers when a table says so', async () => {
    const s = await readStructure(await render([tagged({ table: { body: [['Month', 'November'], ['Version', '3']] } }, { type: 'Table', headerColumns: 1 })]));
    const table = walk(s.roots).find((n) => n.role === 'Table')!;
    expect(table.children.map((tr) => tr.children.map((c) => c.role))).toEqual([['TH', 'TD'], ['TH', 'TD']]);
  });

  it('puts text and drawings inside a Figure into the Figure, and other drawings into artifacts', async () => {
    const s = await readStructure(await render([
      tagged({ stack: [{ text: 'axis 10' }, { canvas: [{ type: 'rect', x: 0, y: 0, w: 40, h: 20, color: '#336699' }] }] }, { type: 'Figure', alt: 'A blue box' }) as Content,
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 100, y2: 0, lineWidth: 1 }] },
      { ul: ['one', 'two'] },
    ]));
    const nodes = walk(s.roots);
    expect(nodes.map((n) => n.role)).toEqual(['Document', 'Figure', 'L', 'LI', 'LBody', 'LI', 'LBody']);
    expect(nodes[1].alt).toBe('A blue box');
    expect(s.runs.find((r) => r.text === 'axis 10')?.in?.tag).toBe('Figure');
  });

  it('makes running headers and footers artifacts', async () => {
    const s = await readStructure(await render(['Body text'], { header: () => ({ text: 'Running header' }), footer: (page: number) => ({ text: `Page ${page}` }) }));
    // pdfmake draws headers and footers after the body; the order of the runs does not matter here.
    expect(new Map(s.runs.map((r) => [r.text, r.in?.tag]))).toEqual(new Map([['Running header', 'Artifact'], ['Body text', 'P'], ['Page 1', 'Artifact']]));
  });

  it('leaves an untagged document without a structure tree', async () => {
    const bytes = await render(['Plain'], { tagged: false, subset: undefined });
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('/StructTreeRoot');
    const s = await readStructure(bytes);
    expect(s.roots).toEqual([]);
    expect(s.runs.map((r) => r.in)).toEqual([null]);
  });
});
