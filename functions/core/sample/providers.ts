/**
 * Commissioned providers at the end of each snapshot month (world.ts `snapshotMonths`), shaped
 * like Rotherham's 2024 commissioning update (seeds/004): a home care and support framework with
 * Tier 1 providers (three per area, obliged to take work) and Tier 2 providers (called on for
 * capacity), specialist supported-living and mental health frameworks, and care homes. Framework
 * providers carry the council's own ratings, care homes CQC's; now and then a provider is
 * re-rated. Home care hours are the hours of home support open in the events extract at each
 * month end, shared among the home care providers, so HOMECARE_HOURS agrees with the events.
 */
import { isoOf, monthEnd } from '../calendar/days.ts';
import { csvText } from './csv.ts';
import { DEFAULT_ADULTS } from './measure-table.ts';
import { rngFor, STREAM, type Rng, type Weighted } from './random.ts';
import { snapshotMonths, type World } from './world.ts';

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

/** CQC's ratings, for the care homes it inspects. */
const CQC_RATINGS: Weighted<string> = [
  ['Outstanding', 5],
  ['Good', 70],
  ['Requires improvement', 18],
  ['Inadequate', 2],
  ['Not yet rated', 5],
];

/** Chance a month that a provider is re-rated. */
const RERATE = 0.03;

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

/** One provider on one framework; `hours` is null for home care (shared out each month) and care homes. */
interface Contract {
  provider: Provider;
  framework: string;
  tier: string;
  ratings: Weighted<string>;
  rating: string;
  hours: string | null;
  area: string;
}

/** `homeCareHours[i]`: the home support hours open at the end of snapshot month i. */
export function providersCsv(world: World, homeCareHours: readonly number[]): string {
  const rng = rngFor(world.options.seed, STREAM.providers, 0);
  const scale = world.adults / DEFAULT_ADULTS;
  let next = 1;
  const make = (place: string, kind: 'home care' | 'support' | 'home'): Provider => ({
    id: `PRV${String(next++).padStart(3, '0')}`,
    name: name(rng, place, kind),
  });
  const contracts: Contract[] = [];
  const places = [...PLACES];
  const contract = (c: Omit<Contract, 'rating'>) => contracts.push({ ...c, rating: rng.weighted(c.ratings) });

  // Home care and support: 9 Tier 1 (3 per area) and 12 Tier 2.
  const homeCare = Array.from({ length: 21 }, (_, i) => ({ provider: make(places[i], 'home care'), tier: i < 9 ? '1' : '2', area: i < 9 ? AREAS[i % 3] : rng.pick(AREAS) }));
  const shares = homeCare.map((p) => (p.tier === '1' ? 3 : 1) * (0.6 + rng.next() * 0.8));
  for (const p of homeCare) contract({ ...p, framework: 'Home care and support', ratings: RATINGS, hours: null });

  // Supported living: 19 specialist providers; two home care providers are on this framework too.
  const supported = [homeCare[3].provider, homeCare[12].provider, ...Array.from({ length: 17 }, (_, i) => make(places[21 + (i % 15)], 'support'))];
  for (const provider of supported) {
    contract({ provider, framework: 'Learning disability and autism supported living', tier: 'Specialist', ratings: RATINGS, hours: String(Math.round(rng.int(150, 900) * scale)), area: rng.pick(AREAS) });
  }

  // Mental health recovery focussed community services.
  for (const provider of [supported[4], make('Rotherham Recovery', 'support'), make('Riverside', 'support')]) {
    contract({ provider, framework: 'Mental health recovery focussed community services', tier: 'Specialist', ratings: RATINGS, hours: String(Math.round(rng.int(80, 300) * scale)), area: '' });
  }

  // Care homes, rated by CQC: no hours.
  for (let i = 0; i < 30; i++) {
    const provider = make(PLACES[(i * 7) % PLACES.length], 'home');
    contract({ provider, framework: 'Residential and nursing care', tier: rng.chance(0.7) ? '1' : '2', ratings: CQC_RATINGS, hours: null, area: AREAS[i % 3] });
  }

  const rows: (string | number)[][] = [];
  snapshotMonths(world).forEach((month, m) => {
    const asAt = isoOf(monthEnd(month));
    const hours = splitHours(homeCareHours[m], shares);
    let h = 0;
    for (const c of contracts) {
      if (m > 0 && rng.chance(RERATE)) c.rating = rng.weighted(c.ratings);
      const home = c.framework === 'Home care and support';
      rows.push([asAt, c.provider.id, c.provider.name, c.framework, c.tier, c.rating, home ? hours[h++] : (c.hours ?? ''), c.area]);
    }
  });
  return csvText(PROVIDERS_HEADER, rows);
}
