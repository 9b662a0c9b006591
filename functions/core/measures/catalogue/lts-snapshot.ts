/**
 * People with long term support on each month end: LTS_CLIENTS (with residential / community
 * breakdowns, and equity breakdowns with SDS and DIRECT_PAYMENTS), SDS, DIRECT_PAYMENTS and SETTLED_ACCOM. One pass over each person's LTS rows marks,
 * per covered month, what was active on M_end; the four measures read the counts.
 */
import type { MeasureContext } from '../context.ts';
import { foldLabel, SETTLED_ACCOMMODATION } from '../../uploads/code-lists.ts';
import { equityTally, type EquityTally } from '../equity.ts';
import { markActive } from '../month-ranges.ts';
import { attributeRow } from '../person-attributes.ts';
import { countAt, monthlySeries, percentAt } from '../points.ts';
import { isCommunityLts, isResidentialLts } from '../rows.ts';
import type { MeasureDefinition } from './types.ts';

const ANY = 1;
const RESIDENTIAL = 2;
const COMMUNITY = 4;
const COMMUNITY_SDS = 8;
const COMMUNITY_DP = 16;

interface LtsSnapshot {
  clients: Int32Array;
  residential: Int32Array;
  community: Int32Array;
  /** People 18+ with community LTS active on M_end (SDS and DIRECT_PAYMENTS denominator). */
  withCommunity: Int32Array;
  sds: Int32Array;
  directPayments: Int32Array;
  settled: Int32Array;
  /** Equity breakdowns: LTS_CLIENTS (everyone counted), SDS and DIRECT_PAYMENTS (of withCommunity). */
  clientsEquity: EquityTally;
  sdsEquity: EquityTally;
  directPaymentsEquity: EquityTally;
}

export function ltsSnapshot(ctx: MeasureContext): LtsSnapshot {
  return ctx.memo('lts-snapshot', () => {
    const { ends } = ctx.months;
    const n = ends.length;
    const out: LtsSnapshot = {
      clients: new Int32Array(n), residential: new Int32Array(n), community: new Int32Array(n),
      withCommunity: new Int32Array(n), sds: new Int32Array(n), directPayments: new Int32Array(n), settled: new Int32Array(n),
      clientsEquity: equityTally(ctx), sdsEquity: equityTally(ctx), directPaymentsEquity: equityTally(ctx),
    };
    const lts = ctx.ltsByPerson();
    const flags = new Uint8Array(n);
    // Few distinct wordings repeat on many rows: fold and match each wording once.
    const settledCache = new Map<string, boolean>();
    const isSettled = (text: string): boolean => {
      let settled = settledCache.get(text);
      if (settled === undefined) {
        settled = SETTLED_ACCOMMODATION.has(foldLabel(text));
        settledCache.set(text, settled);
      }
      return settled;
    };
    for (let p = 0; p < ctx.persons.length; p++) {
      if (lts.offsets[p] === lts.offsets[p + 1]) continue;
      flags.fill(0);
      for (let k = lts.offsets[p]; k < lts.offsets[p + 1]; k++) {
        const row = lts.rows[k];
        let bits = ANY;
        if (isResidentialLts(row)) bits |= RESIDENTIAL;
        if (isCommunityLts(row)) {
          bits |= COMMUNITY;
          if (row.deliveryMechanism === 'Direct payment') bits |= COMMUNITY_SDS | COMMUNITY_DP;
          if (row.deliveryMechanism === 'CASSR managed personal budget') bits |= COMMUNITY_SDS;
        }
        markActive(ends, row, flags, bits);
      }
      for (let m = 0; m < n; m++) {
        const f = flags[m];
        if (!(f & ANY) || ctx.age(p, ends[m]) < 18) continue;
        out.clients[m]++;
        out.clientsEquity.add(p, m, true);
        if (f & RESIDENTIAL) out.residential[m]++;
        else if (f & COMMUNITY) out.community[m]++;
        if (f & COMMUNITY) {
          out.withCommunity[m]++;
          out.sdsEquity.add(p, m, (f & COMMUNITY_SDS) !== 0);
          out.directPaymentsEquity.add(p, m, (f & COMMUNITY_DP) !== 0);
        }
        if (f & COMMUNITY_SDS) out.sds[m]++;
        if (f & COMMUNITY_DP) out.directPayments[m]++;
        const accommodation = attributeRow(ctx, p, ends[m])?.accommodationStatus ?? null;
        if (accommodation !== null && isSettled(accommodation)) out.settled[m]++;
      }
    }
    return out;
  });
}

