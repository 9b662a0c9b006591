/**
 * SES SendRawEmail (v1) accepts at most 10 MB of message after base64 encoding for transport.
 * We keep a 5% margin for the request's own envelope, and check the composed bytes, not a guess.
 */
export const SES_RAW_LIMIT_BYTES = 10 * 1024 * 1024;
export const SES_SAFE_LIMIT_BYTES = Math.floor(SES_RAW_LIMIT_BYTES * 0.95);

/** The size of `bytes` once base64-encoded. */
export function base64Size(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

export function fitsInSes(rawMimeBytes: number, limit = SES_SAFE_LIMIT_BYTES): boolean {
  return base64Size(rawMimeBytes) <= limit;
}

/**
 * Whether a PDF of this size can be attached at all. MIME base64 (with line breaks) makes the
 * attachment ~1.37x, then transport base64 ~1.33x again; 64 KB is left for the bodies.
 */
export function pdfCanBeAttached(pdfBytes: number, limit = SES_SAFE_LIMIT_BYTES): boolean {
  const mime = Math.ceil(base64Size(pdfBytes) * (78 / 76)) + 64 * 1024;
  return fitsInSes(mime, limit);
}
