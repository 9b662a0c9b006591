/**
 * ASCOF 3D (Create_ASCOF_3D_2425_Onwards.sql): self-directed support and direct payments, for
 * clients (parts 1a, 2a: a snapshot at the period end) and carers (parts 1b, 2b: during the year).
 * Each person is counted once, at their highest-ranking service or support. Method: METHOD.md.
 */
import { foldLabel } from '../../../uploads/code-lists.ts';
import type { EventRow } from '../../../uploads/parsed.ts';
import type { MeasureContext } from '../../context.ts';
import type { PersonRows } from '../../person-index.ts';
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

type Part = keyof Omit<Parts, 'denominator'>;

const WHY_CLIENTS =
  'Personal budgets and direct payments give people choice and control over their care, a core aim of the Care Act. This is the national ASCOF figure, computed with DHSC\'s method, so it can be set beside published benchmarks.';
const WHY_CARERS =
  'Carers who direct their own support can fit it around their caring role. This is the national ASCOF figure, computed with DHSC\'s method, so it can be set beside published benchmarks.';

/**
 * What a family decides. Each person 18+ is ranked by their best row (lowest rank) in the
 * family's hierarchy; the ranks in `denominator` count, those up to `selfDirected` are
 * self-directed and `directPayment` is the direct-payment rank.
 */
interface Family {
  rows(ctx: MeasureContext): PersonRows;
  /** A death before this day of the period leaves the person out. */
  aliveFrom: keyof ReportingPeriod;
  /** A row's rank, or null when it does not count in the period. */
  rank(row: EventRow, period: ReportingPeriod): number | null;
  denominator: readonly [number, number];
  selfDirected: number;
  directPayment: number;
  /** Clients are a snapshot on the period end (nothing read before it); carers count over the year. */
  lookBack: number | null;
  basis: MeasureDefinition['basis'];
  whyItMatters: string;
}

const FAMILIES: Record<'clients' | 'carers', Family> = {
  // Clients: people whose best LTS open on the period end is community (hierarchy 3–6).
  clients: {
    rows: (ctx) => ctx.ltsByPerson(),
    aliveFrom: 'end',
    rank: (row, period) => (endOrOpen(row.end) >= period.end ? clientHierarchy(row) : null),
    denominator: [3, 6],
    selfDirected: 4,
    directPayment: 3,
    lookBack: null,
    basis: 'snapshot',
    whyItMatters: WHY_CLIENTS,
  },
  // Carers: people whose best support in the year was a direct payment, a personal budget or commissioned support.
  carers: {
    rows: (ctx) => ctx.allByPerson(),
    aliveFrom: 'start',
    rank: (row, period) => (!isCarer(row) || endOrOpen(row.end) < period.start || !inCarerCohort(row) ? null : carerHierarchy(row)),
    denominator: [1, 3],
    selfDirected: 2,
    directPayment: 1,
    lookBack: 0,
    basis: 'rolling12',
    whyItMatters: WHY_CARERS,
  },
};

function countParts(ctx: MeasureContext, period: ReportingPeriod, family: Family): Parts {
  const details = personDetails(ctx);
  const byPerson = family.rows(ctx);
  const out: Parts = { denominator: 0, selfDirected: 0, directPayment: 0 };
  for (let p = 0; p < ctx.persons.length; p++) {
    const death = details.death[p];
    if (death !== null && death < period[family.aliveFrom]) continue;
    let rank = Infinity;
    for (let k = byPerson.offsets[p]; k < byPerson.offsets[p + 1]; k++) {
      const row = byPerson.rows[k];
      if (row.start > period.end) break;
      const r = family.rank(row, period);
      if (r !== null) rank = Math.min(rank, r);
    }
    if (rank < family.denominator[0] || rank > family.denominator[1] || dhscAge(details, p, period.end) < 18) continue;
    out.denominator++;
    if (rank <= family.selfDirected) out.selfDirected++;
    if (rank === family.directPayment) out.directPayment++;
  }
  return out;
}

/** An ASCOF 3D part: the share of its family's denominator in `part`, each month over the 12 months to its end. */
function ascof3d(family: keyof typeof FAMILIES, part: Part, text: Pick<MeasureDefinition, 'id' | 'ascofCode' | 'title' | 'definition'>): MeasureDefinition {
  const f = FAMILIES[family];
  return {
    ...text,
    whyItMatters: f.whyItMatters,
    unit: 'percent',
    polarity: 'high',
    basis: f.basis,
    reads: ['events'],
    compute: (ctx) => ({
      series: perPeriod(ctx, f.lookBack, (month, period) => {
        const counts = ctx.memo(`ascof-3d:${family}:${month}`, () => countParts(ctx, period, f));
        return percentPoint(month, counts[part], counts.denominator);
      }),
    }),
  };
}

export const ASCOF_3D1A = ascof3d('clients', 'selfDirected', {
  id: 'ASCOF_3D1A',
  ascofCode: '3D1a',
  title: 'Clients receiving self-directed support',
  definition:
    'Of the adults whose main long term support on the last day of the month is in the community (not residential or nursing care), the percentage receiving it through a direct payment or a council-managed personal budget.',
});

export const ASCOF_3D2A = ascof3d('clients', 'directPayment', {
  id: 'ASCOF_3D2A',
  ascofCode: '3D2a',
  title: 'Clients receiving direct payments',
  definition:
    'Of the adults whose main long term support on the last day of the month is in the community, the percentage receiving a direct payment.',
});

export const ASCOF_3D1B = ascof3d('carers', 'selfDirected', {
  id: 'ASCOF_3D1B',
  ascofCode: '3D1b',
  title: 'Carers receiving self-directed support',
  definition:
    'Of the adult carers who received support of their own in the 12 months to the end of the month (a direct payment, a personal budget or commissioned support), the percentage whose support was a direct payment or a personal budget.',
});

export const ASCOF_3D2B = ascof3d('carers', 'directPayment', {
  id: 'ASCOF_3D2B',
  ascofCode: '3D2b',
  title: 'Carers receiving direct payments',
  definition:
    'Of the adult carers who received support of their own in the 12 months to the end of the month, the percentage who received a direct payment.',
});
