import { describe, expect, it } from 'vitest';
import { csvText, errorKeys, validateText } from '../fixtures.ts';

const HEADER = ['period', 'measure_id', 'working_well', 'worried_about', 'next_steps', 'lead_officer'];
const check = (rows: string[][]) => validateText('commentary', csvText(HEADER, rows));

describe('commentary', () => {
  it('keeps multi-line text, with commas and quotes, as given', async () => {
    const words = 'Reviews are up, "properly" up.\nSecond line.';
    const r = await check([['2021-11', 'REVIEWS_UTD', words, '', 'Keep going', 'A. Officer']]);
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual([{ period: '2021-11', measureId: 'REVIEWS_UTD', workingWell: words, worriedAbout: null, nextSteps: 'Keep going', leadOfficer: 'A. Officer' }]);
  });

  it('allows 2,000 characters (counted as characters, not UTF-16 units) and rejects 2,001', async () => {
    const max = '😀'.repeat(2000);
    expect((await check([['2021-11', 'X', max, '', '', '']])).errors).toEqual([]);
    const r = await check([['2021-11', 'X', '', 'a'.repeat(2001), '', '']]);
    expect(errorKeys(r)).toEqual(['text-too-long@1:worried_about']);
    expect(r.data).toBeNull();
  });

  it('rejects a bad period and control characters', async () => {
    expect(errorKeys(await check([['2021-11-01', 'X', '', '', '', '']]))).toEqual(['month-format@1:period']);
    expect(errorKeys(await check([['2021-11', 'X', 'bell\u0007', '', '', '']]))).toEqual(['plain-text@1:working_well']);
  });
});
