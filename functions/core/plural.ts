/** `1 error`, `2 errors`, `1,000 rows`: a count with its noun, singular only for exactly one. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : many}`;
}
