/**
 * A realistic measures document made by code (seeded): every measure of the catalogue, 36 months
 * to November 2021 at the seeds' orders of magnitude for a council of Rotherham's size, with
 * targets, benchmarks, commentary, SPC, look-back nulls, a revised month, breakdowns and a few small
 * counts so disclosure control has something to withhold. It stands in for the measures engine's
 * output; its SPC is the engine's own (`spcFor`), so cards are drawn from the statistics they will get.
 */
import type { Benchmark, MeasureResult, MeasuresDocument, SeriesPoint } from '../../../functions/core/measures/document.ts';
import { CATALOGUE as REAL, type MeasureDefinition } from '../../../functions/core/measures/catalogue/index.ts';
import { spcFor } from '../../../functions/core/measures/spc-window.ts';
import { EQUITY_MEASURES } from '../../../functions/core/measures/equity.ts';

/** How a measure's made-up figures look: typical value, spread, denominator (population or a count), leading nulls, months of data. */
interface Level {
  level: number; spread: number; denom?: number; lookback?: number; months?: number; target?: number;
  benchmarks?: [number, number, number]; trend?: number;
  /** Draws from its own generator with this seed, so the measures after it keep their values. */
  ownSeed?: number;
}

type Def = Pick<MeasureDefinition, 'id' | 'title' | 'unit' | 'polarity' | 'basis' | 'ascofCode'> & Level;

export const POP_18P = 209_800;

/**
 * Typical levels at the seeds' orders of magnitude, by measure id. These measures draw in catalogue
 * order from one generator, as they always have, so the figures tests were written against stay.
 */
export const LEVELS: Record<string, Level> = {
  REQ_NEW: { level: 300, spread: 25, denom: POP_18P },
  FPOC: { level: 62, spread: 4, denom: 630, target: 65 },
  REQ_TO_ASSESS: { level: 27, spread: 3, denom: 630, target: 25 },
  ASSESS_LT: { level: 80, spread: 6, denom: POP_18P },
  ASSESS_NO_SERVICE: { level: 41, spread: 4, denom: 168, target: 35 },
  WAIT_ASSESS_DAYS: { level: 28, spread: 4, target: 28 },
  REVIEWS_UTD: { level: 50, spread: 2, denom: 4100, lookback: 11, target: 70, trend: 0.4 },
  REVIEWS_REDUCED: { level: 14, spread: 3, denom: 160, target: 21 },
  LTS_CLIENTS: { level: 4150, spread: 40 },
  ADMISSIONS_18_64: { level: 15.5, spread: 1.2, denom: 158_300, lookback: 23, target: 14, benchmarks: [14.1, 14.2, 13.3] },
  ADMISSIONS_65P: { level: 450, spread: 20, denom: 51_500, lookback: 23, target: 500, benchmarks: [549.8, 624.6, 498.2] },
  STMAX_NO_FURTHER: { level: 88, spread: 1.5, denom: 900, lookback: 15, target: 85, benchmarks: [68.3, 71.3, 74.9] },
  SDS: { level: 96, spread: 1, denom: 2900, target: 95, benchmarks: [89.5, 90.3, 92.2] },
  DIRECT_PAYMENTS: { level: 24, spread: 1, denom: 2900, target: 27, trend: -0.05, benchmarks: [26.1, 28.8, 26.6] },
  SETTLED_ACCOM: { level: 78, spread: 1.5, denom: 4150, target: 80, benchmarks: [81.6, 80.8, 78.3] },
  CARER_ASSESS: { level: 11, spread: 4, target: 12 },
  ASCOF_2A: { level: 78, spread: 1.5, denom: 880, lookback: 15 },
  ASCOF_2B: { level: 11, spread: 1, denom: 158_300, lookback: 23 },
  ASCOF_2C: { level: 450, spread: 20, denom: 51_500, lookback: 23 },
  ASCOF_2E: { level: 80, spread: 1, denom: 1780, lookback: 11 },
  ASCOF_2E_65: { level: 80, spread: 1, denom: 3400, lookback: 11 },
  ASCOF_2E_LD: { level: 79, spread: 1.5, denom: 570, lookback: 11 },
  ASCOF_3D1A: { level: 89, spread: 1, denom: 3080 },
  ASCOF_3D1B: { level: 60, spread: 2, denom: 375, lookback: 11 },
  ASCOF_3D2A: { level: 26, spread: 1, denom: 3080 },
  ASCOF_3D2B: { level: 58, spread: 2, denom: 375, lookback: 11 },
  CLD_WAIT_RESPONSE_25_64: { level: 9, spread: 1, lookback: 23, ownSeed: 1 },
  CLD_WAIT_RESPONSE_65: { level: 8, spread: 1, lookback: 23, ownSeed: 2 },
  CLD_WAIT_SERVICE_25_64: { level: 14, spread: 2, lookback: 23, ownSeed: 3 },
  CLD_WAIT_SERVICE_65: { level: 9, spread: 1, lookback: 23, ownSeed: 4 },
  WAITING_ASSESS: { level: 1836, spread: 90, months: 13, target: 1500, trend: -10 },
  BUDGET_VARIANCE: { level: 1_250_000, spread: 300_000, months: 8, target: 0 },
  SAVINGS_DELIVERED: { level: 71, spread: 5, denom: 4_600_000, months: 8, target: 100 },
  WAITING_REVIEW: { level: 640, spread: 40, months: 13, target: 600 },
  WAITING_SERVICE: { level: 180, spread: 20, months: 13, target: 150 },
  PROVIDERS_GOOD: { level: 84, spread: 3, denom: 96, months: 13, target: 85 },
  HOMECARE_HOURS: { level: 14_200, spread: 250, months: 13 },
};

