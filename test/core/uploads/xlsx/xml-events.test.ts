/**
 * The XML limits every workbook part is read under, with work bounded by counting: an endless
 * part is refused after a few chunks of it have been read, so the parser never holds more than
 * the limit.
 */
import { describe, expect, it } from 'vitest';
import { BEYOND, MAX_CELL_CHARS, MAX_XML_DEPTH, MAX_XML_TOKEN_CHARS } from '../../../../functions/core/uploads/xlsx/limits.ts';
import { parseXml } from '../../../../functions/core/uploads/xlsx/xml-events.ts';

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
