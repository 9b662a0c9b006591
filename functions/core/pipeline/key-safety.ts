/**
 * Keys come from outside (officers' uploads, S3 events). Before a key is used to build an output
 * key or read anything, it must be plainly relative, free of `..` segments and control characters,
 * and the object small enough to parse without exhausting the function.
 */

/** 200 MB: well above a council's year of events (a 1M-row extract is ~150 MB), below Lambda's limits. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export class UnsafeKeyError extends Error {
  constructor(readonly key: string, readonly reason: string) {
    super(`Refusing object key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'UnsafeKeyError';
  }
}

/** Why a key is unsafe, or null when it is fine. */
export function keyProblem(key: string): string | null {
  if (key.length === 0) return 'empty key';
  if (key.length > 1024) return 'longer than 1024 characters';
  if (key.startsWith('/')) return 'absolute path';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'contains a control character';
  if (key.includes('\\')) return 'contains a backslash';
  if (key.split('/').some((part) => part === '..' || part === '.')) return "contains a '.' or '..' segment";
  return null;
}

export function assertSafeKey(key: string): string {
  const problem = keyProblem(key);
  if (problem) throw new UnsafeKeyError(key, problem);
  return key;
}

/** Why an object is too big to parse, or null when it is fine. */
export function sizeProblem(size: number, limit = MAX_UPLOAD_BYTES): string | null {
  return size > limit ? `the file is ${size} bytes, above the ${limit}-byte limit` : null;
}
