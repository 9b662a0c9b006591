/**
 * Small vector signs: RAG badges, direction arrows and the Making Data Count variation and
 * assurance icons. Each is drawn as pdfmake canvas shapes (crisp at any zoom, no image files) and
 * always comes with its words beside it, so nothing depends on telling colours apart.
 */
import type { Content } from 'pdfmake';
import type { MeasureResult, Spc } from '../measures/document.ts';
import { C, RAG_STYLE } from './palette.ts';
import type { Direction, Rag } from './summary.ts';
import { tagged } from './tagged-pdf.ts';
import { variationWords } from './spc-words.ts';

type Polarity = MeasureResult['polarity'];

/** A filled badge with the RAG word (and its meaning when `long`). */
export function ragBadge(rag: Rag | null, long = false, fontSize = 9, words?: string): Content {
  const s = RAG_STYLE[rag ?? 'none'];
  return {
    table: { body: [[{ text: words ?? (long ? `${s.word}: ${s.meaning}` : s.word), bold: true, color: s.text, fillColor: s.fill, fontSize, alignment: 'center', margin: [4, 1, 4, 1] }]] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => C.text, vLineColor: () => C.text, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
  };
}

/** Which way the value moved: improving a high-is-good measure means it went up. */
export function movement(direction: Direction | null, polarity: Polarity | null): 'up' | 'down' | 'flat' | null {
  if (direction == null) return null;
  if (direction === 'same') return 'flat';
  if (direction === 'up' || direction === 'down') return direction;
  const improving = direction === 'improving';
  return improving === (polarity !== 'low') ? 'up' : 'down';
}

export function directionColour(direction: Direction | null): string {
  return direction === 'improving' ? C.improvement : direction === 'worsening' ? C.concern : C.common;
}

/** A block arrow `size` points square: up, down or flat; nothing for null. */
export function arrow(direction: Direction | null, polarity: Polarity | null, size = 10): Content {
  const way = movement(direction, polarity);
  const colour = directionColour(direction);
  const s = size;
  if (way == null) return { text: '' };
  const up = [
    { x: s / 2, y: 0 }, { x: s, y: s * 0.5 }, { x: s * 0.68, y: s * 0.5 }, { x: s * 0.68, y: s },
    { x: s * 0.32, y: s }, { x: s * 0.32, y: s * 0.5 }, { x: 0, y: s * 0.5 },
  ];
  const points =
    way === 'up' ? up
      : way === 'down' ? up.map((p) => ({ x: p.x, y: s - p.y }))
        : up.map((p) => ({ x: s - p.y, y: p.x }));
  // The arrow shows movement; its colour says whether that is better or worse, so the Alt does too.
  const alt = `Arrow pointing ${way === 'flat' ? 'sideways' : way}${direction === 'improving' || direction === 'worsening' ? `: ${direction}` : ''}`;
  return tagged({ canvas: [{ type: 'polyline', points, closePath: true, color: colour, lineColor: C.text, lineWidth: 0.4 }], width: s }, { type: 'Figure', alt }) as Content;
}

/** An arrow followed by its word, e.g. ▲ Improving. */
export function arrowWithWord(direction: Direction | null, polarity: Polarity | null, fontSize = 9): Content {
  if (direction == null) return { text: 'No comparison', fontSize, color: C.muted };
  const size = fontSize;
  return {
    columns: [
      { ...(arrow(direction, polarity, size) as object), width: size + 3, margin: [0, 1, 0, 0] } as Content,
      { text: direction.charAt(0).toUpperCase() + direction.slice(1), fontSize, width: 'auto' },
    ],
    columnGap: 0,
  };
}

const ICON = 22;

/** A filled circle with a letter in the middle, as the Making Data Count icons are drawn. */
function disc(fill: string, letter: string, inner?: Content): Content {
  return {
    stack: [
      { canvas: [{ type: 'ellipse', x: ICON / 2, y: ICON / 2, r1: ICON / 2 - 0.5, r2: ICON / 2 - 0.5, color: fill, lineColor: C.text, lineWidth: 0.5 }] },
      letter
        ? { text: letter, bold: true, color: '#ffffff', fontSize: 11, alignment: 'center', width: ICON, relativePosition: { x: 0, y: -ICON + 4 } }
        : inner ?? { text: '' },
    ],
    width: ICON,
  } as Content;
}

/** High or low side of the latest special cause, for the H/L letter. */
function side(spc: Spc, latest: number | null): 'H' | 'L' {
  return latest != null && latest < spc.mean ? 'L' : 'H';
}

/** The variation icon: blue H/L for improvement, orange H/L for concern, purple for neither, grey dots for common cause. */
export function variationIcon(m: MeasureResult): Content {
  return tagged(variationDrawing(m.spc, m.latest.value) as object, { type: 'Figure', alt: `Variation icon. ${variationWords(m)}` }) as Content;
}

function variationDrawing(spc: Spc | null, latest: number | null): Content {
  if (!spc) return blank();
  if (spc.variation === 'common cause') {
    const dots = [5, 9, 13, 17].map((x, i) => ({ type: 'ellipse', x, y: i % 2 ? ICON / 2 - 2 : ICON / 2 + 2, r1: 1.6, r2: 1.6, color: '#ffffff' }));
    return { stack: [{ canvas: [{ type: 'ellipse', x: ICON / 2, y: ICON / 2, r1: ICON / 2 - 0.5, r2: ICON / 2 - 0.5, color: C.common, lineColor: C.text, lineWidth: 0.5 }, ...dots] }], width: ICON } as Content;
  }
  const fill = spc.variation === 'improvement' ? C.improvement : spc.variation === 'concern' ? C.concern : C.neutralCause;
  return disc(fill, side(spc, latest));
}

/** The icon's room with nothing in it: no icon where there is no judgement to show. */
function blank(): Content {
  return { text: '', width: ICON } as Content;
}

/** The assurance icon: P (pass), F (fail), ? (hit and miss); nothing when none is shown (spc-words.ts says why). */
export function assuranceIcon(assurance: Spc['assurance'], words: string): Content {
  return tagged(assuranceDrawing(assurance) as object, { type: 'Figure', alt: `Assurance icon. ${words}` }) as Content;
}

function assuranceDrawing(assurance: Spc['assurance']): Content {
  if (assurance == null) return blank();
  const [fill, letter] =
    assurance === 'consistently pass' ? [C.improvement, 'P'] : assurance === 'consistently fail' ? [C.concern, 'F'] : [C.common, '?'];
  return disc(fill, letter);
}
