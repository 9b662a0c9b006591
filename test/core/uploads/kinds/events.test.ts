import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../../functions/core/calendar/days.ts';
import { eventsSchema } from '../../../../functions/core/uploads/kinds/events.ts';
import { validateUpload } from '../../../../functions/core/uploads/validate-upload.ts';
import { ASSESSMENT, BASE_EVENT, errorKeys, type EventFields, eventsCsv, GOLDEN, SERVICE, validateText, warningKeys } from '../fixtures.ts';

const check = (rows: EventFields[]) => validateText('events', eventsCsv(rows));

describe('events: a valid extract', () => {
  it('the golden extract validates with no errors and matches the parsed-data contract', async () => {
    const r = await validateUpload('events', readFileSync(path.join(GOLDEN, 'events.csv')), { fileName: 'events.csv' });
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(1622);
    expect(r.data).not.toBeNull();
    expect(eventsSchema.safeParse(r.data).success).toBe(true);
    expect(r.data!.events).toHaveLength(1622);
    expect(r.data!.laCode).toBe('E08000018');
    expect(r.data!.reportingPeriodStart).toBe(dayOf(2018, 12, 1));
    expect(r.data!.reportingPeriodEnd).toBe(dayOf(2021, 11, 30));
    // Persons are interned: each identifier once, every event pointing at its own person.
    const ids = r.data!.persons.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.data!.events.every((e) => e.person >= 0 && e.person < ids.length)).toBe(true);
  });

  it('parses one row of each type into Release 2 labels, day numbers and decimal text', async () => {
    const r = await check([{}, { ...ASSESSMENT, event_reference: 'EV2' }, { ...SERVICE, event_reference: 'EV3' }, { event_type: 'Review', event_outcome: 'Continuation of support or services' }]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.data!.persons).toEqual([{ id: 'P1', dateOfBirth: dayOf(1950, 3, 4), dateOfDeath: null }]);
    const [request, assessment, service, review] = r.data!.events;
    expect(request).toEqual({
      row: 1,
      person: 0,
      eventType: 'Request',
      clientType: 'Service user',
      start: dayOf(2021, 5, 1),
      end: dayOf(2021, 5, 3),
      outcome: 'NFA: Information and advice or signposting',
      assessmentType: null,
      serviceType: null,
      serviceComponent: null,
      routeOfAccess: 'Community / Other route',
      deliveryMechanism: null,
      plannedUnitsPerWeek: null,
      unitCost: null,
      accommodationStatus: 'Tenant',
      gender: 'Female',
      ethnicity: null,
      primarySupportReason: null,
    });
    expect(assessment.assessmentType).toBe('Long term assessment');
    expect(service).toMatchObject({ eventType: 'Service', end: null, outcome: null, serviceType: 'Long term support: Community', plannedUnitsPerWeek: '10', unitCost: '21.50', deliveryMechanism: 'Direct payment' });
    expect(review).toMatchObject({ row: 4, eventType: 'Review' });
  });

  it('matches labels ignoring case and runs of spaces, and trims spaces, tabs and no-break spaces', async () => {
    const r = await check([{ client_type: ' service   USER\u00a0', event_type: '\tREQUEST', event_outcome: 'nfa:  information and advice or SIGNPOSTING', accommodation_status: '\u00a0Tenant ' }]);
    expect(r.errors).toEqual([]);
    expect(r.data!.events[0]).toMatchObject({ clientType: 'Service user', eventType: 'Request', outcome: 'NFA: Information and advice or signposting', accommodationStatus: 'Tenant' });
  });

  it('keeps the latest date of death of a person\'s rows, as DHSC\'s person details do', async () => {
    const r = await check([{ date_of_death: '2021-06-01' }, { date_of_death: '2021-07-01' }, { date_of_death: '' }, { date_of_death: '2021-06-15' }]);
    expect(r.errors).toEqual([]);
    expect(r.data!.persons[0].dateOfDeath).toBe(dayOf(2021, 7, 1));
  });

  it('keeps gender, ethnicity and primary support reason as trimmed text', async () => {
    // The shared fixture columns leave ethnicity and primary support reason out: add them here.
    const [header, row] = eventsCsv([{ gender: ' Male ' }]).trimEnd().split('\n');
    const r = await validateText('events', `${header},ethnicity,primary_support_reason\n${row},White: English,Learning disability support\n`);
    expect(r.errors).toEqual([]);
    expect(r.data!.events[0]).toMatchObject({ gender: 'Male', ethnicity: 'White: English', primarySupportReason: 'Learning disability support' });
  });

  it('accepts every date form of the spec', async () => {
    const r = await check([{ date_of_birth: '4/3/1950', event_start_date: '01/05/2021', event_end_date: '2021-05-03 00:00:00.000', reporting_period_end_date: '2021-11-30 00:00:00' }]);
    expect(r.errors).toEqual([]);
    expect(r.data!.events[0]).toMatchObject({ start: dayOf(2021, 5, 1), end: dayOf(2021, 5, 3) });
    expect(r.data!.persons[0].dateOfBirth).toBe(dayOf(1950, 3, 4));
  });

  it('maps Release 1 labels to Release 2 with a warning each', async () => {
    const r = await check([
      { client_type: 'Carer', event_outcome: 'NFA - Information & Advice / Signposting only' },
      { ...ASSESSMENT, assessment_type: 'Long Term Assessment (Care Act eligibility decided)', event_outcome: 'Progress to Support Planning / Services' },
      { ...SERVICE, service_type: 'Long Term Support: Nursing Care', event_end_date: '2021-06-01', event_outcome: 'Service ended as planned' },
      { ...SERVICE, client_type: 'Carer known by association', service_type: 'Carer Support: Direct to Carer' },
    ]);
    expect(r.errors).toEqual([]);
    expect(warningKeys(r)).toEqual([
      'release-1-label@1:client_type',
      'release-1-label@1:event_outcome',
      'release-1-label@2:event_outcome',
      'release-1-label@2:assessment_type',
      'release-1-label@3:event_outcome',
      // Release 1 title case differs from Release 2 only in case, and matching ignores case.
      'release-1-label@4:client_type',
      'release-1-label@4:service_type',
    ]);
    const [a, b, c, d] = r.data!.events;
    expect(a).toMatchObject({ clientType: 'Unpaid carer', outcome: 'NFA: Information and advice or signposting' });
    expect(b).toMatchObject({ assessmentType: 'Long term assessment', outcome: 'Progress to support planning or services' });
    expect(c).toMatchObject({ serviceType: 'Long term support: Nursing care', outcome: 'NFA: Support ended as planned' });
    expect(d).toMatchObject({ clientType: 'Unpaid carer known by association', serviceType: 'Unpaid carer support: Direct to unpaid carer' });
  });

  it('keeps Financial assessment rows and duplicate rows (measures deal with them)', async () => {
    const r = await check([{ ...ASSESSMENT, assessment_type: 'Financial Assessment' }, {}, {}]);
    expect(r.errors).toEqual([]);
    expect(r.data!.events.map((e) => e.assessmentType)).toEqual(['Financial assessment', null, null]);
    expect(r.data!.events).toHaveLength(3);
  });

  it('reads the CLD header dialect (mixed case, spaces, colons) and ignores unknown columns with a warning', async () => {
    const text = eventsCsv([{}]).replace('la_code', 'LA_Code').replace('request_route_of_access', 'Request: Route of Access').replace('review_reason', 'Something Else');
    const r = await validateText('events', text);
    expect(r.errors).toEqual([]);
    expect(warningKeys(r)).toEqual(['unknown-column@0:something_else']);
    expect(r.data!.events[0].routeOfAccess).toBe('Community / Other route');
  });

  it('numbers rows by CSV record when a quoted value spans lines', async () => {
    const r = await check([{ accommodation_status: 'Tenant\nsecond line' }, { event_start_date: '2021-13-01' }]);
    expect(errorKeys(r)).toEqual(['impossible-date@2:event_start_date']);
  });

  it('takes a wrong NHS check digit as a warning and a wrong length as an error', async () => {
    const r = await check([{ nhs_number: '9434765918' }, { nhs_number: '12345' }]);
    expect(warningKeys(r)).toEqual(['nhs-check-digit@1:nhs_number']);
    expect(errorKeys(r)).toEqual(['nhs-number@2:nhs_number']);
    expect(r.data).toBeNull();
  });
});

