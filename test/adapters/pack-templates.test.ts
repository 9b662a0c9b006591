/** Reading templates/packs from disk: which files count, and errors that name the file on disk. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPackTemplates, loadPackTemplatesSync, readPackTemplateFiles } from '../../functions/adapters/pack-templates.ts';
import { PackTemplateError } from '../../functions/core/cards/parse-packs.ts';
import { PACKS_DIR } from '../support/project-files.ts';

describe('loadPackTemplates', () => {
  it('loads the shipped packs in id order, the same synchronously', async () => {
    const packs = await loadPackTemplates(PACKS_DIR);
    const ids = packs.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['scrutiny-board', 'commissioning-finance']));
    expect(ids).toEqual([...ids].sort());
    expect(loadPackTemplatesSync(PACKS_DIR)).toEqual(packs);
  });

  describe('with a folder of hand-made templates', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'packs-'));
    });
    afterEach(async () => rm(dir, { recursive: true, force: true }));

    it('reads only the .json files', async () => {
      const [scrutiny] = (await readPackTemplateFiles(PACKS_DIR)).filter((f) => f.file.endsWith('scrutiny-board.json'));
      await writeFile(path.join(dir, 'scrutiny-board.json'), scrutiny.text);
      await writeFile(path.join(dir, 'scrutiny-board.json~'), '{ an editor backup');
      await writeFile(path.join(dir, 'README.md'), '# notes');
      expect(await readPackTemplateFiles(dir)).toEqual([{ file: path.join(dir, 'scrutiny-board.json'), text: scrutiny.text }]);
      expect((await loadPackTemplates(dir)).map((p) => p.id)).toEqual(['scrutiny-board']);
    });

    it('names the file on disk when a template is broken, asynchronously and synchronously', async () => {
      await writeFile(path.join(dir, 'broken.json'), '{ "id": ');
      const error = await loadPackTemplates(dir).catch((e) => e);
      expect(error).toBeInstanceOf(PackTemplateError);
      expect(error.file).toBe(path.join(dir, 'broken.json'));
      expect(error.message).toContain(`${path.join(dir, 'broken.json')}: (file): not valid JSON`);
      expect(() => loadPackTemplatesSync(dir)).toThrow(PackTemplateError);
    });

    it('fails on a folder that does not exist', async () => {
      await expect(loadPackTemplates(path.join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
    });
  });
});
