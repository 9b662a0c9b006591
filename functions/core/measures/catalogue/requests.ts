/**
 * Requests from new clients (REQ_NEW) and what became of them (FPOC, REQ_TO_ASSESS).
 * One pass over the rows finds the new-client requests of every month; the three measures read it.
 */
import type { MeasureContext } from '../context.ts';
import { equityTally, type EquityTally } from '../equity.ts';
import { monthlySeries, percentAt, rateAt } from '../points.ts';
import { anyActiveOn, isServiceUser } from '../rows.ts';
import type { MeasureDefinition } from './types.ts';

const FIRST_CONTACT = new Set([
  'NFA: Information and advice or signposting',
  'NFA: Referral to other service within the local authority',
  'NFA: Referral to NHS services or NHS funded social care',
]);
const TO_ASSESSMENT = 'Progress to assessment, review or reassessment';

interface NewRequests {
  total: Int32Array;
  firstContact: Int32Array;
  toAssessment: Int32Array;
  /** REQ_NEW's equity breakdowns: each request counted in its person's groups for the month. */
  equity: EquityTally;
}

/** SU requests completed in M, 18+ at end, with no LTS active on the request's start. */
export function newClientRequests(ctx: MeasureContext): NewRequests {
  return ctx.memo('new-client-requests', () => {
    const n = ctx.months.months.length;
    const out: NewRequests = { total: new Int32Array(n), firstContact: new Int32Array(n), toAssessment: new Int32Array(n), equity: equityTally(ctx) };
    const lts = ctx.ltsByPerson();
    for (const row of ctx.rows) {
      if (row.eventType !== 'Request' || !isServiceUser(row)) continue;
      const m = ctx.months.of(row.end);
      if (m < 0 || ctx.age(row.person, row.end as number) < 18) continue;
      if (anyActiveOn(lts, row.person, row.start)) continue;
      out.total[m]++;
      out.equity.add(row.person, m, true);
      if (row.outcome !== null && FIRST_CONTACT.has(row.outcome)) out.firstContact[m]++;
      if (row.outcome === TO_ASSESSMENT) out.toAssessment[m]++;
    }
    return out;
  });
}

/** FPOC and REQ_TO_ASSESS: a share of the month's new-client requests. */
function shareOfNewRequests(part: 'firstContact' | 'toAssessment'): MeasureDefinition['compute'] {
  return (ctx) => {
    const requests = newClientRequests(ctx);
    return { series: monthlySeries(ctx.months.months, percentAt, requests[part], requests.total) };
  };
}

export const REQ_NEW: MeasureDefinition = {
  id: 'REQ_NEW',
  title: 'Requests for support from new clients',
  definition:
    'Requests for adult social care support completed in the month from adults (18 and over) who were not already receiving long term support, per 100,000 adults in the area.',
  whyItMatters:
    'Shows how much new demand reaches the front door each month, so that capacity can be planned before waiting lists grow.',
  unit: 'per100k',
  polarity: 'neutral',
  basis: 'month',
  reads: ['events', 'population'],
  compute(ctx) {
    const { total, equity } = newClientRequests(ctx);
    // A group's rate is on the whole area's 18+ population: population by group is not uploaded.
    const rate = rateAt((m) => ctx.populationFor(m, null));
    return { series: monthlySeries(ctx.months.months, rate, total), breakdowns: equity.series(rate) };
  },
};

export const FPOC: MeasureDefinition = {
  id: 'FPOC',
  title: 'New requests resolved at first point of contact',
  definition:
    'Of the requests from new clients completed in the month, the percentage resolved straight away with information and advice, signposting, or a referral to another council service or the NHS.',
  whyItMatters:
    'Resolving a request at the first contact gets people the right help quickly and keeps assessment capacity for those who need it.',
  unit: 'percent',
  polarity: 'high',
  basis: 'month',
  reads: ['events'],
  compute: shareOfNewRequests('firstContact'),
};

export const REQ_TO_ASSESS: MeasureDefinition = {
  id: 'REQ_TO_ASSESS',
  title: 'New requests that went on to assessment',
  definition:
    'Of the requests from new clients completed in the month, the percentage that went on to an assessment, review or reassessment.',
  whyItMatters:
    'A high share means more people need a full assessment, which drives waiting times and the cost of care; early help can lower it.',
  unit: 'percent',
  polarity: 'low',
  basis: 'month',
  reads: ['events'],
  compute: shareOfNewRequests('toAssessment'),
};
