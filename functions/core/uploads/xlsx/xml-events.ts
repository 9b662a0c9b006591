/**
 * Streams an XML part through saxes (the SAX parser jsdom uses) as open/close/text events with
 * local names, so `x:row` (prefixed, as some writers and ISO strict files have it) is `row`. A part
 * is never held whole: chunks are decoded as they come, and the caller gets control after each one
 * (to hand over the rows parsed so far, or to stop reading).
 */
import { SaxesParser } from 'saxes';

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
  // A malformed part throws out of write() (saxes throws when no error handler is set).
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunks = typeof source === 'string' ? [source] : source;
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
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
