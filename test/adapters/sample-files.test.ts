/** Writing the sample to disk: every file, in order, byte for byte what core/sample gives. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSample } from '../../functions/adapters/sample-files.ts';
import { sampleFiles, SAMPLE_FILES } from '../../functions/core/sample/index.ts';

const OPTIONS = { seed: 7, people: 1500, end: '2021-11', months: 36 };

describe('writeSample', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sample-write-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('writes the eight files into a folder it creates, returning their paths in order', async () => {
    const out = path.join(dir, 'nested', 'sample');
    const paths = await writeSample(out, OPTIONS);
    expect(paths).toEqual(SAMPLE_FILES.map((f) => path.join(out, f)));
    for (const { fileName, chunks } of sampleFiles(OPTIONS)) {
      const written = await readFile(path.join(out, fileName));
      expect(written.equals(Buffer.from([...chunks].join(''), 'utf8')), fileName).toBe(true);
    }
  });

  it('fails when the folder cannot be made', async () => {
    await writeFile(path.join(dir, 'a-file'), '');
    await expect(writeSample(path.join(dir, 'a-file', 'sample'), { ...OPTIONS, people: 20 })).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});
