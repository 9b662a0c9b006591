/**
 * Upload variants made from a valid CSV by dropping rows or columns: still valid with different
 * content (a corrected extract, a new version), or invalid in a known way. Line ends become CRLF
 * and blank lines are dropped.
 */
const lines = (csv: string) => csv.split(/\r?\n/).filter((l) => l.length > 0);

/** Still valid, different content: every k-th data row dropped. */
export function dropEveryKth(csv: string, k: number): string {
  return lines(csv).filter((l, i) => i === 0 || i % k !== 0).join('\r\n');
}

/** Still valid, different content: data row `j` (1-based) dropped. */
export function dropRow(csv: string, j: number): string {
  const ls = lines(csv);
  return ls.filter((_, i) => i !== 1 + ((j - 1) % (ls.length - 1))).join('\r\n');
}

/** Invalid: the first column (required in every upload kind) removed from every line. */
export function dropFirstColumn(csv: string): string {
  return lines(csv)
    .map((l) => l.slice(l.indexOf(',') + 1))
    .join('\r\n');
}
