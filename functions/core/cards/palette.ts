/**
 * Colours chosen to survive greyscale printing and colour-blind readers: RAG greens, ambers and
 * reds differ in lightness as well as hue (green dark, red middle, amber light), SPC uses the Okabe–Ito blue and
 * vermilion that Making Data Count readers know, and nothing relies on colour alone — every badge
 * carries its word and every special-cause point a distinct shape.
 */
export const C = {
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#b0b0b0',
  faint: '#eeeeee',
  heading: '#12324f',
  ragGreen: '#00573f',
  ragAmber: '#f7d774',
  ragRed: '#e06c5e',
  ragNone: '#e6e6e6',
  improvement: '#0072b2',
  concern: '#d55e00',
  neutralCause: '#6a3d9a',
  common: '#7a7a7a',
  /** Okabe–Ito bluish green: apart from the grey limits, the series and the special-cause colours. */
  target: '#007a5a',
  series: '#333333',
} as const;

/** Text colour on each RAG fill (contrast ≥ 4.5:1). */
export const RAG_STYLE = {
  green: { fill: C.ragGreen, text: '#ffffff', word: 'Green', meaning: 'meets target' },
  amber: { fill: C.ragAmber, text: '#000000', word: 'Amber', meaning: 'within 10% of target' },
  red: { fill: C.ragRed, text: '#000000', word: 'Red', meaning: 'misses target by more than 10%' },
  none: { fill: C.ragNone, text: '#000000', word: 'No RAG', meaning: 'no target or not rated' },
} as const;
