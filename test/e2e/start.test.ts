/**
 * `npm start`'s runner, small: every email SES accepted is saved as .eml (the raw bytes sent, after
 * the MessageId came back), the PDFs land in out/reports, the run history in out/runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { start } from '../../functions/local/start.ts';
import { readPdf } from '../support/pdf-text.ts';

let out: string;
let code: number;
const lines: string[] = [];

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'rc-start-'));
  code = await start({ outDir: out, people: 2000, seed: 3, end: '2021-11', months: 24, log: (l) => lines.push(l) });
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('npm start (the embedded default)', () => {
  it('runs the whole pipeline without an error and says where to look', () => {
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/Done: \d+ S3 events handled, 2 pack version\(s\) rendered, 10 email\(s\) accepted by SES\./);
    expect(lines.join('\n')).toContain('Emails:');
  });

  it('saves previews and the committee sends as .eml files whose attachment is the PDF in out/reports', async () => {
    const mails = (await readdir(path.join(out, 'mail'))).sort();
    expect(mails).toHaveLength(10);
    expect(mails[0]).toMatch(/^001-performance@example\.org\.eml$/);
    const pdfs = await readdir(path.join(out, 'reports'));
    expect(pdfs).toHaveLength(2);
    const board = await simpleParser(await readFile(path.join(out, 'mail', mails.find((m) => m.includes('chair@'))!)));
    expect(board.subject).not.toMatch(/Preview|Revised/);
    const attached = board.attachments[0].content;
    const match = [];
    for (const f of pdfs) if (Buffer.compare(await readFile(path.join(out, 'reports', f)), attached) === 0) match.push(f);
    expect(match).toHaveLength(1);
    expect((await readPdf(new Uint8Array(attached))).pages.length).toBeGreaterThan(1);
  });

  it('leaves the run history for report-cards history', async () => {
    const runs = await readdir(path.join(out, 'runs'));
    expect(runs.length).toBeGreaterThanOrEqual(12);
  });
});
