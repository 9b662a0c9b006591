/**
 * validateUpload turns any error thrown inside the parse into a verdict on the file (rule
 * `internal`): right for a bug in our parser, wrong for a failed read. A connection reset in the
 * middle of an S3 body says nothing about the upload; treating it as a rejection would drop a
 * valid file and email the performance team, and the invocation would succeed, so Lambda would
 * not retry. This wrapper remembers a failure of the byte source itself so the handler can throw
 * it and fail the invocation instead.
 */
export class UploadReadError extends Error {
  constructor(
    readonly key: string,
    override readonly cause: unknown,
  ) {
    super(`reading ${key} from the bucket failed part-way (${cause instanceof Error ? cause.message : String(cause)}); the upload was not judged`);
    this.name = 'UploadReadError';
  }
}

export function guardRead(key: string, source: AsyncIterable<Uint8Array>): { body: AsyncIterable<Uint8Array>; rethrow(): void } {
  let failure: unknown = null;
  let failed = false;
  async function* body() {
    try {
      for await (const chunk of source) yield chunk;
    } catch (e) {
      failed = true;
      failure = e;
      throw e;
    }
  }
  return {
    body: body(),
    rethrow() {
      if (failed) throw new UploadReadError(key, failure);
    },
  };
}
