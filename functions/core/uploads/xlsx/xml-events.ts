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

/** Parses the part, yielding after each chunk's events have been handled. */
export async function* parseXmlChunks(source: XmlSource, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
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
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunks = typeof source === 'string' ? [source] : source;
  // Characters written since a chunk that ended a token: a lower bound of the open token's length
  // (a chunk with an event in it may have started the token anywhere, so it does not count).
  let open = 0;
  for await (const chunk of chunks) {
    const textChunk = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    event = false;
    parser.write(textChunk);
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
