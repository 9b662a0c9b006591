/**
 * Budget monitoring for each of the snapshot months (world.ts `snapshotMonths`), in the shape of
 * the seeds' budget lines (Rotherham OSMB, 2018): annual budget, forecast outturn (an overspend
 * overall, driven by care packages), savings targets and what has been delivered so far, and the
 * mitigations planned against an overspend. An income line carries negative amounts. Budgets are
 * set once a financial year; forecasts drift month by month; savings are delivered through the
 * year. Amounts scale with the council's size and are written in pounds and pence.
 */
import { financialYearOf, financialYearStart, monthsBetween } from '../calendar/days.ts';
import { csvText } from './csv.ts';
import { DEFAULT_ADULTS } from './measure-table.ts';
import { poundsText } from './person-sim.ts';
import { rngFor, STREAM } from './random.ts';
import { snapshotMonths, type World } from './world.ts';

export const FINANCE_HEADER = [
  'period',
  'budget_line',
  'annual_budget_gbp',
  'forecast_outturn_gbp',
  'savings_target_gbp',
  'savings_delivered_gbp',
  'mitigations_gbp',
] as const;

/** Budget (£m at the default size), forecast variance (% of budget) and savings (£m target, share delivered by year end). */
const LINES: readonly { line: string; budget: number; variance: number; savings?: [number, number] }[] = [
  { line: 'Older People', budget: 31.2, variance: 3.1, savings: [1.2, 0.7] },
  { line: 'Learning Disabilities', budget: 24.6, variance: 4.5, savings: [1.5, 0.6] },
  { line: 'Mental Health', budget: 6.9, variance: -1.2, savings: [0.3, 1] },
  { line: 'Physical Disabilities', budget: 7.4, variance: 2, savings: [0.4, 0.65] },
  { line: 'Commissioning', budget: 5.1, variance: -3, savings: [0.5, 1.1] },
  { line: 'Safeguarding', budget: 1.6, variance: 0.5 },
  { line: 'Assessment and Care Management', budget: 8.3, variance: -0.8 },
  { line: 'Client contributions and income', budget: -11.9, variance: 3.4 },
];

/** Budgets grow by this much a financial year (pay and fee uplifts). */
const YEARLY_UPLIFT = 0.04;

/** Pounds and pence; budgets are set in whole thousands, forecasts run to the penny. */
function money(rng: { int(lo: number, hi: number): number }, pounds: number, thousands = false): string {
  const pence = thousands ? Math.round(pounds / 1000) * 100_000 : Math.round(pounds) * 100 + rng.int(0, 99) * Math.sign(pounds || 1);
  return pence < 0 ? `-${poundsText(-pence)}` : poundsText(pence);
}

export function financeCsv(world: World): string {
  const rng = rngFor(world.options.seed, STREAM.finance, 0);
  const scale = world.adults / DEFAULT_ADULTS;
  const months = snapshotMonths(world);
  const lastYear = financialYearOf(world.lastMonth);
  // Each line's forecast variance wanders a little from month to month.
  const drift = LINES.map(() => rng.next() - 0.5);
  const rows: string[][] = [];
  for (const month of months) {
    const yearsBack = Number(lastYear.slice(0, 4)) - Number(financialYearOf(month).slice(0, 4));
    // Months into the financial year, 1 (April) to 12 (March).
    const into = monthsBetween(financialYearStart(month), month).length;
    LINES.forEach((l, i) => {
      drift[i] = Math.max(-1.5, Math.min(1.5, drift[i] + (rng.next() - 0.5) * 0.4));
      const budget = (l.budget * 1e6 * scale) / (1 + YEARLY_UPLIFT) ** yearsBack;
      const variance = (l.variance + drift[i]) / 100;
      const overspend = budget * variance;
      const target = l.savings ? (l.savings[0] * 1e6 * scale) / (1 + YEARLY_UPLIFT) ** yearsBack : null;
      const delivered = l.savings && target !== null ? ((target * l.savings[1] * into) / 12) * (0.9 + rng.next() * 0.2) : null;
      // Mitigations: actions planned against a line's overspend, more of it found as the year goes on.
      const mitigations = overspend > 0 && budget > 0 ? overspend * (0.2 + (0.4 * into) / 12) * (0.8 + rng.next() * 0.4) : 0;
      rows.push([
        month,
        l.line,
        money(rng, budget, true),
        money(rng, budget * (1 + variance)),
        target === null ? '' : money(rng, target, true),
        delivered === null ? '' : money(rng, delivered),
        mitigations > 0 ? money(rng, mitigations) : '',
      ]);
    });
  }
  return csvText(FINANCE_HEADER, rows);
}
