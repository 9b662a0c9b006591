/**
 * Permanent admissions to residential and nursing care, per 100,000 of the age band, over the
 * 12 months to M_end (ADMISSIONS_18_64, ADMISSIONS_65P). Whether a row is a qualifying admission
 * does not depend on M, so it is decided once per row; each month then picks, per person, the
 * earliest qualifying start in its window.
 */
import { minusYears } from '../../calendar/days.ts';
import type { AgeBand } from '../../uploads/parsed.ts';
import type { MeasureContext } from '../context.ts';
import type { SeriesPoint } from '../document.ts';
import { insufficientHistory, ratePoint } from '../points.ts';
import { filterPersonRows } from '../person-index.ts';
import { anyActiveDuring, isResidentialLts, isShortComponent } from '../rows.ts';
import type { MeasureDefinition } from './types.ts';

const SELF_FUNDED = 'NFA: Self-funded client or under 12wk disregard';

/** Per person with any qualifying admission: its starts, ascending. */
function qualifyingStarts(ctx: MeasureContext): Map<number, number[]> {
  return ctx.memo('qualifying-admissions', () => {
    const lts = ctx.ltsByPerson();
    const longStays = filterPersonRows(lts, (row) => isResidentialLts(row) && !isShortComponent(row));
    const out = new Map<number, number[]>();
    for (let p = 0; p < ctx.persons.length; p++) {
      for (let k = lts.offsets[p]; k < lts.offsets[p + 1]; k++) {
        const row = lts.rows[k];
        if (!isResidentialLts(row) || isShortComponent(row) || row.outcome === SELF_FUNDED) continue;
        if (ctx.age(p, row.start) < 18) continue;
        // Another long stay already running in the year before: a move, not an admission. (The row
        // itself starts after start − 1, so it is never its own earlier stay.)
        if (anyActiveDuring(longStays, p, row.start - 365, row.start - 1)) continue;
        const starts = out.get(p) ?? [];
        starts.push(row.start); // rows are sorted by start, so starts stay ascending
        out.set(p, starts);
      }
    }
    return out;
  });
}

/** Per covered month, people counted in each band, and whether the look-back is not met. */
function admissionCounts(ctx: MeasureContext): { young: Int32Array; old: Int32Array; lookBackShort: Uint8Array } {
  return ctx.memo('admission-counts', () => {
    const { ends } = ctx.months;
    const n = ends.length;
    const windowStart = ends.map((d) => minusYears(d));
    const out = { young: new Int32Array(n), old: new Int32Array(n), lookBackShort: new Uint8Array(n) };
    ends.forEach((_, m) => {
      out.lookBackShort[m] = ctx.periodStart > minusYears(windowStart[m]) + 1 ? 1 : 0;
    });
    for (const [person, starts] of qualifyingStarts(ctx)) {
      // Starts ascend and windows move forward with m: the earliest start in each window is found
      // with one pointer that never moves back.
      let first = 0;
      for (let m = 0; m < n; m++) {
        while (first < starts.length && starts[first] <= windowStart[m]) first++;
        if (first === starts.length) break;
        if (starts[first] > ends[m]) continue;
        if (ctx.age(person, starts[first]) >= 65) out.old[m]++;
        else out.young[m]++;
      }
    }
    return out;
  });
}

function admissions(ctx: MeasureContext, band: AgeBand) {
  const counts = admissionCounts(ctx);
  const perBand = band === '65+' ? counts.old : counts.young;
  return ctx.months.months.map((month, m) =>
    counts.lookBackShort[m] ? insufficientHistory(month) : ratePoint(month, perBand[m], ctx.populationFor(m, band)),
  );
}

const WHY =
  'Moving into a care home permanently is a big life change and the most costly form of support; fewer admissions usually means people are helped to stay at home longer. A local measure; the national figures, computed by the DHSC method, are ASCOF 2B and 2C.';

/**
 * An admissions measure of one age band, the local one here or DHSC's (ASCOF 2B and 2C): the
 * band's admissions in the 12 months to each month end, per 100,000 of the band.
 */
export function admissionsMeasure(
  band: AgeBand,
  series: (ctx: MeasureContext, band: AgeBand) => SeriesPoint[],
  text: Pick<MeasureDefinition, 'id' | 'ascofCode' | 'title' | 'definition' | 'whyItMatters'>,
): MeasureDefinition {
  return {
    ...text,
    unit: 'per100k',
    polarity: 'low',
    basis: 'rolling12',
    reads: ['events', 'population'],
    compute: (ctx) => ({ series: series(ctx, band) }),
  };
}

export const ADMISSIONS_18_64 = admissionsMeasure('18-64', admissions, {
  id: 'ADMISSIONS_18_64',
  title: 'Permanent admissions to residential and nursing care',
  definition:
    'Adults aged 18 to 64 whose long term residential or nursing care began in the 12 months to the end of the month, per 100,000 people of that age; moves between homes and short stays do not count.',
  whyItMatters: WHY,
});

export const ADMISSIONS_65P = admissionsMeasure('65+', admissions, {
  id: 'ADMISSIONS_65P',
  title: 'Permanent admissions to residential and nursing care',
  definition:
    'People aged 65 and over whose long term residential or nursing care began in the 12 months to the end of the month, per 100,000 people of that age; moves between homes and short stays do not count.',
  whyItMatters: WHY,
});
