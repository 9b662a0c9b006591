/**
 * A tagged PDF read back with pdfjs-dist, as assistive technology reads it: the structure tree
 * (roles, Alt texts, reading order) and, per page, whether each text run sits inside marked content
 * the tree points at or inside an Artifact. Independent of pdfmake and of tagged-pdf.ts.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface StructNode {
  role: string;
  alt?: string;
  children: StructNode[];
  /** Marked-content ids (`<page>_mc<n>`) directly under this element. */
  content: string[];
}

export interface TextRun {
  page: number;
  text: string;
  /** The innermost marked content around the run: `Artifact`, a struct-tree id, or null (none). */
  in: { tag: string; id: string | null } | null;
}

export interface PdfStructure {
  /** The Document element(s) under the root, in order. */
  roots: StructNode[];
  runs: TextRun[];
  /** Every marked-content id the tree refers to. */
  referenced: Set<string>;
  outline: { title: string; items: { title: string }[] }[];
  /** Link annotations per page: whether the tree refers to each (StructParent). */
  links: { page: number; tagged: boolean }[];
}

interface RawNode { role?: string; alt?: string; type?: string; id?: string; children?: RawNode[] }

function toNode(raw: RawNode, referenced: Set<string>): StructNode {
  const node: StructNode = { role: raw.role ?? '', alt: raw.alt, children: [], content: [] };
  for (const child of raw.children ?? []) {
    if (child.type === 'content' && child.id) { node.content.push(child.id); referenced.add(child.id); }
    else if (child.role) node.children.push(toNode(child, referenced));
  }
  return node;
}

export async function readStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const roots: StructNode[] = [];
  const runs: TextRun[] = [];
  const referenced = new Set<string>();
  const links: PdfStructure['links'] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    // Each page gives the whole tree, pruned to its own content: merge by keeping every page's ids.
    const tree = (await page.getStructTree()) as RawNode | null;
    const pageRoots = (tree?.children ?? []).map((c) => toNode(c, referenced));
    if (n === 1) roots.push(...pageRoots);
    else mergeInto(roots, pageRoots);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open: { tag: string; id: string | null }[] = [];
    for (const item of content.items as { type?: string; tag?: string; id?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push({ tag: item.tag ?? '', id: item.id ?? null });
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string' && item.str.trim() !== '') runs.push({ page: n, text: item.str, in: open.at(-1) ?? null });
    }
    for (const a of (await page.getAnnotations()) as { subtype: string; structParent?: number }[]) {
      if (a.subtype === 'Link') links.push({ page: n, tagged: typeof a.structParent === 'number' && a.structParent >= 0 });
    }
  }
  const outline = ((await pdf.getOutline()) ?? []).map((o) => ({ title: o.title, items: (o.items ?? []).map((i) => ({ title: i.title })) }));
  await pdf.destroy();
  return { roots, runs, referenced, outline, links };
}

/** The same element appears on every page it has content on: match by position and role. */
function mergeInto(into: StructNode[], from: StructNode[]): void {
  from.forEach((node, i) => {
    const same = into[i];
    if (!same || same.role !== node.role) { into.push(node); return; }
    same.content.push(...node.content);
    mergeInto(same.children, node.children);
  });
}

/** Every element, depth first (reading order). */
export function walk(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
}
