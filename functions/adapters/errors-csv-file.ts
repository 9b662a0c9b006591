/**
 * The complete errors CSV of a rejected upload. Validation keeps only the first 1,000 errors in
 * memory (enough for the email); every error also comes here as it is found and is written to a
 * temporary file, which is then put in the bucket. A file with millions of errors so costs disk,
 * not memory. The file stops at `maxBytes` (Lambda's /tmp is 512 MB by default) with a last line
 * saying how many errors are not listed.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ERRORS_CSV_HEADER } from '../core/uploads/report.ts';
import { plural } from '../core/plural.ts';
import type { UploadIssue } from '../core/uploads/parsed.ts';
import type { ObjectStore } from '../core/pipeline/ports.ts';
import type { ErrorsFile } from '../core/pipeline/pipeline.ts';

export const ERRORS_FILE_MAX_BYTES = 256 * 1024 * 1024;
const FLUSH_CHARS = 1 << 16;

export class ErrorsCsvFile implements ErrorsFile {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'rejection-'));
  private readonly file = path.join(this.dir, 'errors.csv');
  private readonly fd = openSync(this.file, 'w');
  private pending = `${ERRORS_CSV_HEADER}\r\n`;
  private bytes = 0;
  private closed = false;
  /** Errors written, and errors left out once the file reached its limit. */
  listed = 0;
  omitted = 0;

  /** `line`: the CSV line for one error (report.ts errorsCsvLine: redacted as in the email). */
  constructor(
    private readonly line: (issue: UploadIssue) => string,
    private readonly maxBytes = ERRORS_FILE_MAX_BYTES,
  ) {}

  add(issue: UploadIssue): void {
    // Characters pending stand for bytes: near enough for a limit (the CSV is mostly ASCII).
    if (this.bytes + this.pending.length >= this.maxBytes) {
      this.omitted++;
      return;
    }
    this.pending += `${this.line(issue)}\r\n`;
    this.listed++;
    if (this.pending.length >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending) this.bytes += writeSync(this.fd, this.pending);
    this.pending = '';
  }

  /** Puts the whole file in the bucket under `key`; returns its size in bytes. */
  async putTo(store: ObjectStore, key: string): Promise<number> {
    if (this.omitted > 0) {
      const message = `${plural(this.omitted, 'more error is', 'more errors are')} not listed: this list stops at ${Math.round(this.maxBytes / 1024 / 1024)} MB.`;
      this.pending += `${this.line({ row: 0, column: '', value: null, rule: 'list-truncated', message, inPlace: false })}\r\n`;
    }
    this.flush();
    this.close();
    const size = statSync(this.file).size;
    await store.putStream(key, createReadStream(this.file), size, 'text/csv; charset=utf-8');
    return size;
  }

  private close(): void {
    if (!this.closed) closeSync(this.fd);
    this.closed = true;
  }

  dispose(): void {
    this.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
