/**
 * Tagged PDF (PDF/UA-1) from pdfmake. pdfmake passes `tagged`, `subset`, `lang` and `displayTitle`
 * through to pdfkit, which writes MarkInfo, the XMP `pdfuaid:part` and DisplayDocTitle, but it lays
 * text out with no structure tree. This module adds the tree without changing either library:
 *
 * - while pdfmake lays a document out, every line and vector it places is stamped with the
 *   structure element it belongs to, worked out from the content node that made it (an explicit
 *   `pdfTag`, else: a table with header rows is Table/TR/TH/TD, a list is L/LI/LBody, a table of
 *   contents is TOC/TOCI/Link, a paragraph of text is P; running headers, footers and repeated
 *   table headers are artifacts);
 * - while pdfmake draws, each stamped item is wrapped in marked content under its element (created
 *   on first use, so the tree is in reading order) or as an Artifact. Vectors are drawings: part of
 *   the Figure they sit in, else decoration (Artifact). Text inside a Figure is part of it; the
 *   Figure's Alt says what it shows.
 *
 * Only documents with `tagged: true` are affected; others render exactly as before.
 */
import * as layoutModule from 'pdfmake/js/LayoutBuilder.js';
import * as writerModule from 'pdfmake/js/ElementWriter.js';
import * as pageWriterModule from 'pdfmake/js/PageElementWriter.js';
import * as rendererModule from 'pdfmake/js/Renderer.js';

export type StructType =
  | 'Sect' | 'Div' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD'
  | 'Figure' | 'TOC' | 'TOCI' | 'Link' | 'Artifact';

export interface StructTag {
  type: StructType;
  /** Figure: what it shows, read instead of the drawing. */
  alt?: string;
  /** Sect: its title (/T), e.g. the card's measure title. */
  title?: string;
  /** Table: leading columns that are row headers (TH with Scope Row). */
  headerColumns?: number;
  /** TH: which cells it heads. */
  scope?: 'Column' | 'Row';
  /** Link: the annotation's description (/Contents). */
  contents?: string;
  /** Artifact: `Pagination` (running header, footer, repeated table header) or `Layout`. */
  artifact?: 'Pagination' | 'Layout';
}

/** A content node marked as a structure element, e.g. `tagged({ text: 'Summary', style: 'h2' }, { type: 'H2' })`. */
export function tagged<T extends object>(node: T, tag: StructTag): T {
  return { ...node, pdfTag: tag };
}

