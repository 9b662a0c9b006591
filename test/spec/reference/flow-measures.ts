/**
 * Reference event measures counted from events of the month (measures.md, Event measures):
 * requests, long term assessments and their waits, carers' assessments, reviews that reduced.
 */
import { ageOn, aprilOf, addDays, daysBetween } from './dates.ts';
import { addDec, compareDec, mulDec, parseDec, roundedMedian, ZERO, type Dec } from './exact.ts';
import { firstDay, lastDayOf, type RefContext } from './context.ts';
import { count, per100k, percent, populationOf, type RefMeasure, type RefPoint } from './points.ts';
import { activeOn, endsIn, isCarer, isLTS, isSU, type Row } from './rows.ts';
import { equityBreakdowns, type Counted } from './equity.ts';

const FPOC_OUTCOMES = [
  'NFA: Information and advice or signposting',
  'NFA: Referral to other service within the local authority',
  'NFA: Referral to NHS services or NHS funded social care',
];

function newClientRequests(ctx: RefContext, month: string): Row[] {
  return ctx.rows.filter(
    (r) =>
      r.eventType === 'Request' &&
      isSU(r) &&
      endsIn(r, firstDay(month), lastDayOf(month)) &&
      ageOn(r.dob, r.end!) >= 18 &&
      !(ctx.people.get(r.person) ?? []).some((l) => isLTS(l) && activeOn(l, r.start)),
  );
}

function longTermAssessments(ctx: RefContext, month: string): Row[] {
  return ctx.rows.filter(
    (r) =>
      r.eventType === 'Assessment' &&
      isSU(r) &&
      r.assessmentType === 'Long term assessment' &&
      endsIn(r, firstDay(month), lastDayOf(month)) &&
      ageOn(r.dob, r.end!) >= 18,
  );
}

export function requestMeasures(ctx: RefContext): Record<string, RefMeasure> {
  const reqNew: RefPoint[] = [];
  const fpoc: RefPoint[] = [];
  const toAssess: RefPoint[] = [];
  const counted: Counted[][] = [];
  for (const month of ctx.months) {
    const d = newClientRequests(ctx, month);
    counted.push(d.map((r) => ({ person: r.person, inNumerator: true })));
    reqNew.push(per100k(month, d.length, populationOf(ctx.population, ctx.laCode, month, '18+')));
    fpoc.push(percent(month, d.filter((r) => FPOC_OUTCOMES.includes(r.outcome ?? '')).length, d.length));
    toAssess.push(percent(month, d.filter((r) => r.outcome === 'Progress to assessment, review or reassessment').length, d.length));
  }
  return {
    REQ_NEW: {
      series: reqNew,
      breakdowns: equityBreakdowns(ctx, counted, (month, _i, n) => per100k(month, n, populationOf(ctx.population, ctx.laCode, month, '18+'))),
    },
    FPOC: { series: fpoc, breakdowns: {} },
    REQ_TO_ASSESS: { series: toAssess, breakdowns: {} },
  };
}

