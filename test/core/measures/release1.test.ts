/**
 * Release 1 labels are mapped to Release 2 by parsing, so an extract written in Release 1 gives the
 * same measures as the same extract in Release 2; its Financial Assessment rows change nothing.
 */
import { describe, expect, it } from 'vitest';
import { computeMeasures } from '../../../functions/core/measures/compute.ts';
import { validateUpload } from '../../../functions/core/uploads/validate-upload.ts';
import { population } from './builder.ts';

const HEADER = 'la_code,reporting_period_start_date,reporting_period_end_date,la_person_unique_identifier,date_of_birth,client_type,event_type,event_start_date,event_end_date,event_outcome,assessment_type,service_type,service_component,delivery_mechanism,planned_units_per_week,unit_cost,accommodation_status';

// [person, client type R2 | R1, event, start, end, outcome R2 | R1, assessment R2 | R1, service R2 | R1, delivery]
type Row = [string, [string, string], string, string, string, [string, string], [string, string], [string, string], string];
const ROWS: Row[] = [
  ['A', ['Service user', 'Service user'], 'Request', '2021-01-04', '2021-01-05', ['NFA: Information and advice or signposting', 'NFA - Information & Advice / Signposting only'], ['', ''], ['', ''], ''],
  ['B', ['Service user', 'Service user'], 'Request', '2021-01-04', '2021-01-06', ['Progress to assessment, review or reassessment', 'Progress to Assessment'], ['', ''], ['', ''], ''],
  ['B', ['Service user', 'Service user'], 'Assessment', '2021-01-07', '2021-02-10', ['Progress to support planning or services', 'Progress to Support Planning / Services'], ['Long term assessment', 'Long Term Assessment (Care Act eligibility decided)'], ['', ''], ''],
  ['B', ['Service user', 'Service user'], 'Service', '2021-02-11', '', ['', ''], ['', ''], ['Long term support: Community', 'Long Term Support: Community'], 'Direct payment'],
  ['C', ['Service user', 'Service user'], 'Assessment', '2021-01-10', '2021-01-20', ['NFA: Deceased', 'NFA - Deceased'], ['Long term assessment', 'Long Term Assessment (Care Act eligibility decided)'], ['', ''], ''],
  ['D', ['Service user', 'Service user'], 'Service', '2020-06-01', '', ['', ''], ['', ''], ['Long term support: Nursing care', 'Long Term Support: Nursing Care'], ''],
  ['D', ['Service user', 'Service user'], 'Review', '2021-02-01', '2021-02-03', ['Continuation of support or services', 'No change in package'], ['', ''], ['', ''], ''],
  ['E', ['Unpaid carer', 'Carer'], 'Assessment', '2021-02-01', '2021-02-03', ['Progress to support planning or services', 'Provision of service'], ['Short term assessment', 'Short Term Assessment'], ['', ''], ''],
  ['E', ['Unpaid carer', 'Carer'], 'Service', '2021-02-04', '2021-03-01', ['NFA: Support ended as planned', 'Service ended as planned'], ['', ''], ['Unpaid carer support: Direct to unpaid carer', 'Carer Support: Direct to Carer'], ''],
  ['F', ['Service user', 'Service user'], 'Service', '2021-01-01', '2021-03-10', ['NFA: Support ended as planned', 'Service ended as planned'], ['', ''], ['Short term support: ST-Max', 'Short Term Support: ST-Max'], ''],
];

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;

function csv(release: 0 | 1, extra: string[] = []): Uint8Array {
  const lines = ROWS.map(([person, client, event, start, end, outcome, assessment, service, delivery]) =>
    ['E08000018', '2020-04-01', '2021-03-31', person, '1950-05-05', client[release], event, start, end, outcome[release], assessment[release], service[release], '', delivery, '5', '10', 'Tenant'].map(quote).join(','));
  return new TextEncoder().encode([HEADER, ...lines, ...extra].join('\n'));
}

describe('Release 1 extracts', () => {
  it('give the same measures as Release 2, with warnings, and ignore Financial Assessment rows', async () => {
    const r2 = await validateUpload('events', csv(0));
    const financial = 'E08000018,2020-04-01,2021-03-31,A,1950-05-05,Service user,Assessment,2021-01-05,2021-01-31,"Progress to Support Planning / Services",Financial Assessment,,,,,,Nursing home';
    const r1 = await validateUpload('events', csv(1, [financial]));
    expect(r2.errors.map((e) => e.message)).toEqual([]);
    expect(r1.errors.map((e) => e.message)).toEqual([]);
    expect(r1.warningCount).toBeGreaterThan(0);
    const pop = population();
    const a = computeMeasures({ events: r2.data!, population: pop });
    const b = computeMeasures({ events: r1.data!, population: pop });
    expect(b).toEqual(a);
    // And the extract is not empty of meaning: January has two new-client requests, one resolved at first contact.
    const fpoc = a.measures.find((m) => m.id === 'FPOC')!.series.find((p) => p.month === '2021-01');
    expect(fpoc).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });
});
