/**
 * The measures document gives each ASCOF measure its code and its financial-year figures: the
 * April–March year is the 12 months to March (rolling12), or the position on 31 March (snapshot).
 */
import { describe, expect, it } from 'vitest';
import { computeMeasures } from '../../../../../functions/core/measures/compute.ts';
import { community, events, inputs } from '../../builder.ts';

describe('ASCOF codes and financial years in the measures document', () => {
  const doc = computeMeasures(inputs(events({ start: '2019-01-01', end: '2021-06-30' }, [
    community('P1', '2019-02-01', null, { delivery: 'Direct payment' }),
    community('P2', '2020-02-01', null),
  ])));
  const byId = new Map(doc.measures.map((m) => [m.id, m]));

  it('every ASCOF_ measure has its code; local measures have none', () => {
    expect(doc.measures.filter((m) => m.ascofCode).map((m) => `${m.id}=${m.ascofCode}`)).toEqual([
      'ASCOF_2A=2A', 'ASCOF_2B=2B', 'ASCOF_2C=2C', 'ASCOF_2E=2E (18-64)', 'ASCOF_2E_65=2E (65+)', 'ASCOF_2E_LD=2E (LD)',
      'ASCOF_3D1A=3D1a', 'ASCOF_3D1B=3D1b', 'ASCOF_3D2A=3D2a', 'ASCOF_3D2B=3D2b',
    ]);
    expect(byId.get('SDS')!.annual).toBeUndefined();
  });

  it('each year with its March in the series: 3D2a on 31 March 2019 (P1 only) and 31 March 2020 (P1, P2)', () => {
    expect(byId.get('ASCOF_3D2A')!.annual).toEqual([
      { year: '2018/19', value: 100, numerator: 1, denominator: 1, reason: null },
      { year: '2019/20', value: 50, numerator: 1, denominator: 2, reason: null },
      { year: '2020/21', value: 50, numerator: 1, denominator: 2, reason: null },
    ]);
  });
});
