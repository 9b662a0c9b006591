import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPackTemplates, PackTemplateError } from '../../../functions/core/cards/load-packs.ts';
import { CATALOGUE } from '../../../functions/core/measures/catalogue/index.ts';

const TEMPLATES = path.resolve(import.meta.dirname, '../../../templates/packs');

describe('loadPackTemplates', () => {
  it('loads the shipped packs, which name only measures of the real catalogue and only list names', async () => {
    const packs = await loadPackTemplates(TEMPLATES);
    const ids = packs.map((p) => p.id);
    expect(ids).toContain('scrutiny-board');
    expect(ids).toContain('commissioning-finance');
    const catalogue = new Set(CATALOGUE.map((d) => d.id));
    for (const pack of packs) {
      for (const id of pack.sections.flatMap((s) => s.measures)) expect(catalogue.has(id), `${pack.id}: ${id}`).toBe(true);
      expect(pack.distribution.lists.every((l) => !l.includes('@'))).toBe(true);
    }
    const finance = packs.find((p) => p.id === 'commissioning-finance')!;
    expect(finance.sections.flatMap((s) => s.measures)).toEqual(expect.arrayContaining(['BUDGET_VARIANCE', 'SAVINGS_DELIVERED', 'PROVIDERS_GOOD', 'HOMECARE_HOURS', 'WAITING_ASSESS']));
  });

  describe('with a folder of hand-made templates', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'packs-'));
    });
    afterEach(async () => rm(dir, { recursive: true, force: true }));

    it('names the file and the field that is wrong', async () => {
      const bad = { id: 'bad', title: 'Bad', committee: 'C', council: 'X', sections: [{ title: 'S', measures: ['REQ_NEW'] }], requires: ['events'],
        distribution: { lists: ['board'], previewList: 'performance-team', ownersList: 'owners', approval: 'auto', workingDay: 'fifth', time: '09:00', reminderDay: 10 } };
      await writeFile(path.join(dir, 'bad.json'), JSON.stringify(bad));
      const error = await loadPackTemplates(dir).catch((e) => e);
      expect(error).toBeInstanceOf(PackTemplateError);
      expect(error.message).toContain(path.join(dir, 'bad.json'));
      expect(error.message).toContain('distribution.workingDay');
    });

    it('reports JSON syntax errors and an id that does not match the file name', async () => {
      await writeFile(path.join(dir, 'broken.json'), '{ "id": ');
      await expect(loadPackTemplates(dir)).rejects.toThrow(/broken\.json: \(file\): not valid JSON/);
      await rm(path.join(dir, 'broken.json'));
      const pack = JSON.parse(JSON.stringify((await loadPackTemplates(TEMPLATES))[0]));
      await writeFile(path.join(dir, 'other-name.json'), JSON.stringify(pack));
      await expect(loadPackTemplates(dir)).rejects.toThrow(/other-name\.json: id: is '.*' but the file is named 'other-name\.json'/);
    });
  });
});
