/**
 * A hand-made events upload of boundary cases (ages exactly 18 and 65 by the 365.25 formula,
 * 29 February look-backs, month ends, open services, duplicates, Release 1 labels, rows before
 * the reporting period, exact decimals). Each person is one case; the test states the numbers
 * a reader works out by hand from measures.md for February 2024 (M_end = 2024-02-29).
 */
import { addDays } from './reference/dates.ts';

export const LA = 'E08000018';

export interface CaseRow {
  client?: string;
  type: 'Request' | 'Assessment' | 'Service' | 'Review';
  start: string;
  end?: string;
  outcome?: string;
  assessment?: string;
  service?: string;
  component?: string;
  route?: string;
  delivery?: string;
  units?: string;
  cost?: string;
  accommodation?: string;
}

export interface CasePerson {
  id: string;
  dob: string;
  rows: CaseRow[];
}

const FEB_END = '2024-02-29';
const COMMUNITY = 'Long term support: Community';
const RESIDENTIAL = 'Long term support: Residential care';
const NFA_ADVICE = 'NFA: Information and advice or signposting';
const GO_ON = 'Progress to support planning or services';
const LTS_OPEN = (start: string, extra: Partial<CaseRow> = {}): CaseRow => ({ type: 'Service', service: COMMUNITY, start, ...extra });

