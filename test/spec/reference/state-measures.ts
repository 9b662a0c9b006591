/**
 * Reference event measures that look at the state on M_end or over the 12 months to M_end
 * (measures.md, Event measures): long term clients, reviews up to date, SDS and direct
 * payments, settled accommodation, permanent admissions and ST-Max outcomes.
 */
import { ageOn, addDays, minusOneYear } from './dates.ts';
import { lastDayOf, type RefContext } from './context.ts';
import { count, insufficientHistory, per100k, percent, populationOf, type RefMeasure, type RefPoint } from './points.ts';
import {
  accommodationFor,
  activeDuring,
  activeOn,
  isCommunityLTS,
  isLTS,
  isResidentialLTS,
  isShortComponent,
  isSettled,
  isSTMax,
  isSU,
  type Row,
} from './rows.ts';
import { equityBreakdowns, type Counted } from './equity.ts';

/** People aged 18+ on M_end with some LTS active on M_end, with their rows. */
function ltsClients(ctx: RefContext, monthEnd: string): [string, Row[]][] {
  return [...ctx.people].filter(([, rows]) => ageOn(rows[0].dob, monthEnd) >= 18 && rows.some((r) => isLTS(r) && activeOn(r, monthEnd)));
}

export function snapshotMeasures(ctx: RefContext): Record<string, RefMeasure> {
  const clients: RefPoint[] = [];
  const residential: RefPoint[] = [];
  const community: RefPoint[] = [];
  const settled: RefPoint[] = [];
  const sds: RefPoint[] = [];
  const dp: RefPoint[] = [];
  const utd: RefPoint[] = [];
  const counted = { clients: [] as Counted[][], sds: [] as Counted[][], dp: [] as Counted[][], utd: [] as Counted[][] };
  for (const month of ctx.months) {
    const end = lastDayOf(month);
    const people = ltsClients(ctx, end);
    const res = people.filter(([, rows]) => rows.some((r) => isResidentialLTS(r) && activeOn(r, end)));
    const com = people.filter(
      ([, rows]) => !rows.some((r) => isResidentialLTS(r) && activeOn(r, end)) && rows.some((r) => isCommunityLTS(r) && activeOn(r, end)),
    );
    clients.push(count(month, people.length));
    counted.clients.push(people.map(([person]) => ({ person, inNumerator: true })));
    residential.push(count(month, res.length));
    community.push(count(month, com.length));
    settled.push(percent(month, people.filter(([, rows]) => isSettled(accommodationFor(rows, end))).length, people.length));

    // SDS and direct payments: anyone 18+ with community LTS active on M_end (residential too).
    const withCommunity = [...ctx.people].filter(
      ([, rows]) => ageOn(rows[0].dob, end) >= 18 && rows.some((r) => isCommunityLTS(r) && activeOn(r, end)),
    );
    const activeCommunity = (rows: Row[]) => rows.filter((r) => isCommunityLTS(r) && activeOn(r, end));
    sds.push(
      percent(
        month,
        withCommunity.filter(([, rows]) =>
          activeCommunity(rows).some((r) => r.deliveryMechanism === 'Direct payment' || r.deliveryMechanism === 'CASSR managed personal budget'),
        ).length,
        withCommunity.length,
      ),
    );
    dp.push(
      percent(month, withCommunity.filter(([, rows]) => activeCommunity(rows).some((r) => r.deliveryMechanism === 'Direct payment')).length, withCommunity.length),
    );
    const mechanisms = (rows: Row[]) => activeCommunity(rows).map((r) => r.deliveryMechanism);
    counted.sds.push(withCommunity.map(([person, rows]) => ({
      person, inNumerator: mechanisms(rows).some((m) => m === 'Direct payment' || m === 'CASSR managed personal budget'),
    })));
    counted.dp.push(withCommunity.map(([person, rows]) => ({ person, inNumerator: mechanisms(rows).includes('Direct payment') })));

    const yearAgo = minusOneYear(end);
    if (ctx.periodStart > addDays(yearAgo, 1)) {
      utd.push(insufficientHistory(month));
      counted.utd.push([]);
    } else {
      const d = people.filter(([, rows]) => rows.some((r) => isLTS(r) && activeOn(r, yearAgo)));
      const n = d.filter(([, rows]) => rows.some((r) => r.eventType === 'Review' && isSU(r) && r.end !== null && r.end > yearAgo && r.end <= end));
      utd.push(percent(month, n.length, d.length));
      counted.utd.push(d.map(([person]) => ({ person, inNumerator: n.some(([p]) => p === person) })));
    }
  }
  const pct = (month: string, _i: number, n: number, d: number) => percent(month, n, d);
  return {
    REVIEWS_UTD: {
      series: utd,
      breakdowns: equityBreakdowns(ctx, counted.utd, (month, i, n, d) => (utd[i].reason === 'insufficient history' ? insufficientHistory(month) : percent(month, n, d))),
    },
    LTS_CLIENTS: { series: clients, breakdowns: { residential, community, ...equityBreakdowns(ctx, counted.clients, (month, _i, n) => count(month, n)) } },
    SDS: { series: sds, breakdowns: equityBreakdowns(ctx, counted.sds, pct) },
    DIRECT_PAYMENTS: { series: dp, breakdowns: equityBreakdowns(ctx, counted.dp, pct) },
    SETTLED_ACCOM: { series: settled, breakdowns: {} },
  };
}

