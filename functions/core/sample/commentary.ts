/**
 * Officers' commentary for the latest three months of the main measures, written in the plain
 * English of the Norfolk report cards (seeds/003): what is working well, what we are worried
 * about, what we will do next, and who leads. It names no figures, because the figures are the
 * engine's to compute. One note runs over two paragraphs, as officers' notes do.
 */
import { addMonths, type MonthId } from '../calendar/days.ts';
import { monthNameOf } from '../calendar/months.ts';
import { csvText } from './csv.ts';
import { rngFor, STREAM } from './random.ts';
import type { World } from './world.ts';

export const COMMENTARY_HEADER = ['period', 'measure_id', 'working_well', 'worried_about', 'next_steps', 'lead_officer'] as const;


interface Note {
  well: readonly string[];
  worried: readonly string[];
  next: readonly string[];
  lead: string;
}

const NOTES: Record<string, Note> = {
  ASSESS_LT: {
    well: [
      'Assessment teams completed their planned work in {month}, and the hospital team kept pace with discharges.',
      'Strengths-based conversations mean more people are helped before a full Care Act assessment is needed.',
    ],
    worried: [
      'Demand from hospital discharge stays high, and complex cases take longer to assess.',
      'Staff vacancies in two locality teams are slowing the pace of assessments.',
    ],
    next: [
      'Locality managers will review every assessment open for more than 28 days.',
      'We are recruiting to the vacant social work posts and using agency cover in the meantime.',
    ],
    lead: 'Head of Service, Localities',
  },
  FPOC: {
    well: [
      'The front door team resolved many new requests with good advice and links to community groups.',
      'The community directory is helping advisers connect people with local support on the first call.',
    ],
    worried: [
      'Some callers are passed on for assessment when information and advice would have met their needs.',
    ],
    next: [
      'Advisers will have refresher training on the community directory and on social prescribing.',
      'We will sample calls each week to learn where requests could have been resolved at first contact.',
    ],
    lead: 'Service Manager, Adult Care Front Door',
  },
  REVIEWS_UTD: {
    well: [
      'The dedicated review team is working through the oldest reviews first.',
      'Reviews of people in care homes are now planned alongside the homes\u2019 own care reviews.',
    ],
    worried: [
      'Too many people have not had a review in the last year, so their support may no longer fit their needs.',
    ],
    next: [
      'Each locality has a review target per worker per week, tracked in the fortnightly performance report.',
      'We will prioritise reviews for people with the largest packages and those who have been in hospital.',
    ],
    lead: 'Head of Service, Reviews and Quality',
  },
  ADMISSIONS_65P: {
    well: [
      'More people are going home from hospital with reablement rather than straight into a care home.',
    ],
    worried: [
      'Falls and dementia remain the most common reasons for a permanent move into residential care.',
      'Winter pressures on hospitals tend to bring more admissions from discharge pathways.',
    ],
    next: [
      'Every permanent placement for someone aged 65 or over is agreed at the weekly placement panel.\nThe panel will also look at extra care housing as an alternative wherever it could meet the person\u2019s needs.',
      'We are working with housing colleagues to open more extra care flats.',
    ],
    lead: 'Head of Service, Older People',
  },
  STMAX_NO_FURTHER: {
    well: [
      'Most people who finish reablement need no further long term support.',
      'Therapists in the reablement team are setting clear goals with each person at the start.',
    ],
    worried: [
      'Some people referred to reablement have needs that mean they are unlikely to regain independence.',
    ],
    next: [
      'We will check referrals so that reablement goes to people who can benefit from it.',
    ],
    lead: 'Head of Service, Reablement and Independence',
  },
  DIRECT_PAYMENTS: {
    well: [
      'The direct payments support service is helping more people employ personal assistants.',
    ],
    worried: [
      'There are not enough personal assistants in some parts of the borough.',
    ],
    next: [
      'We will run a recruitment campaign for personal assistants, with training and a local register.',
      'Social workers will offer a direct payment at every assessment and review, and record the answer.',
    ],
    lead: 'Strategic Commissioning Manager',
  },
};

/** The commentary file: the last three months (or fewer in a shorter window) of each noted measure. */
export function commentaryCsv(world: World): string {
  const rng = rngFor(world.options.seed, STREAM.commentary, 0);
  const months: MonthId[] = [];
  for (let i = Math.min(3, world.options.months) - 1; i >= 0; i--) months.push(addMonths(world.lastMonth, -i));
  const rows: string[][] = [];
  for (const month of months) {
    const monthName = monthNameOf(month);
    for (const [id, note] of Object.entries(NOTES)) {
      const fill = (text: string) => text.replace('{month}', monthName);
      rows.push([month, id, fill(rng.pick(note.well)), fill(rng.pick(note.worried)), fill(rng.pick(note.next)), note.lead]);
    }
  }
  return csvText(COMMENTARY_HEADER, rows);
}
