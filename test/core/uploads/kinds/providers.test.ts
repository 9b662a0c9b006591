import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../../functions/core/calendar/days.ts';
import { csvText, errorKeys, validateText } from '../fixtures.ts';

const HEADER = ['as_at_date', 'provider_id', 'provider_name', 'framework', 'tier', 'quality_rating', 'hours_per_week', 'area'];
const check = (rows: string[][]) => validateText('providers', csvText(HEADER, rows));

describe('providers', () => {
  it('parses providers; one provider may be in several frameworks', async () => {
    const r = await check([
      ['2021-11-30', 'PR1', 'Acme Care', 'Home care and support', '1', 'Good', '1200.5', 'North'],
      ['2021-11-30', 'PR1', 'Acme Care', 'Extra care', 'specialist', 'requires  improvement', '', ''],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual({
      asAt: dayOf(2021, 11, 30),
      rows: [
        { providerId: 'PR1', providerName: 'Acme Care', framework: 'Home care and support', tier: '1', qualityRating: 'Good', hoursPerWeek: '1200.5', area: 'North' },
        { providerId: 'PR1', providerName: 'Acme Care', framework: 'Extra care', tier: 'Specialist', qualityRating: 'Requires improvement', hoursPerWeek: null, area: null },
      ],
    });
  });

  it.each<[string, string[][], string[]]>([
    ['a provider twice in one framework', [['2021-11-30', 'PR1', 'A', 'Home care', '1', 'Good', '', ''], ['2021-11-30', 'PR1', 'A', 'home  care', '2', 'Good', '', '']], ['duplicate-provider@2:provider_id']],
    ['tier not in the list', [['2021-11-30', 'PR1', 'A', 'Home care', '3', 'Good', '', '']], ['code-list@1:tier']],
    ['rating not in the list', [['2021-11-30', 'PR1', 'A', 'Home care', '1', 'Outstanding', '', '']], ['code-list@1:quality_rating']],
    ['negative hours', [['2021-11-30', 'PR1', 'A', 'Home care', '1', 'Good', '-5', '']], ['negative-number@1:hours_per_week']],
  ])('rejects %s', async (_n, rows, expected) => {
    const r = await check(rows);
    expect(errorKeys(r)).toEqual(expected);
    expect(r.data).toBeNull();
  });
});