export const PEOPLE: CasePerson[] = [
  // Ages by the formula: 6,575 days is 18 (4·6575/1461 = 18.0013), 6,574 days is 17.998.
  { id: 'AGE18', dob: addDays(FEB_END, -6575), rows: [{ type: 'Request', start: '2024-02-01', end: FEB_END, outcome: NFA_ADVICE }] },
  { id: 'AGE17', dob: addDays(FEB_END, -6574), rows: [{ type: 'Request', start: '2024-02-01', end: FEB_END, outcome: NFA_ADVICE }] },
  // Release 1 outcome on a new-client request; LTS that started before the period does not count
  // because it ended before the request started.
  {
    id: 'R1REQ',
    dob: '1950-06-15',
    rows: [
      { type: 'Service', service: 'Long Term Support: Community', start: '2021-01-01', end: '2023-12-31', outcome: 'Service ended as planned' },
      { type: 'Request', start: '2024-01-01', end: '2024-02-10', outcome: 'NFA - Information & Advice / Signposting only' },
    ],
  },
  // Has LTS (open since before the period) on the request start: not a new client.
  { id: 'OLDLTS', dob: '1940-01-01', rows: [LTS_OPEN('2021-05-05'), { type: 'Request', start: '2024-02-02', end: '2024-02-20', outcome: NFA_ADVICE }] },
  // Duplicate requests (route folded): last row wins, so the outcome is NFA: Other.
  {
    id: 'DUPREQ',
    dob: '1960-03-03',
    rows: [
      { type: 'Request', start: '2024-02-05', end: '2024-02-06', outcome: 'Progress to assessment, review or reassessment', route: ' Self  referral' },
      { type: 'Request', start: '2024-02-05', end: '2024-02-06', outcome: 'NFA: Other', route: 'SELF REFERRAL' },
    ],
  },
  // A request completed before the period, and one completed on 1 March: neither in February.
  {
    id: 'EDGEREQ',
    dob: '1970-01-01',
    rows: [
      { type: 'Request', start: '2022-02-01', end: '2022-02-28', outcome: NFA_ADVICE },
      { type: 'Request', start: '2024-02-20', end: '2024-03-01', outcome: NFA_ADVICE },
    ],
  },
  // Reviews that reduced: 65 exactly (23,742 days) and 64 (23,741 days) at the review's end.
  {
    id: 'REV65',
    dob: addDays(FEB_END, -23742),
    rows: [
      LTS_OPEN('2023-01-01', { end: FEB_END, outcome: 'NFA: Support ended as planned', units: '10', cost: '20.50' }),
      { type: 'Review', start: '2024-02-01', end: FEB_END, outcome: GO_ON },
    ],
  },
  {
    id: 'REV64',
    dob: addDays(FEB_END, -23741),
    rows: [
      LTS_OPEN('2023-01-01', { end: FEB_END, outcome: 'NFA: Support ended as planned', units: '7', cost: '15' }),
      { type: 'Review', start: '2024-02-01', end: FEB_END, outcome: GO_ON },
    ],
  },
  // Exact decimals: before = 1×0.1 + 1×0.2, after = 1×0.3, equal (binary floats say 'reduced').
  {
    id: 'DECIMAL',
    dob: '1950-01-01',
    rows: [
      LTS_OPEN('2023-01-01', { end: '2024-02-15', outcome: 'Continuation of support or services', units: '1', cost: '0.1' }),
      LTS_OPEN('2023-01-01', { end: '2024-02-15', outcome: 'Continuation of support or services', units: '1', cost: '0.2', component: 'Day care' }),
      LTS_OPEN('2024-02-16', { units: '1', cost: '0.3', component: 'Home care', accommodation: 'Tenant' }),
      { type: 'Review', start: '2024-02-01', end: '2024-02-15', outcome: 'Continuation of support or services' },
    ],
  },
  // REVIEWS_UTD across 29 Feb: M_end − 1 year = 2023-02-28, open at that end.
  { id: 'UTD_OUT', dob: '1945-01-01', rows: [LTS_OPEN('2022-01-01'), { type: 'Review', start: '2023-02-01', end: '2023-02-28', outcome: GO_ON }] },
  { id: 'UTD_IN', dob: '1945-01-01', rows: [LTS_OPEN('2022-01-01'), { type: 'Review', start: '2023-02-01', end: '2023-03-01', outcome: GO_ON }] },
  // LTS from 2023-03-01 is not active on 2024-02-29 − 1 year: not in D; from 2023-02-28 it is.
  { id: 'UTD_LATE', dob: '1945-01-01', rows: [LTS_OPEN('2023-03-01'), { type: 'Review', start: '2023-10-01', end: '2023-10-02', outcome: GO_ON }] },
  { id: 'UTD_EDGE', dob: '1945-01-01', rows: [LTS_OPEN('2023-02-28', { accommodation: 'Sheltered housing' })] },
  // Admissions on 29 Feb 2024: start − 365 days = 2023-03-01.
  {
    id: 'ADM_MOVE',
    dob: '1940-01-01',
    rows: [
      { type: 'Service', service: RESIDENTIAL, start: '2022-05-01', end: '2023-03-01', outcome: 'NFA: Self-funded client or under 12wk disregard' },
      { type: 'Service', service: 'Long Term Support: Nursing Care', start: FEB_END },
    ],
  },
  {
    id: 'ADM_NEW',
    dob: '1940-01-01',
    rows: [
      { type: 'Service', service: RESIDENTIAL, start: '2022-05-01', end: '2023-02-28', outcome: 'NFA: Support ended as planned' },
      { type: 'Service', service: RESIDENTIAL, start: '2023-06-01', end: '2023-06-20', component: 'Short term residential care', outcome: GO_ON },
      { type: 'Service', service: RESIDENTIAL, start: FEB_END },
    ],
  },
  // 64 on the day of the admission: 18-64. The later short stay is no admission.
  {
    id: 'ADM_TWICE',
    dob: addDays('2023-06-01', -23741),
    rows: [
      { type: 'Service', service: RESIDENTIAL, start: '2023-06-01', end: '2023-06-30', outcome: 'NFA: Deceased' },
      { type: 'Service', service: RESIDENTIAL, start: '2024-01-01', component: ' SHORT stay', end: '2024-01-10', outcome: GO_ON },
    ],
  },
  { id: 'ADM_SHORT', dob: '1940-01-01', rows: [{ type: 'Service', service: RESIDENTIAL, start: '2024-01-05', component: '  short-term', end: '2024-02-01', outcome: GO_ON }] },
  { id: 'ADM_SELF', dob: '1940-01-01', rows: [{ type: 'Service', service: RESIDENTIAL, start: '2024-01-05', end: '2024-02-01', outcome: 'NFA - Self-funded client (inc. 12wk disregard)' }] },
  // ST-Max episodes ending 2024-02-10 (start 2023-11-01: start − 91 = 2023-08-02).
  { id: 'STM_PLUS7', dob: '1950-01-01', rows: [stmax(), LTS_OPEN('2024-02-17')] },
  { id: 'STM_PLUS8', dob: '1950-01-01', rows: [stmax(), LTS_OPEN('2024-02-18')] },
  { id: 'STM_PRIOR91', dob: '1950-01-01', rows: [LTS_OPEN('2023-01-01', { end: '2023-08-02', outcome: GO_ON }), stmax()] },
  { id: 'STM_PRIOR92', dob: '1950-01-01', rows: [LTS_OPEN('2023-01-01', { end: '2023-08-01', outcome: GO_ON }), stmax()] },
  { id: 'STM_HOSP', dob: '1950-01-01', rows: [stmax('Admitted to hospital')] },
  // Service duplicates: the last open row wins when there is one, else the last row.
  { id: 'SVC_OPEN_LAST', dob: '1950-01-01', rows: [LTS_OPEN('2023-05-01', { end: '2024-01-15', outcome: GO_ON }), LTS_OPEN('2023-05-01')] },
  { id: 'SVC_OPEN_FIRST', dob: '1950-01-01', rows: [LTS_OPEN('2023-05-01', { delivery: 'Direct payment' }), LTS_OPEN('2023-05-01', { end: '2024-01-15', outcome: GO_ON })] },
  {
    id: 'SVC_CLOSED_LATER',
    dob: '1950-01-01',
    rows: [LTS_OPEN('2023-05-01', { end: '2024-01-10', outcome: GO_ON }), LTS_OPEN('2023-05-01', { end: '2024-03-10', outcome: GO_ON, delivery: 'CASSR managed personal budget' })],
  },
  { id: 'SVC_CLOSED_EARLIER', dob: '1950-01-01', rows: [LTS_OPEN('2023-05-01', { end: '2024-03-10', outcome: GO_ON }), LTS_OPEN('2023-05-01', { end: '2024-01-10', outcome: GO_ON })] },
  // Accommodation: ties to the last row in file order (folded wording); a later financial
  // assessment is ignored; residential + community counts as residential.
  {
    id: 'ACCOM',
    dob: '1950-01-01',
    rows: [
      { type: 'Service', service: 'Long term support: Nursing care', start: '2023-04-01', accommodation: 'Nursing home' },
      LTS_OPEN('2023-06-01', { accommodation: 'Nursing home', delivery: 'Direct payment' }),
      { type: 'Review', start: '2023-06-01', end: '2023-06-02', outcome: GO_ON, accommodation: '  tenant  -  PRIVATE landlord ' },
      { type: 'Assessment', assessment: 'Financial Assessment', start: '2024-01-01', end: '2024-01-02', outcome: GO_ON, accommodation: 'Nursing home' },
    ],
  },
  // Long term assessments around month ends, with the request chosen for the wait.
  {
    id: 'ASSESS',
    dob: '1955-01-01',
    rows: [
      { type: 'Request', start: '2023-12-01', end: '2023-12-05', outcome: 'Progress to Assessment' },
      { type: 'Request', start: '2024-01-10', end: '2024-01-11', outcome: 'Progress to assessment, review or reassessment' },
      { type: 'Request', client: 'Carer', start: '2024-01-12', end: '2024-01-13', outcome: NFA_ADVICE },
      { type: 'Request', start: '2024-01-20', end: '2024-01-21', outcome: NFA_ADVICE },
      { type: 'Assessment', assessment: 'Long Term Assessment (Care Act eligibility decided)', start: '2024-01-15', end: '2024-02-01', outcome: 'NFA - Deceased' },
      { type: 'Assessment', assessment: 'Long term assessment', start: '2024-01-15', end: '2024-01-31', outcome: 'NFA: Support declined' },
      { type: 'Assessment', assessment: 'Long term assessment', start: '2024-02-10', end: FEB_END, outcome: GO_ON },
      { type: 'Assessment', assessment: 'Long term assessment', start: '2024-02-10', end: '2024-03-01', outcome: GO_ON },
    ],
  },
  // Carers' assessments (Release 1 client types); one carer is 17 by the formula.
  { id: 'CARER1', dob: '1960-01-01', rows: [{ type: 'Assessment', client: 'Carer', assessment: 'Short Term Assessment', start: '2024-02-01', end: '2024-02-02', outcome: NFA_ADVICE }] },
  { id: 'CARER2', dob: '1960-01-01', rows: [{ type: 'Assessment', client: 'Carer known by association', assessment: 'Long term assessment', start: '2024-02-01', end: FEB_END, outcome: NFA_ADVICE }] },
  { id: 'CARER17', dob: addDays(FEB_END, -6574), rows: [{ type: 'Assessment', client: 'Unpaid carer', assessment: 'Long term assessment', start: '2024-02-01', end: FEB_END, outcome: NFA_ADVICE }] },
];