export function assessmentMeasures(ctx: RefContext): Record<string, RefMeasure> {
  const assessLt: RefPoint[] = [];
  const noService: RefPoint[] = [];
  const waits: RefPoint[] = [];
  const carers: RefPoint[] = [];
  const counted: Counted[][] = [];
  for (const month of ctx.months) {
    const lt = longTermAssessments(ctx, month);
    counted.push(lt.map((r) => ({ person: r.person, inNumerator: true })));
    const pop = populationOf(ctx.population, ctx.laCode, month, '18+');
    const point = per100k(month, lt.length, pop);
    const april = aprilOf(month);
    if (!ctx.months.includes(april)) {
      point.ytd = { numerator: null, value: null, reason: 'incomplete year' };
    } else {
      let n = 0;
      for (const m of ctx.months) if (m >= april && m <= month) n += longTermAssessments(ctx, m).length;
      const ytd = per100k(month, n, pop);
      point.ytd = { numerator: ytd.numerator, value: ytd.value, reason: ytd.reason };
    }
    assessLt.push(point);

    const d = lt.filter((r) => r.outcome !== 'NFA: Deceased' && r.outcome !== 'NFA: Responsibility moved to another local authority');
    noService.push(percent(month, d.filter((r) => (r.outcome ?? '').startsWith('NFA:')).length, d.length));

    const w: number[] = [];
    for (const a of lt) {
      let request: Row | undefined;
      for (const r of ctx.people.get(a.person) ?? []) {
        if (r.eventType !== 'Request' || !isSU(r) || r.start > a.start) continue;
        if (!request || r.start > request.start) request = r;
      }
      if (request) w.push(daysBetween(request.start, a.end!));
    }
    waits.push(
      w.length === 0
        ? { month, value: null, numerator: 0, denominator: null, reason: 'no denominator' }
        : { month, value: roundedMedian(w), numerator: w.length, denominator: null, reason: null },
    );

    const c = ctx.rows.filter(
      (r) => r.eventType === 'Assessment' && isCarer(r) && endsIn(r, firstDay(month), lastDayOf(month)) && ageOn(r.dob, r.end!) >= 18,
    );
    carers.push(count(month, c.length));
  }
  return {
    ASSESS_LT: {
      series: assessLt,
      breakdowns: equityBreakdowns(ctx, counted, (month, _i, n, _d, byMonth) => {
        const pop = populationOf(ctx.population, ctx.laCode, month, '18+');
        const point = per100k(month, n, pop);
        const april = aprilOf(month);
        if (!ctx.months.includes(april)) {
          point.ytd = { numerator: null, value: null, reason: 'incomplete year' };
        } else {
          const total = ctx.months.reduce((t, m, j) => (m >= april && m <= month ? t + byMonth[j] : t), 0);
          const ytd = per100k(month, total, pop);
          point.ytd = { numerator: ytd.numerator, value: ytd.value, reason: ytd.reason };
        }
        return point;
      }),
    },
    ASSESS_NO_SERVICE: { series: noService, breakdowns: {} },
    WAIT_ASSESS_DAYS: { series: waits, breakdowns: {} },
    CARER_ASSESS: { series: carers, breakdowns: {} },
  };
}

function weeklyCostOn(personRows: Row[], d: string): Dec {
  let sum = ZERO;
  for (const r of personRows) if (isLTS(r) && activeOn(r, d)) sum = addDec(sum, mulDec(parseDec(r.units), parseDec(r.unitCost)));
  return sum;
}

export function reviewsReduced(ctx: RefContext): RefMeasure {
  const all: RefPoint[] = [];
  const young: RefPoint[] = [];
  const old: RefPoint[] = [];
  for (const month of ctx.months) {
    const tally = { all: [0, 0], young: [0, 0], old: [0, 0] };
    for (const r of ctx.rows) {
      if (r.eventType !== 'Review' || !isSU(r) || !endsIn(r, firstDay(month), lastDayOf(month))) continue;
      const age = ageOn(r.dob, r.end!);
      if (age < 18) continue;
      const personRows = ctx.people.get(r.person) ?? [];
      const before = weeklyCostOn(personRows, r.start);
      if (compareDec(before, ZERO) <= 0) continue;
      const after = weeklyCostOn(personRows, addDays(r.end!, 1));
      const reduced = compareDec(after, before) < 0 ? 1 : 0;
      for (const t of [tally.all, age >= 65 ? tally.old : tally.young]) {
        t[0] += reduced;
        t[1] += 1;
      }
    }
    all.push(percent(month, tally.all[0], tally.all[1]));
    young.push(percent(month, tally.young[0], tally.young[1]));
    old.push(percent(month, tally.old[0], tally.old[1]));
  }
  return { series: all, breakdowns: { '18-64': young, '65+': old } };
}
