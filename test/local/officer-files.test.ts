/** Which of an officer's files `npm start -- --data DIR` uploads, under which key, in which order. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirError, kindOfFileName, officerUploads, UPLOAD_ORDER, XLSX_CONTENT_TYPE } from '../../functions/local/officer-files.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rc-officer-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const touch = (...names: string[]) => Promise.all(names.map((n) => writeFile(path.join(dir, n), 'x\n')));

describe('kindOfFileName', () => {
  it.each([
    ['events.csv', 'events'],
    ['Events Nov 2021.CSV', 'events'],
    ['waiting-2021-11.xlsx', 'waiting'],
    ['POPULATION', 'population'],
    ['commentary_draft.csv', 'commentary'],
    ['my-events.csv', undefined],
    ['~$waiting.xlsx', undefined],
    ['event.csv', undefined],
  ])('%s → %s', (name, kind) => {
    expect(kindOfFileName(name)).toBe(kind);
  });
});

describe('officerUploads', () => {
  it('orders reference files first and events last, by name within a kind, keyed under the kind prefix', async () => {
    await touch('events.csv', 'events-draft.csv', 'waiting.xlsx', 'targets.csv', 'Population 2021.csv', 'notes.txt', 'finance-2021-10.csv', 'finance-2021-11.csv');
    await mkdir(path.join(dir, 'events-old'));
    const { uploads, ignored } = await officerUploads(dir);
    expect(uploads.map((u) => u.key)).toEqual([
      'reference/population/Population 2021.csv',
      'reference/targets/targets.csv',
      'extracts/waiting/waiting.xlsx',
      'extracts/finance/finance-2021-10.csv',
      'extracts/finance/finance-2021-11.csv',
      'extracts/events/events-draft.csv',
      'extracts/events/events.csv',
    ]);
    expect(uploads.find((u) => u.kind === 'waiting')!.contentType).toBe(XLSX_CONTENT_TYPE);
    expect(uploads.find((u) => u.kind === 'targets')!.contentType).toBe('text/csv');
    expect(uploads[0]!.file).toBe(path.join(dir, 'Population 2021.csv'));
    // A folder named like an upload is not a file to upload.
    expect(ignored).toEqual(['events-old', 'notes.txt']);
  });

  it('refuses a missing folder, a file in place of a folder and a folder with no upload in one sentence each', async () => {
    await expect(officerUploads(path.join(dir, 'nope'))).rejects.toThrow(new DataDirError(`--data ${path.join(dir, 'nope')}: no such folder`));
    await touch('notes.txt');
    await expect(officerUploads(path.join(dir, 'notes.txt'))).rejects.toThrow(/^--data .*notes\.txt is a file, not a folder$/);
    await expect(officerUploads(dir)).rejects.toThrow(
      `--data ${dir} has no upload files (names must start with ${UPLOAD_ORDER.join(', ')})`,
    );
  });
});