function stmax(outcome = 'NFA: Support ended as planned'): CaseRow {
  return { type: 'Service', service: 'Short Term Support: ST-Max', start: '2023-11-01', end: '2024-02-10', outcome, component: 'Reablement' };
}

const HEADER = [
  'la_code', 'reporting_period_start_date', 'reporting_period_end_date', 'la_person_unique_identifier', 'date_of_birth',
  'client_type', 'accommodation_status', 'event_type', 'event_start_date', 'event_end_date', 'event_outcome',
  'request_route_of_access', 'assessment_type', 'service_type', 'service_component', 'delivery_mechanism',
  'planned_units_per_week', 'unit_cost',
];

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The events CSV of `PEOPLE` for a reporting period (rows before it are kept, as the spec allows). */
export function boundaryEventsCsv(periodStart: string, periodEnd = '2024-03-31'): string {
  const lines = [HEADER.join(',')];
  for (const p of PEOPLE) {
    for (const r of p.rows) {
      const fields = [
        LA, periodStart, periodEnd, p.id, p.dob, r.client ?? 'Service user', r.accommodation ?? '', r.type, r.start, r.end ?? '',
        r.outcome ?? '', r.route ?? '', r.assessment ?? '', r.service ?? '', r.component ?? '', r.delivery ?? '', r.units ?? '', r.cost ?? '',
      ];
      lines.push(fields.map(quote).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** 18+ = 2,000,000 so that 3 events make 0.15 per 100,000, a half to round away from zero. */
export function boundaryPopulationCsv(bands: ('18-64' | '65+')[] = ['18-64', '65+']): string {
  const rows = ['la_code,year,age_band,population'];
  if (bands.includes('18-64')) rows.push(`${LA},2021,18-64,1000000`, `${LA},2023,18-64,1000000`);
  if (bands.includes('65+')) rows.push(`${LA},2022,65+,1000000`);
  return `${rows.join('\n')}\n`;
}
