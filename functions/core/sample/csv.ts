/** RFC 4180 output: a value is quoted only when it holds a comma, a quote or a line break. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const text = v === null || v === undefined ? '' : String(v);
    if (i > 0) line += ',';
    line += /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }
  return `${line}\n`;
}

/** A whole file from a header and rows. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return csvLine(header) + rows.map((r) => csvLine(r)).join('');
}
