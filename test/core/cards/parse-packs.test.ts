import { beforeAll, describe, expect, it } from 'vitest';
import { parsePackTemplates, PackTemplateError, type PackTemplateFile } from '../../../functions/core/cards/parse-packs.ts';
import { CATALOGUE } from '../../../functions/core/measures/catalogue/index.ts';
import { shippedPackFiles } from '../../support/project-files.ts';

const BAD = {
  id: 'bad', title: 'Bad', committee: 'C', council: 'X', sections: [{ title: 'S', measures: ['REQ_NEW'] }], requires: ['events'],
  distribution: { lists: ['board'], previewList: 'performance-team', ownersList: 'owners', approval: 'auto', workingDay: 'fifth', time: '09:00', reminderDay: 10 },
};

describe('parsePackTemplates', () => {
  let shipped: PackTemplateFile[];
  beforeAll(async () => {
    shipped = await shippedPackFiles();
  });
  /** A shipped template's JSON, to change one thing in. */
  const shippedJson = (id: string) => JSON.parse(shipped.find((f) => f.file.endsWith(`/${id}.json`))!.text);

  it('parses the shipped packs, which name only measures of the real catalogue and only list names', () => {
    const packs = parsePackTemplates(shipped);
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

  it('names the file and the field that is wrong', () => {
    let error: unknown;
    try {
      parsePackTemplates([{ file: 'templates/packs/bad.json', text: JSON.stringify(BAD) }]);
    } catch (e) {
      error = e;
    }
    if (!(error instanceof PackTemplateError)) throw new Error(`expected a PackTemplateError, got ${String(error)}`);
    expect(error.file).toBe('templates/packs/bad.json');
    expect(error.message).toContain('distribution.workingDay');
  });

  it('reports JSON syntax errors and an id that does not match the file name', () => {
    expect(() => parsePackTemplates([{ file: 'packs/broken.json', text: '{ "id": ' }])).toThrow(/broken\.json: \(file\): not valid JSON/);
    const text = JSON.stringify(shippedJson('scrutiny-board'));
    expect(() => parsePackTemplates([{ file: 'packs/other-name.json', text }])).toThrow(/other-name\.json: id: is 'scrutiny-board' but the file is named 'other-name\.json'/);
  });

  it('returns the packs in file-name order, whatever order the files came in, and reports the first broken file', () => {
    const files = [...shipped].reverse();
    expect(parsePackTemplates(files).map((p) => p.id)).toEqual(parsePackTemplates(shipped).map((p) => p.id).sort());
    const broken = [{ file: 'z/zz.json', text: '{' }, { file: 'a/aa.json', text: '{' }];
    expect(() => parsePackTemplates(broken)).toThrow(/^a\/aa\.json: /);
  });

  it('refuses two packs with one id (files gathered from two folders)', () => {
    const text = JSON.stringify(shippedJson('scrutiny-board'));
    expect(() => parsePackTemplates([{ file: 'one/scrutiny-board.json', text }, { file: 'two/scrutiny-board.json', text }])).toThrow(
      "two/scrutiny-board.json: id: 'scrutiny-board' is also the id of one/scrutiny-board.json",
    );
  });

  it('names the file and the misspelt measure id', () => {
    const pack = shippedJson('scrutiny-board');
    pack.sections[1].measures[0] = 'ASSES_LT';
    expect(() => parsePackTemplates([{ file: 'packs/scrutiny-board.json', text: JSON.stringify(pack) }])).toThrow(
      "packs/scrutiny-board.json: sections.1.measures.0: 'ASSES_LT' is not a measure in the catalogue (functions/core/measures/catalogue/)",
    );
  });

  it('gives an empty list for no files', () => {
    expect(parsePackTemplates([])).toEqual([]);
  });
});
