/**
 * Release 1 spellings of the events code lists (extract-spec.md "events"), written from the spec's
 * tables for the dialect tests: each Release 2 label and the Release 1 labels that mean it.
 */
import { columnIndex, mapColumns, type Table } from './dialect-rewrite.ts';

const OUTCOMES: Record<string, string[]> = {
  'Progress to reablement/ST-Max': ['Progress to Reablement/ST-Max'],
  'Progress to assessment, review or reassessment': ['Progress to Assessment', 'Progress to Re-assessment / Unplanned Review', 'Progress to financial assessment'],
  'Progress to support planning or services': ['Progress to Support Planning / Services', 'Progress to End of Life Care', 'Provision of service'],
  'Continuation of support or services': ['No change in package'],
  'Admitted to hospital': ['Admitted to hospital'],
  'NFA: Support ended as planned': ['Service ended as planned'],
  'NFA: Responsibility moved to another local authority': ['NFA - Moved to another LA'],
  'NFA: Referral to NHS services or NHS funded social care': ['NFA - 100% NHS funded care'],
  'NFA: Self-funded client or under 12wk disregard': ['NFA - Self-funded client (inc. 12wk disregard)'],
  'NFA: Information and advice or signposting': ['NFA - Information & Advice / Signposting only'],
  'NFA: Support declined': ['NFA - Support declined'],
  'NFA: Deceased': ['NFA - Deceased'],
  'NFA: Support ended for other reason': ['NFA - Support ended: Other reason'],
  'NFA: No services offered for other reason': ['NFA - No services offered: Other reason'],
  'NFA: Other': ['NFA- Other', 'NFA - Other'],
};

const SERVICE_TYPES: Record<string, string> = {
  'Unpaid carer support: Direct to unpaid carer': 'Carer Support: Direct to Carer',
  'Unpaid carer support: Support involving the person cared-for': 'Carer Support: Support involving the person cared-for',
};

const CLIENT_TYPES: Record<string, string> = { 'Unpaid carer': 'Carer', 'Unpaid carer known by association': 'Carer known by association' };

const ASSESSMENT_TYPES: Record<string, string> = {
  'Long term assessment': 'Long Term Assessment (Care Act eligibility decided)',
  'Short term assessment': 'Short Term Assessment',
};

const titleCase = (s: string) => s.replace(/(^|[\s:])([a-z])/g, (_, before: string, c: string) => before + c.toUpperCase());

export function toRelease1(t: Table): Table {
  let out = mapColumns(t, ['event_outcome'], (v, row) => {
    const choices = OUTCOMES[v];
    return choices ? choices[row % choices.length] : v;
  });
  out = mapColumns(out, ['service_type'], (v) => SERVICE_TYPES[v] ?? titleCase(v));
  out = mapColumns(out, ['client_type'], (v) => CLIENT_TYPES[v] ?? v);
  return mapColumns(out, ['assessment_type'], (v) => ASSESSMENT_TYPES[v] ?? v);
}

/**
 * Adds a Release 1 `Financial Assessment` after the last row of every seventh person, in the
 * last days of the period and with an accommodation status of its own: measures must ignore it.
 */
export function withFinancialAssessments(t: Table): Table {
  const col = (n: string) => columnIndex(t, n);
  const [person, type, start, end, outcome, assessment, service, accommodation, periodEnd, reference] = [
    'la_person_unique_identifier', 'event_type', 'event_start_date', 'event_end_date', 'event_outcome', 'assessment_type',
    'service_type', 'accommodation_status', 'reporting_period_end_date', 'event_reference',
  ].map(col);
  const rows: string[][] = [];
  let seen = 0;
  t.rows.forEach((r, i) => {
    rows.push(r);
    const next = t.rows[i + 1];
    if (next && next[person] === r[person]) return;
    if (seen++ % 7 !== 0) return;
    const fa = [...r];
    const last = r[periodEnd];
    fa[type] = 'Assessment';
    fa[start] = last;
    fa[end] = last;
    fa[outcome] = 'Progress to financial assessment';
    fa[assessment] = 'Financial Assessment';
    fa[service] = '';
    fa[accommodation] = 'Tenant';
    if (reference >= 0) fa[reference] = `FA${i}`;
    for (const n of ['service_component', 'delivery_mechanism', 'planned_units_per_week', 'unit_cost', 'request_route_of_access', 'review_reason']) {
      if (col(n) >= 0) fa[col(n)] = '';
    }
    rows.push(fa);
  });
  return { header: t.header, rows };
}
