/**
 * Rewrites a plain CSV upload in the other dialects extract-spec.md allows, for the dialect tests:
 * each rewrite changes only the spelling, never the meaning, so measures must not change.
 * Randomness is seeded (a tiny LCG) so every run writes the same files.
 */
import Papa from 'papaparse';

export interface Table {
  header: string[];
  rows: string[][];
}

export interface Writing {
  bom?: boolean;
  crlf?: boolean;
  quoteAll?: boolean;
}

export function readTable(text: string): Table {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return { header, rows };
}

export function writeTable(t: Table, w: Writing = {}): string {
  const field = (v: string) => (w.quoteAll || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const eol = w.crlf ? '\r\n' : '\n';
  const body = [t.header, ...t.rows].map((r) => r.map(field).join(',')).join(eol) + eol;
  return (w.bom ? '\uFEFF' : '') + body;
}

export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** extract-spec.md's header normalisation, to find a column whatever its spelling. */
export function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

export function columnIndex(t: Table, name: string): number {
  return t.header.findIndex((h) => normalise(h) === name);
}

/** Applies `f` to every non-blank value of the named columns. */
export function mapColumns(t: Table, names: string[], f: (value: string, row: number) => string): Table {
  const indexes = names.map((n) => columnIndex(t, n)).filter((i) => i >= 0);
  return { header: t.header, rows: t.rows.map((r, ri) => r.map((v, i) => (indexes.includes(i) && v !== '' ? f(v, ri) : v))) };
}

export const EVENT_DATES = ['reporting_period_start_date', 'reporting_period_end_date', 'date_of_birth', 'date_of_death', 'event_start_date', 'event_end_date'];

const parts = (isoDate: string) => isoDate.split('-').map(Number);
export const ukShort = (isoDate: string) => {
  const [y, m, d] = parts(isoDate);
  return `${d}/${m}/${y}`;
};
export const ukPadded = (isoDate: string) => {
  const [y, m, d] = parts(isoDate);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
};
export const midnight = (isoDate: string, row: number) => (row % 2 === 0 ? `${isoDate} 00:00:00` : `${isoDate} 00:00:00.000`);

/** Header spellings: upper case, spaces, `Request: Route of Access`, unknown columns, shuffled order. */
export function respellHeaders(t: Table, seed: number): Table {
  const random = seeded(seed);
  const spellings = [
    (h: string) => h.toUpperCase(),
    (h: string) => normalise(h).replace(/_/g, ' '),
    (h: string) => normalise(h).replace(/(^|_)([a-z])/g, (_, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`),
    (h: string) => ` ${normalise(h).toUpperCase()} `,
  ];
  const header = t.header.map((h) => {
    const n = normalise(h);
    if (n === 'la_code') return 'LA_Code';
    if (n === 'request_route_of_access') return 'Request: Route of Access';
    return spellings[Math.floor(random() * spellings.length)](h);
  });
  const withExtra = { header: [...header, 'Notes (free text)', 'Team'], rows: t.rows.map((r, i) => [...r, i % 3 === 0 ? 'seen, twice' : '', 'North']) };
  const order = withExtra.header.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { header: order.map((i) => withExtra.header[i]), rows: withExtra.rows.map((r) => order.map((i) => r[i])) };
}

/** Pads every value with spaces, tabs or no-break spaces on either side (blank stays blank). */
export function pad(t: Table, seed: number): Table {
  const random = seeded(seed);
  const pads = [' ', '\t', '\u00a0', '  ', ' \u00a0\t', ''];
  const p = () => pads[Math.floor(random() * pads.length)];
  return { header: t.header, rows: t.rows.map((r) => r.map((v) => `${p()}${v}${p()}`)) };
}

/** Code labels in another case, with runs of spaces. */
export function recase(t: Table, columns: string[], seed: number): Table {
  const random = seeded(seed);
  return mapColumns(t, columns, (v) => {
    const r = random();
    const cased = r < 0.33 ? v.toUpperCase() : r < 0.66 ? v.toLowerCase() : v.replace(/\w/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c.toLowerCase()));
    return cased.replace(/ /g, random() < 0.5 ? '  ' : ' ');
  });
}