export function admissions(ctx: RefContext): Record<string, RefMeasure> {
  const young: RefPoint[] = [];
  const old: RefPoint[] = [];
  for (const month of ctx.months) {
    const end = lastDayOf(month);
    const yearAgo = minusOneYear(end);
    if (ctx.periodStart > addDays(minusOneYear(yearAgo), 1)) {
      young.push(insufficientHistory(month));
      old.push(insufficientHistory(month));
      continue;
    }
    let nYoung = 0;
    let nOld = 0;
    for (const [, rows] of ctx.people) {
      let earliest: Row | undefined;
      for (const r of rows) {
        if (!isResidentialLTS(r) || !(r.start > yearAgo && r.start <= end)) continue;
        if (ageOn(r.dob, r.start) < 18 || isShortComponent(r) || r.outcome === 'NFA: Self-funded client or under 12wk disregard') continue;
        const from = addDays(r.start, -365);
        const to = addDays(r.start, -1);
        if (rows.some((o) => o !== r && isResidentialLTS(o) && !isShortComponent(o) && activeDuring(o, from, to))) continue;
        if (!earliest || r.start < earliest.start) earliest = r;
      }
      if (!earliest) continue;
      if (ageOn(earliest.dob, earliest.start) >= 65) nOld += 1;
      else nYoung += 1;
    }
    young.push(per100k(month, nYoung, populationOf(ctx.population, ctx.laCode, month, '18-64')));
    old.push(per100k(month, nOld, populationOf(ctx.population, ctx.laCode, month, '65+')));
  }
  return { ADMISSIONS_18_64: { series: young, breakdowns: {} }, ADMISSIONS_65P: { series: old, breakdowns: {} } };
}

const STMAX_EXCLUDED = ['NFA: Deceased', 'Admitted to hospital', 'NFA: Support declined', 'NFA: Self-funded client or under 12wk disregard'];

export function stmaxNoFurther(ctx: RefContext): RefMeasure {
  const series: RefPoint[] = [];
  for (const month of ctx.months) {
    const end = lastDayOf(month);
    const yearAgo = minusOneYear(end);
    if (ctx.periodStart > addDays(yearAgo, -90)) {
      series.push(insufficientHistory(month));
      continue;
    }
    let n = 0;
    let d = 0;
    for (const r of ctx.rows) {
      if (!isSTMax(r) || r.end === null || !(r.end > yearAgo && r.end <= end) || ageOn(r.dob, r.end) < 18) continue;
      const rows = ctx.people.get(r.person) ?? [];
      if (rows.some((l) => isLTS(l) && activeDuring(l, addDays(r.start, -91), addDays(r.start, -1)))) continue;
      if (STMAX_EXCLUDED.includes(r.outcome ?? '')) continue;
      d += 1;
      if (!rows.some((l) => isLTS(l) && l.start >= r.end! && l.start <= addDays(r.end!, 7))) n += 1;
    }
    series.push(percent(month, n, d));
  }
  return { series, breakdowns: {} };
}


