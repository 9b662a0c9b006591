/**
 * Budget monitoring for the --end month, in the shape of the seeds' budget lines (Rotherham
 * OSMB, 2018): annual budget, forecast outturn (an overspend overall, driven by care packages),
 * savings targets and what has been delivered. An income line carries negative amounts.
 * Amounts scale with the council's size and are written in pounds and pence.
 */
import { csvText } from './csv.ts';
import { DEFAULT_ADULTS } from './measure-table.ts';
import { poundsText } from './person-sim.ts';
import { rngFor, STREAM } from './random.ts';
import type { World } from './world.ts';

export const FINANCE_HEADER = [
  'period',
  'budget_line',
  'annual_budget_gbp',
  'forecast_outturn_gbp',
  'savings_target_gbp',
  'savings_delivered_gbp',
] as const;

/** Budget (£m at the default size), forecast variance (% of budget) and savings (£m target, share delivered). */
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

/** Pounds and pence; budgets are set in whole thousands, forecasts run to the penny. */
function money(rng: { int(lo: number, hi: number): number }, pounds: number, thousands = false): string {
  const pence = thousands ? Math.round(pounds / 1000) * 100_000 : Math.round(pounds) * 100 + rng.int(0, 99) * Math.sign(pounds || 1);
  return pence < 0 ? `-${poundsText(-pence)}` : poundsText(pence);
}

export function financeCsv(world: World): string {
  const rng = rngFor(world.options.seed, STREAM.finance, 0);
  const scale = world.adults / DEFAULT_ADULTS;
  const rows = LINES.map((l) => {
    const budget = l.budget * 1e6 * scale;
    const variance = (l.variance + (rng.next() - 0.5)) / 100;
    const target = l.savings ? l.savings[0] * 1e6 * scale : null;
    const delivered = l.savings && target !== null ? target * l.savings[1] * (0.9 + rng.next() * 0.2) : null;
    return [
      world.lastMonth,
      l.line,
      money(rng, budget, true),
      money(rng, budget * (1 + variance)),
      target === null ? '' : money(rng, target, true),
      delivered === null ? '' : money(rng, delivered),
    ];
  });
  return csvText(FINANCE_HEADER, rows);
}
