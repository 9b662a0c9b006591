/**
 * The XML limits every workbook part is read under, with work bounded by counting: an endless
 * part is refused after a few chunks of it have been read, so the parser never holds more than
 * the limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEYOND, MAX_CELL_CHARS, MAX_XML_DEPTH, MAX_XML_TOKEN_CHARS } from '../../../../functions/core/uploads/xlsx/limits.ts';
import { parseXml, parseXmlChunks } from '../../../../functions/core/uploads/xlsx/xml-events.ts';

/** `head`, then `unit` for ever; `pulled.count` says how many units were read. */
function endless(head: string, unit: string, pulled: { count: number }): AsyncIterable<Uint8Array> {
  const encoded = new TextEncoder().encode(unit);
  return (async function* () {
    yield new TextEncoder().encode(head);
    for (;;) {
      pulled.count++;
      yield encoded;
    }
  })();
}

describe('XML limits', () => {
  it(`elements nested more than ${MAX_XML_DEPTH} deep are refused as they open`, async () => {
    const pulled = { count: 0 };
    // Ten elements a chunk: the 65th opens in the seventh.
    await expect(parseXml(endless('<a>', '<x>'.repeat(10), pulled), {})).rejects.toThrow(BEYOND.xmlDepth);
    expect(pulled.count).toBe(7);

    let deepest = 0;
    let depth = 0;
    const nested = '<x>'.repeat(MAX_XML_DEPTH) + '</x>'.repeat(MAX_XML_DEPTH);
    await parseXml(nested, { open: () => (deepest = Math.max(deepest, ++depth)), close: () => depth-- });
    expect(deepest).toBe(MAX_XML_DEPTH);
  });

  it(`a text or tag longer than ${MAX_XML_TOKEN_CHARS.toLocaleString('en-GB')} characters is refused before it ends`, async () => {
    const chunk = 64 * 1024;
    for (const [head, unit] of [['<a>', 'x'], ['<a ', 'b="1" '.repeat(4)], ['<a><!--', '-x']]) {
      const pulled = { count: 0 };
      await expect(parseXml(endless(head, unit.repeat(chunk / unit.length), pulled), { text: () => undefined }), head).rejects.toThrow(BEYOND.xmlToken);
      // The chunk that passes the limit, and no more.
      expect(pulled.count, head).toBe(MAX_XML_TOKEN_CHARS / chunk + 1);
    }
  });

  it('a cell of 32,767 characters written with entity escapes is read whole', async () => {
    const escaped = '&quot;'.repeat(MAX_CELL_CHARS);
    const chunks = (async function* () {
      const xml = new TextEncoder().encode(`<t>${escaped}</t>`);
      for (let at = 0; at < xml.length; at += 1000) yield xml.subarray(at, at + 1000);
    })();
    let text = '';
    await parseXml(chunks, { text: (t) => (text += t) });
    expect(text).toBe('"'.repeat(MAX_CELL_CHARS));
  });
});

describe('the blank-cell fast path', () => {
  /** Every event (or the error that ended the part) as text, the part fed in chunks cut at `cuts`. */
  async function events(xml: string, cuts: number[], blankCells: boolean): Promise<string[]> {
    const out: string[] = [];
    const at = [...new Set(cuts.map((c) => c % (xml.length + 1)))].sort((a, b) => a - b);
    const chunks = [0, ...at].map((from, i) => xml.slice(from, at[i] ?? xml.length));
    const source = (async function* () {
      for (const c of chunks) yield new TextEncoder().encode(c);
    })();
    const handlers = {
      open: (name: string, attributes: Readonly<Record<string, string>>) => void out.push(`<${name} ${JSON.stringify(attributes)}>`),
      close: (name: string) => void out.push(`</${name}>`),
      text: (t: string) => void out.push(t),
    };
    try {
      for await (const _ of parseXmlChunks(source, handlers, { blankCells }));
    } catch (e) {
      out.push(`error: ${e instanceof Error && e.message.startsWith('The .xlsx') ? e.message : 'malformed'}`);
    }
    return out;
  }

  // Blank cells in every context that must not be taken for cells (comments, CDATA, attribute
  // values, after the root, with text pending), beside the forms the fast path takes.
  const piece = fc.constantFrom(
    '<c/>', '<c r="B2"/>', '<c r="B2" s="3"/>', '<c s="1"/>', '<c r="A1" r="B1"/>', '<c r="A1" t="s"/>', '<c  r="A1"/>', '<x:c r="C3"/>',
    '<row r="2">', '</row>', '<v>', '</v>', '<c r="D2"><v>1</v></c>', 'text', ' ', '&amp;', '<!-- <c/> -->', '<![CDATA[<c r="A1"/>]]>', '<?pi <c/>?>',
    '<a b="><c/>"/>', '<a b=">"/>', ']]>', '<is><t>', '</t></is>', '<', '>',
  );
  const part = fc.tuple(fc.array(piece, { maxLength: 30 }), fc.boolean()).map(([pieces, closed]) => `<worksheet><sheetData>${pieces.join('')}</sheetData></worksheet>${closed ? '' : '<c/>'}`);

  it('gives the events (or the error) saxes gives, however the part is cut into chunks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(part, fc.array(fc.nat(), { maxLength: 6 }), async (xml, cuts) => {
        expect(await events(xml, cuts, true)).toEqual(await events(xml, cuts, false));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes a run of blank cells in one piece and counts each', async () => {
    const xml = `<worksheet><sheetData><row>${'<c r="A1" s="1"/>'.repeat(3)}<c/></row></sheetData></worksheet>`;
    const fast = await events(xml, [], true);
    expect(fast.filter((e) => e.startsWith('<c '))).toEqual([...Array(3).fill('<c {"r":"A1","s":"1"}>'), '<c {}>']);
    expect(fast).toEqual(await events(xml, [], false));
  });

  it('refuses a blank cell nested beyond the depth limit, as saxes does', async () => {
    const xml = `${'<x>'.repeat(MAX_XML_DEPTH)}<c/>`;
    expect(await events(xml, [], true)).toEqual(await events(xml, [], false));
    expect((await events(xml, [], true)).at(-1)).toContain(BEYOND.xmlDepth);
  });
});
