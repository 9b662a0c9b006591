/**
 * S3 LastModified values compared as instants at whole-second precision. The same object's time
 * comes back in different shapes: a listing may carry milliseconds (`…T09:00:00.123Z`, some S3
 * servers) while GetObject and HeadObject send an HTTP date with whole seconds. Comparing ISO
 * strings or milliseconds would call those two different versions, and ingest would then trust
 * no validation record and never compute measures. Every LastModified comparison goes through here.
 */

/** Whole seconds since the epoch (milliseconds dropped, never rounded up). */
export function wholeSeconds(t: Date | string): number {
  const ms = typeof t === 'string' ? Date.parse(t) : t.getTime();
  return Math.floor(ms / 1000);
}

/** True when both name the same second. An unparseable time is never the same as anything. */
export function sameInstant(a: Date | string, b: Date | string): boolean {
  const x = wholeSeconds(a);
  return Number.isFinite(x) && x === wholeSeconds(b);
}

/** Ascending order of instants (negative when `a` is earlier), at whole seconds. */
export function compareInstants(a: Date | string, b: Date | string): number {
  return wholeSeconds(a) - wholeSeconds(b);
}

/** The instant as ISO text at whole seconds, for keys and fingerprints that must not see milliseconds. */
export function instantText(t: Date | string): string {
  return new Date(wholeSeconds(t) * 1000).toISOString().replace('.000Z', 'Z');
}