/** A measure with no row above (one just added to the catalogue): plain figures for its unit, from a generator of its own. */
const DEFAULT_LEVEL: Record<MeasureDefinition['unit'], Level> = {
  percent: { level: 50, spread: 3, denom: 400 },
  per100k: { level: 100, spread: 8, denom: POP_18P },
  count: { level: 100, spread: 10 },
  days: { level: 20, spread: 2 },
  gbp: { level: 100_000, spread: 20_000 },
  hours: { level: 1_000, spread: 50 },
};

/** A seed from a measure id, so a measure with no row in LEVELS leaves the others' figures alone. */
const idSeed = (id: string) => [...id].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 17);

/** The real catalogue (ids, titles, units, polarities, bases, ASCOF codes) with the levels above. */
export const CATALOGUE: Def[] = REAL.map((d) => ({
  id: d.id, title: d.title, unit: d.unit, polarity: d.polarity, basis: d.basis, ascofCode: d.ascofCode,
  ...(LEVELS[d.id] ?? { ...DEFAULT_LEVEL[d.unit], ownSeed: idSeed(d.id) }),
}));

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function monthsTo(end: string, n: number): string[] {
  const [y, m] = end.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

function point(def: Def, month: string, raw: number | null, reason: string | null): SeriesPoint {
  if (raw == null) return { month, value: null, numerator: null, denominator: null, reason };
  switch (def.unit) {
    case 'per100k': {
      const n = Math.max(0, Math.round((raw * def.denom!) / 100_000));
      return { month, value: round1((n * 100_000) / def.denom!), numerator: n, denominator: def.denom!, reason: null };
    }
    case 'percent': {
      const n = Math.max(0, Math.round((raw * def.denom!) / 100));
      return { month, value: round1((100 * n) / def.denom!), numerator: n, denominator: def.denom!, reason: null };
    }
    case 'count': {
      const n = Math.max(0, Math.round(raw));
      return { month, value: n, numerator: n, denominator: null, reason: null };
    }
    case 'days':
      return { month, value: round1(raw), numerator: 150 + Math.round(raw), denominator: null, reason: null };
    default: {
      const v = def.unit === 'gbp' ? Math.round(raw) : round1(raw);
      return { month, value: v, numerator: v, denominator: null, reason: null, numeratorText: String(v) };
    }
  }
}

function rag(def: Def, v: number | null, t: number | null): MeasureResult['latest']['rag'] {
  if (v == null || t == null || def.polarity === 'neutral') return null;
  const meets = def.polarity === 'high' ? v >= t : v <= t;
  if (meets) return 'green';
  return t !== 0 && Math.abs(v - t) <= 0.1 * Math.abs(t) ? 'amber' : 'red';
}

function direction(def: Def, v: number | null, before: number | null): MeasureResult['latest']['direction'] {
  if (v == null || before == null) return null;
  if (round1(v) === round1(before)) return 'same';
  if (def.polarity === 'neutral') return v > before ? 'up' : 'down';
  return (v > before) === (def.polarity === 'high') ? 'improving' : 'worsening';
}

const COMMENTARY: Record<string, MeasureResult['latest']['commentary']> = {
  REVIEWS_UTD: {
    workingWell: 'The review team cleared 310 overdue reviews in the quarter; locality teams now book annual reviews a month ahead.',
    worriedAbout: 'Reviews of people in residential care out of area remain behind, and two posts are vacant.',
    nextSteps: 'Recruit to both posts by January; agree a plan with neighbouring councils for out-of-area reviews.',
    leadOfficer: 'Head of Locality Services',
  },
  ADMISSIONS_65P: {
    workingWell: 'Home-first discharge has kept admissions of older people below target for six months.',
    worriedAbout: null,
    nextSteps: 'Extend the falls-prevention pilot to the north of the borough.',
    leadOfficer: 'Assistant Director, Independence and Support',
  },
  CARER_ASSESS: {
    workingWell: null,
    worriedAbout: "Carers' assessments fell when the carers' centre contract changed hands.",
    nextSteps: 'Joint visits with the new provider from December.',
    leadOfficer: 'Carers Lead',
  },
};

/** Group shares per dimension, a few small enough to be withheld (disclosure control). */
const EQUITY_SHARES: Record<string, [string, number][]> = {
  primary_support_reason: [['Physical support: Personal care support', 0.5], ['Learning disability support', 0.2], ['Mental health support', 0.18], ['Support with memory and cognition', 0.115], ['Sensory support: Support for dual impairment', 0.005]],
  ethnicity: [['White', 0.91], ['Mixed or multiple', 0.01], ['Asian or Asian British', 0.05], ['Black, Black British, Caribbean or African', 0.012], ['Other ethnic group', 0.002], ['Not stated', 0.016]],
  gender: [['Female', 0.57], ['Male', 0.42], ['Not stated', 0.01]],
};

/** Each group's part of every point: its share of the numerator (and of a percentage's denominator). */
function equityFixture(series: SeriesPoint[], percent: boolean): Record<string, SeriesPoint[]> {
  const out: Record<string, SeriesPoint[]> = {};
  for (const [dimension, shares] of Object.entries(EQUITY_SHARES)) {
    for (const [group, share] of shares) {
      out[`${dimension}:${group}`] = series.map((p) => {
        if (p.value == null || p.numerator == null) return { ...p };
        const n = Math.round(share * p.numerator);
        if (p.denominator == null) return { ...p, value: n, numerator: n };
        const d = percent ? Math.max(n, Math.round(share * p.denominator)) : p.denominator;
        return { ...p, numerator: n, denominator: d, value: d === 0 ? null : round1(((percent ? 100 : 100_000) * n) / d), reason: d === 0 ? 'no denominator' : null };
      });
    }
  }
  return out;
}

export interface FixtureOptions { seed?: number; end?: string; months?: number }

/** The document the cards are drawn from. Same options, same document. */
export function fixtureDocument(options: FixtureOptions = {}, catalogue: readonly Def[] = CATALOGUE): MeasuresDocument {
  const { seed = 7, end = '2021-11', months = 36 } = options;
  const shared = rng(seed);
  const measures = catalogue.map((def): MeasureResult => {
    const random = def.ownSeed === undefined ? shared : rng(seed * 1000 + def.ownSeed);
    const noise = () => random() + random() + random() - 1.5;
    const ms = monthsTo(end, def.months ?? months);
    const series = ms.map((month, i) => {
      if (i < (def.lookback ?? 0)) return point(def, month, null, 'insufficient history');
      return point(def, month, def.level + (def.trend ?? 0) * i + def.spread * noise(), null);
    });
    if (def.id === 'WAITING_ASSESS') series.forEach((p, i) => { p.medianDays = round1(40 + 3 * noise() - 0.5 * i); });
    if (def.id === 'CARER_ASSESS') Object.assign(series.at(-1)!, { value: 5, numerator: 5 });
    if (def.id === 'REQ_TO_ASSESS') series[series.length - 3].revised = true;
    if (def.id === 'ASSESS_LT') {
      let ytdN = 0;
      series.forEach((p, i) => {
        ytdN = p.month.endsWith('-04') || i === 0 ? p.numerator! : ytdN + p.numerator!;
        const complete = i >= ms.findIndex((m) => m.endsWith('-04'));
        p.ytd = complete ? { numerator: ytdN, value: round1((ytdN * 100_000) / POP_18P), reason: null } : { numerator: null, value: null, reason: 'incomplete year' };
      });
    }
    const breakdowns: MeasureResult['breakdowns'] = {};
    if (def.id === 'REVIEWS_REDUCED') {
      breakdowns['18-64'] = series.map((p) => point({ ...def, denom: 40 }, p.month, 7 + 8 * random(), null));
      breakdowns['65+'] = series.map((p) => point({ ...def, denom: 120 }, p.month, 15 + 4 * noise(), null));
    }
    if (def.id === 'LTS_CLIENTS') {
      breakdowns.residential = series.map((p) => point(def, p.month, 0.32 * p.value! + 10 * noise(), null));
      breakdowns.community = series.map((p) => point(def, p.month, 0.66 * p.value! + 10 * noise(), null));
    }
    if (EQUITY_MEASURES.has(def.id)) Object.assign(breakdowns, equityFixture(series, def.unit === 'percent'));
    const last = series.at(-1)!;
    const before = series.at(-2);
    const yearAgo = series.find((p) => p.month === `${Number(end.slice(0, 4)) - 1}${end.slice(4)}`);
    const target = def.target ?? null;
    const benchmarks: Benchmark[] = def.benchmarks
      ? ['Yorkshire and the Humber', 'CIPFA nearest neighbours', 'England'].map((comparator, i) => ({
          comparator, year: '2020/21', value: def.benchmarks![i],
          quartile: i === 2 ? (def.id === 'ADMISSIONS_65P' || def.id === 'SDS' ? 'top' : def.id === 'DIRECT_PAYMENTS' ? 'bottom' : 'lower middle') : null,
        }))
      : [];
    const ascof = def.ascofCode
      ? {
          ascofCode: def.ascofCode,
          annual: series.filter((p) => p.month.endsWith('-03')).map((p) => ({ year: `${Number(p.month.slice(0, 4)) - 1}/${p.month.slice(2, 4)}`, value: p.value, numerator: p.numerator, denominator: p.denominator, reason: p.reason })),
        }
      : {};
    return {
      ...ascof,
      id: def.id, title: def.title, unit: def.unit, polarity: def.polarity, basis: def.basis,
      definition: `${def.title}, measured for each month as measures.md defines it (${def.basis === 'rolling12' ? 'the 12 months to the month end' : def.basis === 'snapshot' ? 'the position at the month end' : 'events completed in the month'}).`,
      whyItMatters: `The committee asked to follow ${def.title.toLowerCase()} because it shows whether people get the right help at the right time.`,
      series, breakdowns,
      latest: {
        month: last.month, value: last.value, target, rag: rag(def, last.value, target),
        direction: direction(def, last.value, yearAgo?.value ?? null), lastYear: yearAgo?.value ?? null,
        benchmarks, commentary: COMMENTARY[def.id] ?? null,
        previous: before ? { month: before.month, value: before.value, target, rag: rag(def, before.value, target) } : null,
      },
      ...spcFor({ ...def, series }, target, null),
      rebase: null,
    };
  });
  return { schemaVersion: 1, laCode: 'E08000018', period: end, dataAsAt: `${end}-30`, measures };
}
