/**
 * ASCOF 3D (Create_ASCOF_3D_2425_Onwards.sql): self-directed support and direct payments, for
 * clients (parts 1a, 2a: a snapshot at the period end) and carers (parts 1b, 2b: during the year).
 * Each person is counted once, at their highest-ranking service or support. Method: METHOD.md.
 */
import { foldLabel } from '../../../uploads/code-lists.ts';
import type { EventRow } from '../../../uploads/parsed.ts';
import type { MeasureContext } from '../../context.ts';
import { percentPoint } from '../../points.ts';
import { isCarer } from '../../rows.ts';
import type { MeasureDefinition } from '../types.ts';
import { dhscAge, personDetails } from './person-details.ts';
import { endOrOpen, perPeriod, type ReportingPeriod } from './window.ts';

const isDirectPaymentComponent = (row: EventRow): boolean =>
  row.serviceComponent !== null && foldLabel(row.serviceComponent) === 'direct payment';

/**
 * #REF_Service_Type_Delivery_Mech hierarchy of a client's LTS row (1 = highest setting): the
 * component `Direct payment` overrides the delivery mechanism; a mechanism not in the reference
 * pairs for the service type (any on nursing or residential care, a direct payment in prison) is
 * blanked to ''.
 */
export function clientHierarchy(row: EventRow): number {
  const dm = isDirectPaymentComponent(row) ? 'Direct payment' : row.deliveryMechanism;
  switch (row.serviceType) {
    case 'Long term support: Nursing care':
      return 1;
    case 'Long term support: Residential care':
      return 2;
    case 'Long term support: Community':
      return dm === 'Direct payment' ? 3 : dm === 'CASSR managed personal budget' ? 4 : dm === 'CASSR commissioned support' ? 5 : 6;
    default: // Long term support: Prison
      return dm === 'CASSR managed personal budget' ? 7 : dm === 'CASSR commissioned support' ? 8 : 9;
  }
}

interface Parts {
  denominator: number;
  selfDirected: number;
  directPayment: number;
}

/** Clients: people 18+ whose best LTS open on the period end is community (hierarchy 3–6). */
function clientParts(ctx: MeasureContext, period: ReportingPeriod): Parts {
  const details = personDetails(ctx);
  const lts = ctx.ltsByPerson();
  const out: Parts = { denominator: 0, selfDirected: 0, directPayment: 0 };
  for (let p = 0; p < ctx.persons.length; p++) {
    const death = details.death[p];
    if (death !== null && death < period.end) continue;
    let rank = Infinity;
    for (let k = lts.offsets[p]; k < lts.offsets[p + 1]; k++) {
      const row = lts.rows[k];
      if (row.start > period.end) break;
      if (endOrOpen(row.end) >= period.end) rank = Math.min(rank, clientHierarchy(row));
    }
    if (rank < 3 || rank > 6 || dhscAge(details, p, period.end) < 18) continue;
    out.denominator++;
    if (rank <= 4) out.selfDirected++;
    if (rank === 3) out.directPayment++;
  }
  return out;
}

/** #Ref_Carer_Support_Hierarchy of a carer's row (Support_Provided), or null when the CASE gives none. */
export function carerHierarchy(row: EventRow): number | null {
  const outcome = row.outcome ?? 'Invalid and not mapped';
  const component = row.serviceComponent;
  // `Service_Component NOT LIKE 'Direct payment'` is unknown (so false) for a blank component.
  const notDirectPayment = component !== null && !isDirectPaymentComponent(row);
  if (row.serviceType === 'Unpaid carer support: Direct to unpaid carer') {
    if (row.deliveryMechanism === 'Direct payment' || isDirectPaymentComponent(row)) return 1;
    if (row.deliveryMechanism === 'CASSR managed personal budget' && notDirectPayment) return 2;
    if (row.deliveryMechanism === 'CASSR commissioned support' && notDirectPayment) return 3;
    if (row.deliveryMechanism === null && notDirectPayment) return 4;
    return null;
  }
  if (row.serviceType === 'Unpaid carer support: Support involving the person cared-for') return 6;
  if (row.eventType === 'Assessment' || row.eventType === 'Review') {
    return outcome === 'NFA: Information and advice or signposting' ? 5 : 6;
  }
  if (row.eventType === 'Request') return 5;
  return null;
}

