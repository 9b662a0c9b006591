/**
 * Streams an XML part through saxes (the SAX parser jsdom uses) as open/close/text events with
 * local names, so `x:row` (prefixed, as some writers and ISO strict files have it) is `row`. A part
 * is never held whole: chunks are decoded as they come, and the caller gets control after each one
 * (to hand over the rows parsed so far, or to stop reading). The parser keeps one entry per open
 * element and a token (a text, a tag) whole until it ends, so depth and token length are limited
 * here, for every part (limits.ts).
 */
import { SaxesParser } from 'saxes';
import { beyondLimit, MAX_XML_DEPTH, MAX_XML_TOKEN_CHARS } from './limits.ts';

export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

type XmlSource = AsyncIterable<Uint8Array | string> | string;

/** Parses the whole part. */
export async function parseXml(source: XmlSource, handlers: XmlHandlers): Promise<void> {
  for await (const _ of parseXmlChunks(source, handlers));
}

/**
 * Blank cells as Excel writes them (`<c r="B7" s="3"/>`, or `<c/>`), a run of them in one match.
 * Only these plain forms: anything else (another attribute, an entity, a repeated attribute)
 * goes to saxes, which judges its well-formedness.
 */
const BLANK_CELLS = /(?:<c(?: r="[A-Za-z]{1,8}[0-9]{1,12}")?(?: s="[0-9]{1,9}")?\/>)+/g;
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/** The events of a run of BLANK_CELLS, each cell's attributes read by position (the pattern fixed them). */
function blankCellEvents(run: string, handlers: XmlHandlers): void {
  for (let at = 0; at < run.length; ) {
    const end = run.indexOf('/>', at);
    let attributes = NO_ATTRIBUTES;
    if (end - at > 2) {
      const a: Record<string, string> = {};
      let q = at + 2;
      if (run.startsWith(' r="', q)) {
        const quote = run.indexOf('"', q + 4);
        a.r = run.slice(q + 4, quote);
        q = quote + 1;
      }
      if (run.startsWith(' s="', q)) a.s = run.slice(q + 4, run.indexOf('"', q + 4));
      attributes = a;
    }
    handlers.open?.('c', attributes);
    handlers.close?.('c');
    at = end + 2;
  }
}

/** saxes's private parser state where markup is between tags (read from a probe, so a saxes that keeps no such field just has no fast path). */
const BETWEEN_TAGS = (() => {
  const probe = new SaxesParser({ xmlns: false, position: false });
  probe.write('<a>');
  return (probe as unknown as { state?: unknown }).state ?? Symbol('none');
})();

/**
 * Parses the part, yielding after each chunk's events have been handled.
 *
 * `blankCells`: a sheet may hold tens of millions of blank cells, which saxes parses at a few
 * million a second. With this set, a run of them that starts right after a `>` where saxes is
 * between tags (not in a comment, CDATA or an attribute) with no text pending, inside the root, is
 * handed to the handlers as saxes would have (an open and a close each, in order), without saxes:
 * the same events, a few times faster.
 */
export async function* parseXmlChunks(source: XmlSource, handlers: XmlHandlers, options: { blankCells?: boolean } = {}): AsyncGenerator<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const state = parser as unknown as { state?: unknown; text?: unknown };
  // A malformed part throws out of write() (saxes throws when no error handler is set), and so
  // does a limit broken inside a handler.
  let depth = 0;
  let event = false;
  parser.on('opentag', (tag) => {
    event = true;
    if (++depth > MAX_XML_DEPTH) throw beyondLimit('xmlDepth');
    handlers.open?.(localName(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    event = true;
    depth--;
    handlers.close?.(localName(tag.name));
  });
  const text = (t: string) => {
    event = true;
    handlers.text?.(t);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  const write = (chunk: string) => {
    if (!options.blankCells || !chunk.includes('<c')) return parser.write(chunk);
    let from = 0;
    for (const run of chunk.matchAll(BLANK_CELLS)) {
      const at = run.index;
      if (at === 0 || chunk.charCodeAt(at - 1) !== 0x3e /* > */) continue;
      parser.write(chunk.slice(from, at));
      from = at;
      if (state.state !== BETWEEN_TAGS || state.text !== '' || depth === 0) continue;
      event = true;
      if (depth + 1 > MAX_XML_DEPTH) throw beyondLimit('xmlDepth');
      blankCellEvents(run[0], handlers);
      from = at + run[0].length;
    }
    parser.write(from === 0 ? chunk : chunk.slice(from));
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunks = typeof source === 'string' ? [source] : source;
  // Characters written since a chunk that ended a token: a lower bound of the open token's length
  // (a chunk with an event in it may have started the token anywhere, so it does not count).
  let open = 0;
  for await (const chunk of chunks) {
    const textChunk = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    event = false;
    write(textChunk);
    open = event ? 0 : open + textChunk.length;
    if (open > MAX_XML_TOKEN_CHARS) throw beyondLimit('xmlToken');
    yield;
  }
  parser.write(decoder.decode());
  parser.close();
  yield;
}

/** An attribute by local name (`r:id` and `relationships:id` are both `id` with a prefix). */
export function prefixedAttribute(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (name.includes(':') && localName(name) === local) return value;
  }
  return undefined;
}
