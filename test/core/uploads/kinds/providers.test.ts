import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../../functions/core/calendar/days.ts';
import { csvText, errorKeys, validateText } from '../fixtures.ts';

const HEADER = ['as_at_date', 'provider_id', 'provider_name', 'framework', 'tier', 'quality_rating', 'hours_per_week', 'area'];
const check = (rows: string[][]) => validateText('providers', csvText(HEADER, rows));

describe('providers', () => {
  it('parses providers; one provider may be in several frameworks, and in the same one at another month end', async () => {
    const r = await check([
      ['2021-11-30', 'PR1', 'Acme Care', 'Home care and support', '1', 'Good', '1200.5', 'North'],
      ['2021-11-30', 'PR1', 'Acme Care', 'Extra care', 'specialist', 'requires  improvement', '', ''],
      ['2021-10-31', 'PR1', 'Acme Care', 'Home care and support', '1', 'outstanding', '1100', 'North'],
      ['2021-10-31', 'PR2', 'Bee Homes', 'Residential', '2', 'Inadequate', '', ''],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual({
      rows: [
        { asAt: dayOf(2021, 11, 30), providerId: 'PR1', providerName: 'Acme Care', framework: 'Home care and support', tier: '1', qualityRating: 'Good', hoursPerWeek: '1200.5', area: 'North' },
        { asAt: dayOf(2021, 11, 30), providerId: 'PR1', providerName: 'Acme Care', framework: 'Extra care', tier: 'Specialist', qualityRating: 'Requires improvement', hoursPerWeek: null, area: null },
        { asAt: dayOf(2021, 10, 31), providerId: 'PR1', providerName: 'Acme Care', framework: 'Home care and support', tier: '1', qualityRating: 'Outstanding', hoursPerWeek: '1100', area: 'North' },
        { asAt: dayOf(2021, 10, 31), providerId: 'PR2', providerName: 'Bee Homes', framework: 'Residential', tier: '2', qualityRating: 'Inadequate', hoursPerWeek: null, area: null },
      ],
    });
  });

  it.each<[string, string[][], string[]]>([
    ['a provider twice in one framework', [['2021-11-30', 'PR1', 'A', 'Home care', '1', 'Good', '', ''], ['2021-11-30', 'PR1', 'A', 'home  care', '2', 'Good', '', '']], ['duplicate-provider@2:provider_id']],
    ['tier not in the list', [['2021-11-30', 'PR1', 'A', 'Home care', '3', 'Good', '', '']], ['code-list@1:tier']],
    ['rating not in the list', [['2021-11-30', 'PR1', 'A', 'Home care', '1', 'Very good', '', '']], ['code-list@1:quality_rating']],
    ['negative hours', [['2021-11-30', 'PR1', 'A', 'Home care', '1', 'Good', '-5', '']], ['negative-number@1:hours_per_week']],
  ])('rejects %s', async (_n, rows, expected) => {
    const r = await check(rows);
    expect(errorKeys(r)).toEqual(expected);
    expect(r.data).toBeNull();
  });
});
