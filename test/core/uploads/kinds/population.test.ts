import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateUpload } from '../../../../functions/core/uploads/validate-upload.ts';
import { csvText, errorKeys, GOLDEN, validateText } from '../fixtures.ts';

const HEADER = ['la_code', 'year', 'age_band', 'population'];
const check = (rows: string[][]) => validateText('population', csvText(HEADER, rows));

describe('population', () => {
  it('the golden population file parses', async () => {
    const r = await validateUpload('population', readFileSync(path.join(GOLDEN, 'population.csv')));
    expect(r.errors).toEqual([]);
    expect(r.data).toHaveLength(10);
    expect(r.data![0]).toEqual({ laCode: 'E08000018', year: 2017, ageBand: '18-64', population: 158600 });
  });

  it.each<[string, string[][], string[]]>([
    ['duplicate la_code, year and band', [['E08000018', '2021', '65+', '1'], ['E08000018', '2021', '65+', '2']], ['duplicate-row@2:']],
    ['population 0', [['E08000018', '2021', '65+', '0']], ['number-range@1:population']],
    ['population with a decimal', [['E08000018', '2021', '65+', '10.5']], ['number-format@1:population']],
    ['population with a thousands separator', [['E08000018', '2021', '65+', '54,800']], ['number-format@1:population']],
    ['unknown age band', [['E08000018', '2021', '18+', '1']], ['code-list@1:age_band']],
    ['year not 4 digits', [['E08000018', '21', '65+', '1']], ['year-format@1:year']],
    ['bad la_code', [['E07000001', '2021', '65+', '1']], ['la-code@1:la_code']],
  ])('rejects %s', async (_n, rows, expected) => {
    const r = await check(rows);
    expect(errorKeys(r)).toEqual(expected);
    expect(r.data).toBeNull();
  });

  it('the same band for another year or council is not a duplicate', async () => {
    const r = await check([['E08000018', '2021', '65+', '1'], ['E08000018', '2020', '65+', '2'], ['E08000019', '2021', '65+', '3']]);
    expect(r.errors).toEqual([]);
    expect(r.data).toHaveLength(3);
  });
});
