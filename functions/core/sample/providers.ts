/**
 * Commissioned providers at the end of the --end month, shaped like Rotherham's 2024
 * commissioning update (seeds/004): a home care and support framework with Tier 1 providers
 * (three per area, obliged to take work) and Tier 2 providers (called on for capacity),
 * specialist supported-living and mental health frameworks, and care homes. Ratings are the
 * council's own. Home care hours are the hours of home support open in the events extract on the
 * last day, shared among the home care providers, so HOMECARE_HOURS agrees with the events.
 */
import { isoOf } from '../calendar/days.ts';
import { csvText } from './csv.ts';
import { DEFAULT_ADULTS } from './measure-table.ts';
import { rngFor, STREAM, type Rng, type Weighted } from './random.ts';
import type { World } from './world.ts';

export const PROVIDERS_HEADER = [
  'as_at_date',
  'provider_id',
  'provider_name',
  'framework',
  'tier',
  'quality_rating',
  'hours_per_week',
  'area',
] as const;

const RATINGS: Weighted<string> = [
  ['Excellent', 10],
  ['Good', 48],
  ['Requires improvement', 18],
  ['Poor', 5],
  ['Not yet rated', 19],
];

const PLACES = [
  'Wentworth', 'Rother Valley', 'Dearne', 'Maltby', 'Wath', 'Swinton', 'Kimberworth', 'Thurcroft', 'Dinnington',
  'Aston', 'Rawmarsh', 'Brinsworth', 'Wickersley', 'Greasbrough', 'Kiveton', 'Bramley', 'Whiston', 'Treeton',
  'Laughton', 'Catcliffe', 'Thrybergh', 'Herringthorpe', 'Canklow', 'Eastwood', 'Broom', 'Moorgate', 'Ravenfield',
  'Harthill', 'Wales', 'Anston', 'Todwick', 'Brampton', 'Kilnhurst', 'Parkgate', 'Wingfield', 'Listerdale',
] as const;

const AREAS = ['North', 'Central', 'South'] as const;

interface Provider {
  id: string;
  name: string;
}

function name(rng: Rng, place: string, kind: 'home care' | 'support' | 'home'): string {
  if (kind === 'home care') return `${place} ${rng.pick(['Home Care Ltd', 'Care Services Ltd', 'Homecare', 'Care at Home Ltd'])}`;
  if (kind === 'support') return `${place} ${rng.pick(['Support Ltd', 'Supported Living', 'Community Support CIC', 'Lifestyles Ltd'])}`;
  return `${place} ${rng.pick(['Lodge', 'Court', 'House', 'Grange', 'Manor Care Home'])}`;
}

/** Splits `total` hours among `shares` (weights) as decimal text in halves, summing exactly. */
function splitHours(total: number, shares: number[]): string[] {
  const halves = Math.round(total * 2);
  const sum = shares.reduce((a, b) => a + b, 0);
  const out = shares.map((s) => Math.floor((halves * s) / sum));
  out[0] += halves - out.reduce((a, b) => a + b, 0);
  return out.map((h) => (h % 2 === 0 ? String(h / 2) : (h / 2).toFixed(1)));
}

export function providersCsv(world: World, homeCareHours: number): string {
  const rng = rngFor(world.options.seed, STREAM.providers, 0);
  const asAt = isoOf(world.w1);
  const scale = world.adults / DEFAULT_ADULTS;
  let next = 1;
  const make = (place: string, kind: 'home care' | 'support' | 'home'): Provider => ({
    id: `PRV${String(next++).padStart(3, '0')}`,
    name: name(rng, place, kind),
  });
  const rows: (string | number)[][] = [];
  const places = [...PLACES];

  // Home care and support: 9 Tier 1 (3 per area) and 12 Tier 2.
  const homeCare = Array.from({ length: 21 }, (_, i) => ({ provider: make(places[i], 'home care'), tier: i < 9 ? '1' : '2', area: i < 9 ? AREAS[i % 3] : rng.pick(AREAS) }));
  const hours = splitHours(homeCareHours, homeCare.map((p) => (p.tier === '1' ? 3 : 1) * (0.6 + rng.next() * 0.8)));
  homeCare.forEach((p, i) => rows.push([asAt, p.provider.id, p.provider.name, 'Home care and support', p.tier, rng.weighted(RATINGS), hours[i], p.area]));

  // Supported living: 19 specialist providers; two home care providers are on this framework too.
  const supported = [homeCare[3].provider, homeCare[12].provider, ...Array.from({ length: 17 }, (_, i) => make(places[21 + (i % 15)], 'support'))];
  for (const p of supported) {
    rows.push([asAt, p.id, p.name, 'Learning disability and autism supported living', 'Specialist', rng.weighted(RATINGS), String(Math.round(rng.int(150, 900) * scale)), rng.pick(AREAS)]);
  }

  // Mental health recovery focussed community services.
  for (const p of [supported[4], make('Rotherham Recovery', 'support'), make('Riverside', 'support')]) {
    rows.push([asAt, p.id, p.name, 'Mental health recovery focussed community services', 'Specialist', rng.weighted(RATINGS), String(Math.round(rng.int(80, 300) * scale)), '']);
  }

  // Care homes: no hours.
  for (let i = 0; i < 30; i++) {
    const p = make(PLACES[(i * 7) % PLACES.length], 'home');
    rows.push([asAt, p.id, p.name, 'Residential and nursing care', rng.chance(0.7) ? '1' : '2', rng.weighted(RATINGS), '', AREAS[i % 3]]);
  }
  return csvText(PROVIDERS_HEADER, rows);
}