interface Descriptor { tag: StructTag; parent: Descriptor | null }
// pdfmake's nodes and items are plain objects it mutates as it lays out; they are typed loosely here.
type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Method = (this: Node, ...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

const STAMP = '_pdfTag';
const PRESET = '_pdfTagPreset';
/** Element types whose text goes straight in (no P of its own). */
const HOLDS_TEXT = new Set<StructType>(['H1', 'H2', 'H3', 'P', 'TH', 'TD', 'LBody', 'Link', 'Figure', 'Artifact']);
const REPEATED: Descriptor = { tag: { type: 'Artifact', artifact: 'Pagination' }, parent: null };

/** Whether any ancestor (or d itself) absorbs everything inside it: an Artifact or a Figure. */
function absorbing(d: Descriptor | null): boolean {
  for (let a = d; a; a = a.parent) if (a.tag.type === 'Artifact' || a.tag.type === 'Figure') return true;
  return false;
}

function cellText(cell: Node | undefined): string {
  const t = cell?.text;
  return typeof t === 'string' ? t : Array.isArray(t) ? t.map((x) => (typeof x === 'string' ? x : cellText(x))).join('') : '';
}

/** A table: rows of a table of contents, a data table (it has header rows), or layout (nothing). */
function describeTable(node: Node, parent: Descriptor | null): Descriptor | null {
  const body: Node[][] = node.table.body;
  if (parent?.tag.type === 'TOC') {
    for (const row of body) {
      const item: Descriptor = { tag: { type: 'TOCI' }, parent };
      const contents = `Go to ${cellText(row[0])}`;
      for (const cell of row) if (cell && typeof cell === 'object') cell[PRESET] = { tag: { type: 'Link', contents }, parent: item };
    }
    return null;
  }
  const headerRows: number = node.table.headerRows ?? 0;
  const explicit: StructTag | undefined = node.pdfTag;
  if (!headerRows && explicit?.type !== 'Table') return null;
  const table: Descriptor = { tag: { ...(explicit ?? {}), type: 'Table' }, parent };
  const headerColumns = explicit?.headerColumns ?? 0;
  body.forEach((row, r) => {
    const tr: Descriptor = { tag: { type: 'TR' }, parent: table };
    row.forEach((cell, c) => {
      if (!cell || typeof cell !== 'object') return;
      const tag: StructTag = r < headerRows ? { type: 'TH', scope: 'Column' } : c < headerColumns ? { type: 'TH', scope: 'Row' } : { type: 'TD' };
      cell[PRESET] = { tag, parent: tr };
    });
  });
  return table;
}

function describeList(node: Node, parent: Descriptor | null): Descriptor {
  const list: Descriptor = { tag: { type: 'L' }, parent };
  for (const item of (node.ul ?? node.ol) as Node[]) {
    if (item && typeof item === 'object') item[PRESET] = { tag: { type: 'LBody' }, parent: { tag: { type: 'LI' }, parent: list } };
  }
  return list;
}

/** The structure element a content node opens, or null when it belongs to its parent's. */
function describe(node: Node, parent: Descriptor | null): Descriptor | null {
  if (node[PRESET]) return node[PRESET];
  if (absorbing(parent)) return null;
  if (node.table) return describeTable(node, parent);
  if (node.pdfTag) return { tag: node.pdfTag, parent };
  if (node.ul || node.ol) return describeList(node, parent);
  if (node.toc) return { tag: { type: 'TOC' }, parent };
  if (node.text !== undefined && !(parent && HOLDS_TEXT.has(parent.tag.type))) return { tag: { type: 'P' }, parent };
  return null;
}

function classOf(ns: { default: unknown }): { prototype: Record<string, Method> } {
  const d = ns.default as { default?: unknown; prototype?: unknown };
  return (typeof d === 'function' ? d : d.default) as { prototype: Record<string, Method> };
}

function wrap(cls: { prototype: Record<string, Method> }, name: string, around: (original: Method) => Method): void {
  const original = cls.prototype[name];
  if (typeof original !== 'function') throw new Error(`pdfmake has no ${name}: tagged-pdf.ts needs updating for this pdfmake version`);
  cls.prototype[name] = around(original);
}

/** Marked content on the page being drawn: at most one sequence open, closed before anything else. */
class MarkedContent {
  private readonly elements = new Map<Descriptor, Node>();
  private readonly root: Node;
  private open: Descriptor | 'Pagination' | 'Layout' | null = null;
  /** The Link element being drawn, so its annotation joins it. */
  link: { element: Node; contents: string } | null = null;

  constructor(private readonly doc: Node) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private element(d: Descriptor): Node {
    let el = this.elements.get(d);
    if (!el) {
      const { type, alt, title, scope } = d.tag;
      el = this.doc.struct(type, { ...(alt ? { alt } : {}), ...(title ? { title } : {}), ...(scope ? { scope } : {}) }) as Node;
      (d.parent ? this.element(d.parent) : this.root).add(el);
      this.elements.set(d, el);
    }
    return el;
  }

  /** Where an item drawn for `d` goes: the outermost Figure around it, an artifact, or its element. */
  private target(d: Descriptor | undefined, graphic: boolean): Descriptor | 'Pagination' | 'Layout' {
    let figure: Descriptor | null = null;
    for (let a = d ?? null; a; a = a.parent) {
      if (a.tag.type === 'Artifact') return a.tag.artifact ?? 'Layout';
      if (a.tag.type === 'Figure') figure = a;
    }
    if (figure) return figure;
    if (graphic || !d) return 'Layout';
    return d;
  }

  enter(d: Descriptor | undefined, graphic: boolean): void {
    const target = this.target(d, graphic);
    if (target === this.open) return;
    this.close();
    if (typeof target === 'string') {
      this.doc.markContent('Artifact', { type: target });
    } else {
      const element = this.element(target);
      element.add(this.doc.markStructureContent(target.tag.type));
      if (target.tag.type === 'Link') this.link = { element, contents: target.tag.contents ?? '' };
    }
    this.open = target;
  }

  close(): void {
    if (this.open) this.doc.endMarkedContent();
    this.open = null;
    this.link = null;
  }
}

let installed = false;

/** Extends pdfmake's layout and renderer (once per process). Call before rendering a tagged document. */
export function installTaggedPdf(): void {
  if (installed) return;
  installed = true;
  const LayoutBuilder = classOf(layoutModule), ElementWriter = classOf(writerModule);
  const PageElementWriter = classOf(pageWriterModule), Renderer = classOf(rendererModule);

  // Layout: keep a stack of open elements; the writer stamps what it places with the innermost.
  wrap(LayoutBuilder, 'processNode', (original) => function (node: Node, ...rest) {
    const stack: Descriptor[] = (this._pdfTags ??= []);
    this.writer._pdfTags = stack;
    const d = describe(node, stack.at(-1) ?? null);
    if (d) stack.push(d);
    try {
      return original.call(this, node, ...rest);
    } finally {
      if (d) stack.pop();
    }
  });
  for (const name of ['addDynamicRepeatable', 'addBackground']) {
    wrap(LayoutBuilder, name, (original) => function (...args) {
      const stack: Descriptor[] = (this._pdfTags ??= []);
      stack.push({ tag: { type: 'Artifact', artifact: 'Pagination' }, parent: null });
      try { return original.apply(this, args); } finally { stack.pop(); }
    });
  }
  for (const name of ['addLine', 'addVector', 'addImage', 'addSVG']) {
    wrap(ElementWriter, name, (original) => function (item: Node, ...rest) {
      const top = (this._pdfTags as Descriptor[] | undefined)?.at(-1);
      if (top) item[STAMP] = top;
      return original.call(this, item, ...rest);
    });
  }
  // A table header repeated on a later page is a copy: an artifact, not a second set of TH.
  wrap(PageElementWriter, 'currentBlockToRepeatable', (original) => function (...args) {
    const rep = original.apply(this, args);
    rep.items = rep.items.map((it: Node) => {
      const copy = typeof it.item?.clone === 'function' ? it.item.clone() : { ...it.item };
      copy[STAMP] = REPEATED;
      return { type: it.type, item: copy };
    });
    return rep;
  });

  // Drawing: wrap each stamped item in marked content.
  wrap(Renderer, 'renderPages', (original) => function (...args) {
    const doc = this.pdfDocument;
    if (!doc.options?.tagged) return original.apply(this, args);
    const marks = new MarkedContent(doc);
    this._pdfMarks = marks;
    const { addPage, goTo } = doc;
    doc.addPage = function (...a: unknown[]) { marks.close(); return addPage.apply(this, a); };
    doc.goTo = function (x: number, y: number, w: number, h: number, name: string, options: Node = {}) {
      const link = marks.link;
      return goTo.call(this, x, y, w, h, name, link ? { ...options, structParent: link.element, Contents: new String(link.contents) } : options);
    };
    try {
      const result = original.apply(this, args);
      marks.close();
      return result;
    } finally {
      doc.addPage = addPage;
      doc.goTo = goTo;
    }
  });
  for (const [name, graphic] of [['renderLine', false], ['renderVector', true], ['renderImage', true], ['renderSVG', true]] as const) {
    wrap(Renderer, name, (original) => function (item: Node, ...rest) {
      (this._pdfMarks as MarkedContent | undefined)?.enter(item[STAMP], graphic);
      return original.call(this, item, ...rest);
    });
  }
  // Clipping and alignment save and restore graphics state: keep that outside marked content.
  for (const name of ['beginClip', 'endClip', 'beginVerticalAlignment', 'endVerticalAlignment']) {
    wrap(Renderer, name, (original) => function (...args) {
      (this._pdfMarks as MarkedContent | undefined)?.close();
      return original.apply(this, args);
    });
  }
}