describe('events: rules that reject', () => {
  it.each<[string, EventFields[], string[]]>([
    ['la_code format', [{ la_code: 'E07000001' }], ['la-code@1:la_code']],
    ['la_code differs between rows', [{}, { la_code: 'E08000019' }], ['same-on-every-row@2:la_code']],
    ['reporting period start differs', [{}, { reporting_period_start_date: '2020-11-01' }], ['same-on-every-row@2:reporting_period_start_date']],
    ['reporting period end differs', [{}, { reporting_period_end_date: '2021-10-31' }], ['same-on-every-row@2:reporting_period_end_date']],
    ['reporting period end not a month end', [{ reporting_period_end_date: '2021-11-29', event_start_date: '2021-05-01' }], ['month-end@1:reporting_period_end_date']],
    ['reporting period start after end', [{ reporting_period_start_date: '2021-12-01' }], ['period-order@1:reporting_period_start_date']],
    ['blank person identifier', [{ la_person_unique_identifier: ' ' }], ['required@1:la_person_unique_identifier']],
    ['date of birth differs for one person', [{}, { date_of_birth: '1950-03-05' }], ['dob-differs@2:date_of_birth']],
    ['date of birth not before the event start', [{ date_of_birth: '2021-05-01' }], ['birth-after-event-start@1:date_of_birth']],
    ['impossible date', [{ date_of_birth: '1950-02-30' }], ['impossible-date@1:date_of_birth']],
    ['time of day', [{ event_start_date: '2021-05-01 13:45:00' }], ['date-not-midnight@1:event_start_date']],
    ['US date form', [{ event_start_date: '05-01-2021' }], ['date-format@1:event_start_date']],
    ['event start after the period end', [{ event_start_date: '2021-12-01', event_end_date: '2021-12-02' }], ['start-after-period-end@1:event_start_date', 'end-after-period-end@1:event_end_date']],
    ['event end before its start', [{ event_end_date: '2021-04-30' }], ['end-before-start@1:event_end_date']],
    ['event end after the period end', [{ ...SERVICE, event_end_date: '2021-12-01', event_outcome: 'NFA: Support ended as planned' }], ['end-after-period-end@1:event_end_date']],
    ['blank end on a Request', [{ event_end_date: '' }], ['required@1:event_end_date']],
    ['blank outcome on a completed event', [{ event_outcome: '' }], ['required@1:event_outcome']],
    ['blank outcome on an ended Service', [{ ...SERVICE, event_end_date: '2021-06-01' }], ['required@1:event_outcome']],
    ['outcome not in the list', [{ event_outcome: 'Closed' }], ['code-list@1:event_outcome']],
    ['client type not in the list', [{ client_type: 'Customer' }], ['code-list@1:client_type']],
    ['event type not in the list', [{ event_type: 'Referral' }], ['code-list@1:event_type']],
    ['assessment without a type', [{ ...ASSESSMENT, assessment_type: '' }], ['required@1:assessment_type']],
    ['service without a type', [{ ...SERVICE, service_type: '' }], ['required@1:service_type']],
    ['delivery mechanism not in the list', [{ ...SERVICE, delivery_mechanism: 'Cash' }], ['code-list@1:delivery_mechanism']],
    ['negative planned units', [{ ...SERVICE, planned_units_per_week: '-2' }], ['negative-number@1:planned_units_per_week']],
    ['unit cost with a pound sign', [{ ...SERVICE, unit_cost: '£21.50' }], ['number-format@1:unit_cost']],
    ['unit cost with a thousands separator', [{ ...SERVICE, unit_cost: '1,021.50' }], ['number-format@1:unit_cost']],
    ['unit cost with a million decimal places', [{ ...SERVICE, unit_cost: `21.${'5'.repeat(1_000_000)}` }], ['number-precision@1:unit_cost']],
    ['planned units with 16 significant digits', [{ ...SERVICE, planned_units_per_week: '1234567890.123456' }], ['number-precision@1:planned_units_per_week']],
  ])('%s', async (_name, rows, expected) => {
    const r = await check(rows);
    expect(errorKeys(r)).toEqual(expected);
    expect(r.data).toBeNull();
    expect(r.errorCount).toBe(expected.length);
  });

  it('names the column of a number too long to keep exactly', async () => {
    const r = await check([{ ...SERVICE, unit_cost: '21.12345' }]);
    expect(r.errors[0].message).toBe('unit_cost has 5 decimal places; a number may have at most 4');
  });

  it('an open Service needs neither end date nor outcome', async () => {
    const r = await check([{ ...SERVICE }]);
    expect(r.errors).toEqual([]);
  });

  it('rejects a row with more values than the header has columns', async () => {
    const text = eventsCsv([{}]) + Object.values(BASE_EVENT).join(',') + ',surplus\n';
    const r = await validateText('events', text);
    expect(errorKeys(r)).toEqual(['field-count@2:']);
  });

  it('reads a row with fewer values than the header as blanks (Excel drops trailing empties)', async () => {
    const full = eventsCsv([{}]).trimEnd().split('\n');
    const short = full[1].replace(/,+$/, '');
    const r = await validateText('events', `${full[0]}\n${short}\n`);
    expect(r.errors).toEqual([]);
  });

  it('skips blank lines but keeps counting records', async () => {
    const [header, row] = eventsCsv([{}]).trimEnd().split('\n');
    const bad = row.replace('2021-05-01', '2021-05-99');
    const r = await validateText('events', `${header}\n${row}\n\n,,,\n${bad}\n\n`);
    expect(r.rows).toBe(2);
    expect(errorKeys(r)).toEqual(['impossible-date@4:event_start_date']);
  });

  it('rejects a missing required column and a file with no data rows', async () => {
    const noOutcome = eventsCsv([{}]).replace(',event_outcome', ',outcome');
    expect(errorKeys(await validateText('events', noOutcome))).toEqual(['missing-column@0:event_outcome']);
    const headerOnly = eventsCsv([]);
    expect(errorKeys(await validateText('events', headerOnly))).toEqual(['no-data-rows@0:']);
  });
});
