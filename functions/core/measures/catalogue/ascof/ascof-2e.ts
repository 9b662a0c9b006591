/**
 * ASCOF 2E: people receiving long term support during the year who live in their own home or with
 * family (Create_ASCOF_2E_2425_Onwards.sql), for 18–64 (ASCOF_2E), 65+ (ASCOF_2E_65) and, with
 * @LD_Filter = 1, 18–64 with primary support reason learning disability (ASCOF_2E_LD).
 * Method and sources: METHOD.md beside this file.
 */
import type { MeasureContext } from '../../context.ts';
import { percentPoint } from '../../points.ts';
import { isLts } from '../../rows.ts';
import type { MeasureDefinition } from '../types.ts';
import { dhscAge, personDetails } from './person-details.ts';
import { endOrOpen, perPeriod, type ReportingPeriod } from './window.ts';

type Cohort = '18-64' | '65+' | 'LD';

function counts(ctx: MeasureContext, period: ReportingPeriod, cohort: Cohort): { n: number; d: number } {
  const details = personDetails(ctx);
  const lts = ctx.ltsByPerson();
  let n = 0;
  let d = 0;
  for (let p = 0; p < ctx.persons.length; p++) {
    // #ASCOF_2E_Build: LTS (prison included) overlapping the period; the age is taken on the
    // person's latest service end, capped at the period end (Person_Capped_LTS_Service_End_Date).
    let capped = -Infinity;
    for (let k = lts.offsets[p]; k < lts.offsets[p + 1]; k++) {
      const row = lts.rows[k];
      if (row.start > period.end) break;
      const end = endOrOpen(row.end);
      if (end < period.start) continue;
      capped = Math.max(capped, Math.min(end, period.end));
    }
    if (capped === -Infinity) continue;
    const death = details.death[p];
    if (death !== null && death < period.start) continue;
    if (cohort === 'LD' && !details.learningDisability[p]) continue;
    const age = dhscAge(details, p, capped);
    const band = age >= 18 && age <= 64 ? '18-64' : age >= 65 ? '65+' : null;
    if (band === null || band !== (cohort === '65+' ? '65+' : '18-64')) continue;
    d++;
    if (details.settled[p]) n++;
  }
  return { n, d };
}

const WHY =
  'Living in one\'s own home or with family is linked to safety, wellbeing and independence. This is the national ASCOF figure, computed with DHSC\'s method from the Client Level Data, so it can be set beside published benchmarks.';

/** An ASCOF 2E cohort's measure: the settled share of the cohort, each month over the 12 months to its end. */
function ascof2e(cohort: Cohort, text: Pick<MeasureDefinition, 'id' | 'ascofCode' | 'title' | 'definition'>): MeasureDefinition {
  return {
    ...text,
    whyItMatters: WHY,
    unit: 'percent',
    polarity: 'high',
    basis: 'rolling12',
    reads: ['events'],
    compute: (ctx) => ({
      series: perPeriod(ctx, 0, (month, period) => {
        const { n, d } = counts(ctx, period, cohort);
        return percentPoint(month, n, d);
      }),
    }),
  };
}

export const ASCOF_2E = ascof2e('18-64', {
  id: 'ASCOF_2E',
  ascofCode: '2E (18-64)',
  title: 'Adults 18-64 with long term support living in their own home or with family',
  definition:
    'Of the people aged 18 to 64 who received long term support at some time in the 12 months to the end of the month, the percentage whose latest known accommodation is settled (their own home, a tenancy, with family, supported or sheltered housing).',
});

export const ASCOF_2E_65 = ascof2e('65+', {
  id: 'ASCOF_2E_65',
  ascofCode: '2E (65+)',
  title: 'Adults 65+ with long term support living in their own home or with family',
  definition:
    'Of the people aged 65 or over who received long term support at some time in the 12 months to the end of the month, the percentage whose latest known accommodation is settled.',
});

export const ASCOF_2E_LD = ascof2e('LD', {
  id: 'ASCOF_2E_LD',
  ascofCode: '2E (LD)',
  title: 'Adults with a learning disability living in their own home or with family',
  definition:
    'Of the people aged 18 to 64 whose primary support reason is learning disability and who received long term support in the 12 months to the end of the month, the percentage whose latest known accommodation is settled.',
});
