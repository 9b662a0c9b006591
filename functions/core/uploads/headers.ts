/**
 * Header rules of extract-spec.md: names are normalised, column order is free, unknown columns
 * earn a warning, a missing required column or two headers that normalise alike reject the file.
 */
import type { IssueLog } from './issues.ts';

export interface ColumnSpec {
  name: string;
  required: boolean;
  /** For a code-list column, every spelling it accepts: what a report may quote from it (redaction.ts). */
  codeList?: readonly string[];
}

/** `Request: Route of Access` → `request_route_of_access`. */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** True when every required column is among the header's fields (after normalising). */
export function hasRequiredColumns(fields: string[], columns: readonly ColumnSpec[]): boolean {
  const names = new Set(fields.map(normaliseHeader));
  return columns.every((c) => !c.required || names.has(c.name));
}

/** Column name → field index, or undefined when the header rejects the file. */
export type ColumnIndex = Record<string, number>;

export function resolveHeader(fields: string[], columns: readonly ColumnSpec[], log: IssueLog): ColumnIndex | undefined {
  if (fields.length === 1) {
    const only = fields[0];
    const separator = only.includes(';') ? 'semicolons (;)' : only.includes('\t') ? 'tabs' : only.includes('|') ? 'bars (|)' : null;
    if (separator) {
      log.error(0, '', null, 'not-csv', `The header row is separated by ${separator}, not commas; save the file as "CSV UTF-8 (Comma delimited)".`);
      return undefined;
    }
  }
  if (fields.some((f) => /\r(?!\n)/.test(f))) {
    log.error(0, '', null, 'line-ends', 'The file ends its lines with a lone carriage return (Excel\'s "CSV (Macintosh)"); save it as "CSV UTF-8 (Comma delimited)".');
    return undefined;
  }
  const known = new Set(columns.map((c) => c.name));
  const index: ColumnIndex = Object.create(null);
  const firstPosition = new Map<string, number>();
  let ok = true;
  fields.forEach((raw, i) => {
    const name = normaliseHeader(raw);
    if (name === '') {
      // Excel adds unnamed columns after the last one; their values are ignored, with one warning.
      log.warn(0, '', raw, 'unknown-column', `Column ${i + 1} has no name and is ignored.`);
      return;
    }
    // Messages name columns by position or by this kind's own names: a file without its header
    // row has a row of personal data here, and a report must never quote it.
    const earlier = firstPosition.get(name);
    if (earlier !== undefined) {
      const meaning = known.has(name) ? `both mean ${name}` : 'have the same name';
      log.error(0, name, raw, 'duplicate-column', `Columns ${earlier + 1} and ${i + 1} ${meaning}; keep one of them.`);
      ok = false;
      return;
    }
    firstPosition.set(name, i);
    if (known.has(name)) index[name] = i;
    else log.warn(0, name, raw, 'unknown-column', `Column ${i + 1} is not one of this upload's columns and is ignored.`);
  });
  for (const c of columns) {
    if (c.required && index[c.name] === undefined) {
      log.error(0, c.name, null, 'missing-column', `The required column ${c.name} is missing.`);
      ok = false;
    }
  }
  return ok ? index : undefined;
}
