import { describe, expect, it } from 'vitest';
import { base64Size, fitsInSes, pdfCanBeAttached, SES_RAW_LIMIT_BYTES, SES_SAFE_LIMIT_BYTES } from '../../../functions/core/mail/size.ts';

describe('SES size check', () => {
  it('measures after base64', () => {
    expect(base64Size(3)).toBe(4);
    expect(base64Size(4)).toBe(8);
    expect(Buffer.from(new Uint8Array(1000)).toString('base64').length).toBe(base64Size(1000));
  });
  it('keeps a margin below the 10 MB limit', () => {
    expect(SES_SAFE_LIMIT_BYTES).toBeLessThan(SES_RAW_LIMIT_BYTES);
    expect(fitsInSes(Math.floor((SES_SAFE_LIMIT_BYTES / 4) * 3))).toBe(true);
    expect(fitsInSes(Math.floor((SES_SAFE_LIMIT_BYTES / 4) * 3) + 3)).toBe(false);
  });
  it('attaches a typical pack and refuses one of about 7 MB or more', () => {
    expect(pdfCanBeAttached(2_000_000)).toBe(true);
    expect(pdfCanBeAttached(5_000_000)).toBe(true);
    expect(pdfCanBeAttached(7_000_000)).toBe(false);
  });
});
