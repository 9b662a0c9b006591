/**
 * ASCOF 2B (18–64) and 2C (65+): new permanent admissions to residential and nursing care per
 * 100,000 of the band's population (Create_ASCOF_2B2C_2425_Onwards.sql). Method: METHOD.md.
 */
import type { Day } from '../../../calendar/days.ts';
import type { EventRow } from '../../../uploads/parsed.ts';
import type { MeasureContext } from '../../context.ts';
import { ratePoint } from '../../points.ts';
import { isResidentialLts } from '../../rows.ts';
import { admissionsMeasure } from '../admissions.ts';
import { dhscAge, personDetails } from './person-details.ts';
import { endOrOpen, perPeriod } from './window.ts';

/**
 * ASCOF_2BC_Build's component filter, with SQL's NULL logic: `(c IS NULL OR c LIKE '%Residential%'
 * OR c LIKE '%Nursing%') AND c NOT LIKE '%Short%'` is never true for a blank component, because
 * `NULL NOT LIKE …` is unknown. LIKE ignores case (SQL Server's default collation).
 */
export function inAdmissionsBuild(row: EventRow): boolean {
  if (!isResidentialLts(row) || row.serviceComponent === null) return false;
  const c = row.serviceComponent.toLowerCase();
  return (c.includes('residential') || c.includes('nursing')) && !c.includes('short');
}

interface Admission {
  person: number;
  start: Day;
  band: '18-64' | '65+';
}

/** Admissions that are new (no build row of the person starting earlier and ending < 365 days before), aged 18+. */
function newAdmissions(ctx: MeasureContext): Admission[] {
  return ctx.memo('ascof-2bc:new-admissions', () => {
    const details = personDetails(ctx);
    const lts = ctx.ltsByPerson();
    const out: Admission[] = [];
    for (let p = 0; p < ctx.persons.length; p++) {
      const build: EventRow[] = [];
      for (let k = lts.offsets[p]; k < lts.offsets[p + 1]; k++) if (inAdmissionsBuild(lts.rows[k])) build.push(lts.rows[k]);
      // Build rows ascend by start: the latest end among those starting before `a` is kept as a
      // pointer moves, so "an earlier row ending under 365 days before" costs O(1), not O(rows).
      let earlier = 0;
      let latestEnd = -Infinity;
      for (const a of build) {
        while (earlier < build.length && build[earlier].start < a.start) latestEnd = Math.max(latestEnd, endOrOpen(build[earlier++].end));
        if (a.outcome === 'NFA: Self-funded client or under 12wk disregard') continue;
        if (a.start - latestEnd < 365) continue;
        const age = dhscAge(details, p, a.start);
        if (age < 18) continue;
        out.push({ person: p, start: a.start, band: age <= 64 ? '18-64' : '65+' });
      }
    }
    return out;
  });
}

function series(ctx: MeasureContext, band: '18-64' | '65+') {
  const details = personDetails(ctx);
  const admissions = newAdmissions(ctx);
  // The new-admission test reads up to 365 days before an admission in the period.
  return perPeriod(ctx, 365, (month, period, i) => {
    // #Deduplicated: a person with new admissions in both bands counts once, in MIN(Age_Band) = 18 to 64.
    const bandOf = new Map<number, '18-64' | '65+'>();
    for (const a of admissions) {
      if (a.start < period.start || a.start > period.end) continue;
      const death = details.death[a.person];
      if (death !== null && death < period.start) continue;
      if (bandOf.get(a.person) !== '18-64') bandOf.set(a.person, a.band);
    }
    let n = 0;
    for (const b of bandOf.values()) if (b === band) n++;
    return ratePoint(month, n, ctx.populationFor(i, band));
  });
}

const WHY =
  'Supporting people to stay in their own homes is better for them and costs less than a care home place. This is the national ASCOF figure, computed with DHSC\'s method from the Client Level Data, so it can be set beside published benchmarks.';

export const ASCOF_2B = admissionsMeasure('18-64', series, {
  id: 'ASCOF_2B',
  ascofCode: '2B',
  title: 'Adults 18-64 whose long term needs are met by admission to a care home',
  definition:
    'People aged 18 to 64 newly admitted to residential or nursing care paid for by the council in the 12 months to the end of the month (no such care in the year before), per 100,000 people aged 18 to 64.',
  whyItMatters: WHY,
});

export const ASCOF_2C = admissionsMeasure('65+', series, {
  id: 'ASCOF_2C',
  ascofCode: '2C',
  title: 'Adults 65+ whose long term needs are met by admission to a care home',
  definition:
    'People aged 65 or over newly admitted to residential or nursing care paid for by the council in the 12 months to the end of the month (no such care in the year before), per 100,000 people aged 65 or over.',
  whyItMatters: WHY,
});