/** #ASCOF_3D_Carers_Build: the three kinds of carer event that make up the cohort. */
function inCarerCohort(row: EventRow): boolean {
  if (row.serviceType === null) {
    return row.outcome === 'NFA: Information and advice or signposting' || row.eventType === 'Assessment' || row.eventType === 'Review';
  }
  return row.serviceType === 'Unpaid carer support: Direct to unpaid carer' ||
    row.serviceType === 'Unpaid carer support: Support involving the person cared-for';
}

/** Carers: people 18+ whose best support in the year was a direct payment, a personal budget or commissioned support. */
function carerParts(ctx: MeasureContext, period: ReportingPeriod): Parts {
  const details = personDetails(ctx);
  const all = ctx.allByPerson();
  const out: Parts = { denominator: 0, selfDirected: 0, directPayment: 0 };
  for (let p = 0; p < ctx.persons.length; p++) {
    const death = details.death[p];
    if (death !== null && death < period.start) continue;
    let rank = Infinity;
    for (let k = all.offsets[p]; k < all.offsets[p + 1]; k++) {
      const row = all.rows[k];
      if (row.start > period.end) break;
      if (!isCarer(row) || endOrOpen(row.end) < period.start || !inCarerCohort(row)) continue;
      const h = carerHierarchy(row);
      if (h !== null) rank = Math.min(rank, h);
    }
    if (rank > 3 || dhscAge(details, p, period.end) < 18) continue;
    out.denominator++;
    if (rank <= 2) out.selfDirected++;
    if (rank === 1) out.directPayment++;
  }
  return out;
}

type Part = keyof Omit<Parts, 'denominator'>;

function series(ctx: MeasureContext, family: 'clients' | 'carers', part: Part) {
  const lookBack = family === 'clients' ? null : 0;
  const compute = family === 'clients' ? clientParts : carerParts;
  return perPeriod(ctx, lookBack, (month, period) => {
    const parts = ctx.memo(`ascof-3d:${family}:${month}`, () => compute(ctx, period));
    return percentPoint(month, parts[part], parts.denominator);
  });
}

const WHY_CLIENTS =
  'Personal budgets and direct payments give people choice and control over their care, a core aim of the Care Act. This is the national ASCOF figure, computed with DHSC\'s method, so it can be set beside published benchmarks.';
const WHY_CARERS =
  'Carers who direct their own support can fit it around their caring role. This is the national ASCOF figure, computed with DHSC\'s method, so it can be set beside published benchmarks.';

export const ASCOF_3D1A: MeasureDefinition = {
  id: 'ASCOF_3D1A',
  ascofCode: '3D1a',
  title: 'Clients receiving self-directed support',
  definition:
    'Of the adults whose main long term support on the last day of the month is in the community (not residential or nursing care), the percentage receiving it through a direct payment or a council-managed personal budget.',
  whyItMatters: WHY_CLIENTS,
  unit: 'percent',
  polarity: 'high',
  basis: 'snapshot',
  reads: ['events'],
  compute: (ctx) => ({ series: series(ctx, 'clients', 'selfDirected') }),
};

export const ASCOF_3D2A: MeasureDefinition = {
  id: 'ASCOF_3D2A',
  ascofCode: '3D2a',
  title: 'Clients receiving direct payments',
  definition:
    'Of the adults whose main long term support on the last day of the month is in the community, the percentage receiving a direct payment.',
  whyItMatters: WHY_CLIENTS,
  unit: 'percent',
  polarity: 'high',
  basis: 'snapshot',
  reads: ['events'],
  compute: (ctx) => ({ series: series(ctx, 'clients', 'directPayment') }),
};

export const ASCOF_3D1B: MeasureDefinition = {
  id: 'ASCOF_3D1B',
  ascofCode: '3D1b',
  title: 'Carers receiving self-directed support',
  definition:
    'Of the adult carers who received support of their own in the 12 months to the end of the month (a direct payment, a personal budget or commissioned support), the percentage whose support was a direct payment or a personal budget.',
  whyItMatters: WHY_CARERS,
  unit: 'percent',
  polarity: 'high',
  basis: 'rolling12',
  reads: ['events'],
  compute: (ctx) => ({ series: series(ctx, 'carers', 'selfDirected') }),
};

export const ASCOF_3D2B: MeasureDefinition = {
  id: 'ASCOF_3D2B',
  ascofCode: '3D2b',
  title: 'Carers receiving direct payments',
  definition:
    'Of the adult carers who received support of their own in the 12 months to the end of the month, the percentage who received a direct payment.',
  whyItMatters: WHY_CARERS,
  unit: 'percent',
  polarity: 'high',
  basis: 'rolling12',
  reads: ['events'],
  compute: (ctx) => ({ series: series(ctx, 'carers', 'directPayment') }),
};