/** SDS and DIRECT_PAYMENTS: a share of the adults with community LTS on each month end, with its equity breakdowns. */
function communityShare(part: 'sds' | 'directPayments', equity: 'sdsEquity' | 'directPaymentsEquity'): MeasureDefinition['compute'] {
  return (ctx) => {
    const s = ltsSnapshot(ctx);
    return { series: monthlySeries(ctx.months.months, percentAt, s[part], s.withCommunity), breakdowns: s[equity].series(percentAt) };
  };
}

export const LTS_CLIENTS: MeasureDefinition = {
  id: 'LTS_CLIENTS',
  title: 'People receiving long term support',
  definition:
    'Adults receiving long term support (care at home or in the community, residential or nursing care) on the last day of the month. Residential counts people with any residential or nursing care; community counts the others with community support. People whose only support is in prison are in the total but in neither.',
  whyItMatters:
    'The number of people the council supports long term drives most of the adult social care budget and the workload of its teams.',
  unit: 'count',
  polarity: 'neutral',
  basis: 'snapshot',
  reads: ['events'],
  breakdowns: ['residential', 'community'],
  compute(ctx) {
    const s = ltsSnapshot(ctx);
    const months = ctx.months.months;
    return {
      series: monthlySeries(months, countAt, s.clients),
      breakdowns: {
        residential: monthlySeries(months, countAt, s.residential),
        community: monthlySeries(months, countAt, s.community),
        ...s.clientsEquity.series(countAt),
      },
    };
  },
};

export const SDS: MeasureDefinition = {
  id: 'SDS',
  title: 'Self-directed support',
  definition:
    'Of the adults receiving long term support in the community on the last day of the month, the percentage getting it through a direct payment or a council-managed personal budget.',
  whyItMatters:
    'Personal budgets give people choice and control over their care, a core aim of the Care Act. A local measure of every community client on the month end; the national figure, which counts each person at their highest setting, is ASCOF 3D1a.',
  unit: 'percent',
  polarity: 'high',
  basis: 'snapshot',
  reads: ['events'],
  compute: communityShare('sds', 'sdsEquity'),
};

export const DIRECT_PAYMENTS: MeasureDefinition = {
  id: 'DIRECT_PAYMENTS',
  title: 'Direct payments',
  definition:
    'Of the adults receiving long term support in the community on the last day of the month, the percentage receiving a direct payment to arrange their own care.',
  whyItMatters:
    'Direct payments give people the most control over who supports them and how. A local measure of every community client on the month end; the national figure, which counts each person at their highest setting, is ASCOF 3D2a.',
  unit: 'percent',
  polarity: 'high',
  basis: 'snapshot',
  reads: ['events'],
  compute: communityShare('directPayments', 'directPaymentsEquity'),
};

export const SETTLED_ACCOM: MeasureDefinition = {
  id: 'SETTLED_ACCOM',
  title: 'Long term clients in settled accommodation',
  definition:
    'Of the adults receiving long term support on the last day of the month, the percentage whose latest recorded accommodation is settled: their own home, a tenancy, with family or friends, or supported or sheltered housing.',
  whyItMatters:
    'A settled home is linked to safety, wellbeing and independence, and reduces the risk of costly crises. A local measure of long term clients on the month end; the national figure, over everyone supported in the year, is ASCOF 2E.',
  unit: 'percent',
  polarity: 'high',
  basis: 'snapshot',
  reads: ['events'],
  compute(ctx) {
    const s = ltsSnapshot(ctx);
    return { series: monthlySeries(ctx.months.months, percentAt, s.settled, s.clients) };
  },
};
