import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvFormatError, readCsv, type CsvRecord } from '../../../functions/core/uploads/csv-reader.ts';
import { bytes, chunked } from './fixtures.ts';

async function records(source: Uint8Array | AsyncIterable<Uint8Array>): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of readCsv(source)) out.push(r);
  return out;
}

async function formatError(source: Uint8Array): Promise<CsvFormatError> {
  try {
    await records(source);
  } catch (e) {
    if (e instanceof CsvFormatError) return e;
    throw e;
  }
  throw new Error('expected a CsvFormatError');
}

describe('readCsv', () => {
  it('reads LF and CRLF files alike, numbering records from 0 (the header)', async () => {
    const lf = await records(bytes('a,b\n1,2\n3,4\n'));
    const crlf = await records(bytes('a,b\r\n1,2\r\n3,4\r\n'));
    expect(lf).toEqual([
      { record: 0, fields: ['a', 'b'] },
      { record: 1, fields: ['1', '2'] },
      { record: 2, fields: ['3', '4'] },
    ]);
    expect(crlf).toEqual(lf);
  });

  it('reads a last line without a line end', async () => {
    expect((await records(bytes('a,b\n1,2'))).map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('drops a UTF-8 byte order mark', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('la_code,year\nE08000018,2021\n')]);
    expect((await records(withBom))[0].fields).toEqual(['la_code', 'year']);
  });

  it('unquotes values, keeps commas and doubled quotes, and counts a multi-line value as one record', async () => {
    const text = 'id,note,n\r\n1,"said ""hi"", then left",2\r\n2,"line one\r\nline two\nline three",3\r\n3,plain,4\r\n';
    const got = await records(bytes(text));
    expect(got).toEqual([
      { record: 0, fields: ['id', 'note', 'n'] },
      { record: 1, fields: ['1', 'said "hi", then left', '2'] },
      { record: 2, fields: ['2', 'line one\r\nline two\nline three', '3'] },
      { record: 3, fields: ['3', 'plain', '4'] },
    ]);
  });

  it('reads empty quoted values and empty trailing fields', async () => {
    expect((await records(bytes('a,b,c\n"",,\n'))).at(-1)!.fields).toEqual(['', '', '']);
  });

  it('keeps UTF-8 characters that straddle chunk boundaries', async () => {
    const data = bytes('name,town\nZoë Brontë,Hāwera £\n');
    const got = await records(chunked(data, [1, 2, 3]));
    expect(got[1].fields).toEqual(['Zoë Brontë', 'Hāwera £']);
  });

  it('gives the same records however the bytes are chunked (property)', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('', ' ', '"', '""', ',', '\n', '\r\n', 'é', 'a"b', 'x,y\nz'),
    );
    const table = fc.array(fc.array(value, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(table, fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }), fc.boolean(), async (rows, sizes, crlf) => {
        // Every value quoted, so empty values and lone CRs stay unambiguous.
        const quoted = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const text = ['h1,h2', ...rows.map((r) => r.map(quoted).join(','))].join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
        const whole = await records(bytes(text));
        const pieces = await records(chunked(bytes(text), sizes));
        expect(pieces).toEqual(whole);
        expect(whole.slice(1).map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a mix of quoted and plain values as written (property)', async () => {
    const plain = fc.stringMatching(/^[a-z0-9 :;'-]{0,5}$/);
    const quotedOnly = fc.constantFrom('a,b', 'say "x"', 'two\nlines', 'cr\r\nlf', '"', ',', '');
    const field = fc.oneof(plain.map((v) => ({ v, quote: false })), fc.oneof(plain, quotedOnly).map((v) => ({ v, quote: true })));
    const table = fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(table, fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), async (rows, sizes, crlf, lastEol) => {
        const eol = crlf ? '\r\n' : '\n';
        const line = (r: { v: string; quote: boolean }[]) => r.map((f) => (f.quote ? `"${f.v.replace(/"/g, '""')}"` : f.v)).join(',');
        const text = ['a,b,c', ...rows.map(line)].join(eol) + (lastEol ? eol : '');
        const got = await records(chunked(bytes(text), sizes));
        expect(got.slice(1).map((r) => r.fields)).toEqual(rows.map((r) => r.map((f) => f.v)));
        expect(got.map((r) => r.record)).toEqual(got.map((_, i) => i));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a character-by-character reader on any text of commas, quotes and line ends (property)', async () => {
    const text = fc.array(fc.constantFrom('a', 'b', ',', '"', '""', '\n', '\r\n', '\r', ' '), { minLength: 1, maxLength: 40 }).map((xs) => xs.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }), async (body, sizes) => {
        const expected = referenceRead(body);
        let got: string[][] | 'unclosed';
        try {
          got = (await records(chunked(bytes(body), sizes))).map((r) => r.fields);
        } catch (e) {
          if (!(e instanceof CsvFormatError) || e.rule !== 'unclosed-quote') throw e;
          got = 'unclosed';
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a quote inside an unquoted value as a character', async () => {
    expect((await records(bytes('a,b\n5" wide,x\n')))[1].fields).toEqual(['5" wide', 'x']);
  });

  it('rejects a quoted value that is never closed, naming its row', async () => {
    const e = await formatError(bytes('a,b\n1,2\n3,"open\n4,5\n'));
    expect(e.rule).toBe('unclosed-quote');
    expect(e.message).toMatch(/Row 2 .*never closed/);
  });

  it('rejects an empty file', async () => {
    expect((await formatError(new Uint8Array(0))).rule).toBe('empty-file');
  });
});

describe('files that are not UTF-8 CSV', () => {
  const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);

  it('UTF-16 with a byte order mark: save as CSV UTF-8', async () => {
    const e = await formatError(utf16le('la_code,year\r\nE08000018,2021\r\n'));
    expect(e.rule).toBe('file-encoding');
    expect(e.message).toContain('UTF-16');
    expect(e.message).toContain('CSV UTF-8');
  });

  it('UTF-16 without a byte order mark (NUL bytes): save as CSV UTF-8', async () => {
    const e = await formatError(new Uint8Array(Buffer.from('la_code,year\r\nE08000018,2021\r\n', 'utf16le')));
    expect(e.rule).toBe('file-encoding');
    expect(e.message).toContain('CSV UTF-8');
  });

  it('Windows-1252 (Excel "CSV (Comma delimited)"): save as CSV UTF-8', async () => {
    // "Zoë" in Windows-1252 is 5A 6F EB: not valid UTF-8.
    const data = new Uint8Array([...bytes('name,year\n'), 0x5a, 0x6f, 0xeb, ...bytes(',2021\n')]);
    const e = await formatError(data);
    expect(e.rule).toBe('file-encoding');
    expect(e.message).toContain('Windows-1252');
    expect(e.message).toContain('CSV UTF-8');
    expect(e.message.split(/[.;] [A-Z]/).length).toBe(1); // one sentence
  });

  it('Windows-1252 far into a large file is still caught', async () => {
    const good = bytes('a,b\n' + '1,2\n'.repeat(100_000));
    const data = new Uint8Array([...good, 0x93, ...bytes('quoted')]);
    expect((await formatError(data)).rule).toBe('file-encoding');
  });

  it('a PDF says it is a PDF', async () => {
    const e = await formatError(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'));
    expect(e.rule).toBe('not-csv');
    expect(e.message).toContain('PDF');
  });

  it('an .xlsx workbook renamed .csv says it is a workbook', async () => {
    const e = await formatError(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...bytes('[Content_Types].xml')]));
    expect(e.rule).toBe('not-csv');
    expect(e.message).toContain('.xlsx');
  });

  it('other binary data says it looks binary', async () => {
    const data = new Uint8Array(600).map((_, i) => (i * 7 + 3) % 32);
    data[0] = 0x41; // no NUL at the start; still mostly control bytes
    const e = await formatError(data.map((b) => (b === 0 ? 1 : b)));
    expect(e.rule).toBe('not-csv');
    expect(e.message).toMatch(/binary/);
  });
});

/**
 * The reading rules spelt out one character at a time (RFC 4180, plus the reader's leniency: a
 * quote inside an unquoted value is a character, text after a closing quote is kept).
 */
function referenceRead(text: string): string[][] | 'unclosed' {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let state: 'start' | 'plain' | 'quoted' | 'after' = 'start';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (state === 'quoted') {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else state = 'after';
      continue;
    }
    if (state === 'start' && c === '"') {
      state = 'quoted';
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      state = 'start';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      state = 'start';
    } else {
      field += c;
      if (state === 'start') state = 'plain';
    }
  }
  if (state === 'quoted') return 'unclosed';
  if (state !== 'start' || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
