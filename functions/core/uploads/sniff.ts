/**
 * Recognises, from a file's first bytes, uploads that are not UTF-8 CSV, so the officer gets one
 * sentence saying what the file looks like and how to fix it rather than a page of bad rows.
 */

export const encodingAdvice = 'open it in Excel and use Save As, "CSV UTF-8 (Comma delimited) (*.csv)", then upload that file.';

export interface SniffProblem {
  rule: string;
  message: string;
}

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Undefined when the bytes may be UTF-8 CSV; otherwise what they look like. */
export function sniffBytes(head: Uint8Array): SniffProblem | undefined {
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) {
    return { rule: 'file-encoding', message: `The file is UTF-16 ("Unicode text"), not UTF-8; ${encodingAdvice}` };
  }
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46)) {
    return { rule: 'not-csv', message: 'The file is a PDF document, not a CSV file; export the data from its source system as "CSV UTF-8" instead.' };
  }
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) {
    return {
      rule: 'not-csv',
      message:
        'The file is a zip archive (an Excel .xlsx workbook is one) but its name does not end .xlsx; open it in Excel and use Save As, "CSV UTF-8 (Comma delimited) (*.csv)", then upload that file, or upload the workbook under a name ending .xlsx.',
    };
  }
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0)) {
    return { rule: 'not-csv', message: `The file is an Excel 97-2003 (.xls) workbook, not a CSV file; ${encodingAdvice}` };
  }
  if (startsWith(head, 0x1f, 0x8b)) {
    return { rule: 'not-csv', message: 'The file is gzip-compressed, not a CSV file; upload the uncompressed CSV.' };
  }
  if (head.indexOf(0) !== -1) {
    return { rule: 'file-encoding', message: `The file contains NUL bytes, so it is not UTF-8 text (UTF-16 "Unicode text" and binary files contain them); ${encodingAdvice}` };
  }
  let control = 0;
  for (const b of head) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) control++;
  // A stray control character is a bad value, not a binary file: judge by proportion.
  if (control * 10 > head.length || (control >= 8 && control * 100 > head.length)) {
    return { rule: 'not-csv', message: 'The file looks like a binary file, not CSV text; export the data as "CSV UTF-8" and upload that file.' };
  }
  // Text that is plainly another format.
  let i = 0;
  if (startsWith(head, 0xef, 0xbb, 0xbf)) i = 3;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  const first = head[i];
  if (first === 0x3c /* < */) {
    return { rule: 'not-csv', message: 'The file is HTML or XML, not CSV; export the data as "CSV UTF-8" and upload that file.' };
  }
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) {
    return { rule: 'not-csv', message: 'The file looks like JSON, not CSV; export the data as "CSV UTF-8" and upload that file.' };
  }
  return undefined;
}
