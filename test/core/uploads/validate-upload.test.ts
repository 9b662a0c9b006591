import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UPLOAD_KINDS, type UploadKind } from '../../../functions/core/uploads/kinds/index.ts';
import { validateUpload } from '../../../functions/core/uploads/validate-upload.ts';
import { bytes, chunked, errorKeys, eventsCsv, SERVICE, type EventFields } from './fixtures.ts';

describe('validateUpload', () => {
  it('gives the same result for bytes and for a chunked stream', async () => {
    const text = eventsCsv([{}, { ...SERVICE, accommodation_status: 'Tenant, "social"\nlandlord' }, { event_start_date: '2021-02-30' }], '\r\n');
    const whole = await validateUpload('events', bytes(text));
    const streamed = await validateUpload('events', chunked(bytes(text), [7, 1, 64]));
    expect(streamed).toEqual(whole);
    expect(errorKeys(whole)).toEqual(['impossible-date@3:event_start_date']);
  });

  it('keeps at most maxIssues errors (1,000 at least) but counts them all, per rule', async () => {
    const rows: EventFields[] = Array.from({ length: 1500 }, (_, i) => ({ event_start_date: i % 2 ? '2021-02-30' : '2021/05/01' }));
    const r = await validateUpload('events', bytes(eventsCsv(rows)), { maxIssues: 10 });
    expect(r.errors).toHaveLength(1000);
    expect(r.errorCount).toBe(1500);
    expect(r.errorCountsByRule).toEqual({ 'impossible-date': 750, 'date-format': 750 });
    expect(r.data).toBeNull();
    expect(r.rows).toBe(1500);
  });

  it('turns whole-file problems into one issue on row 0 and never returns data', async () => {
    const r = await validateUpload('population', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), { fileName: 'pop.pdf' });
    expect(r.fileName).toBe('pop.pdf');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 0, column: '', rule: 'not-csv' });
    expect(r.data).toBeNull();
  });

  it('reports an unclosed quote at the row that opens it', async () => {
    const r = await validateUpload('population', bytes('la_code,year,age_band,population\nE08000018,2021,65+,1\nE08000018,"2020,18-64,2\n'));
    expect(errorKeys(r)).toEqual(['unclosed-quote@2:']);
  });

  it('says, in one sentence, when the file is another kind of upload', async () => {
    const r = await validateUpload('events', bytes('la_code,year,age_band,population\nE08000018,2021,65+,1\n'));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 0, rule: 'wrong-kind' });
    expect(r.errors[0].message).toContain('population upload, not events');
  });

  it('says, in one sentence, when lines end with a lone CR (Excel "CSV (Macintosh)")', async () => {
    const r = await validateUpload('population', bytes('la_code,year,age_band,population\rE08000018,2021,65+,1\r'));
    expect(errorKeys(r)).toEqual(['line-ends@0:']);
  });

  it('reports an unknown kind instead of throwing', async () => {
    const r = await validateUpload('constructor' as UploadKind, bytes('a\n1\n'));
    expect(errorKeys(r)).toEqual(['unknown-kind@0:']);
  });

  it('reports a failing stream instead of throwing', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield bytes('la_code,year,age_band,population\n');
      throw new Error('connection reset');
    }
    const r = await validateUpload('population', broken());
    expect(r.errors[0]).toMatchObject({ row: 0, rule: 'internal' });
    // The exception's text is the value (shown by the CLI only), never in the message a report shows.
    expect(r.errors[0].value).toBe('connection reset');
    expect(r.errors[0].message).not.toContain('connection reset');
  });

  it('never throws, whatever the bytes (property, every kind)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...UPLOAD_KINDS), fc.uint8Array({ maxLength: 400 }), async (kind, data) => {
        const r = await validateUpload(kind, data);
        expect(r.kind).toBe(kind);
        // Random bytes are never a valid upload of any kind; if ever they were, data would be set.
        expect(r.errorCount === 0 || r.data === null).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on near-valid CSV, and errors always mean no data (property)', async () => {
    const valid = eventsCsv([{}, { ...SERVICE }, { event_type: 'Review', event_outcome: 'Continuation of support or services' }], '\r\n');
    const noise = fc.constantFrom('"', ',', '\n', '\r', '\u00a0', '\ufeff', '\u0000', 'é', '""', 'NFA', '2021-02-30', '-', '£', ' ');
    const mutation = fc.array(fc.record({ at: fc.nat(), insert: noise, drop: fc.nat({ max: 3 }) }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(mutation, fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }), async (edits, sizes) => {
        let text = valid;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.drop);
        }
        const r = await validateUpload('events', chunked(bytes(text), sizes));
        expect(r.errorCount >= r.errors.length).toBe(true);
        if (r.errorCount > 0) expect(r.data).toBeNull();
        else expect(r.data?.events.length).toBe(r.rows);
      }),
      { numRuns: 1500 },
    );
  });
});
