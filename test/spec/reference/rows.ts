/**
 * Rows as the reference sees them: each parsed event turned into plain ISO-dated records, the
 * financial assessments dropped, and duplicates removed exactly as measures.md says.
 */
import type { EventsData } from '../../../functions/core/uploads/parsed.ts';
import { iso } from './dates.ts';

export interface Row {
  /** File order (CSV record number). */
  row: number;
  person: string;
  dob: string;
  eventType: string;
  clientType: string;
  start: string;
  end: string | null;
  outcome: string | null;
  assessmentType: string | null;
  serviceType: string | null;
  serviceComponent: string | null;
  routeOfAccess: string | null;
  deliveryMechanism: string | null;
  units: string | null;
  unitCost: string | null;
  accommodation: string | null;
  gender: string | null;
  ethnicity: string | null;
  psr: string | null;
}

/** Trim spaces, tabs and no-break spaces, fold their runs into one space, ignore case; blank = ''. */
export function fold(text: string | null): string {
  if (text === null) return '';
  return text.replace(/[ \t\u00a0]+/g, ' ').trim().toLowerCase();
}

export function toRows(data: EventsData): Row[] {
  return data.events.map((e) => {
    const p = data.persons[e.person];
    return {
      row: e.row,
      person: `${data.laCode}|${p.id}`,
      dob: iso(p.dateOfBirth),
      eventType: e.eventType,
      clientType: e.clientType,
      start: iso(e.start),
      end: e.end === null ? null : iso(e.end),
      outcome: e.outcome,
      assessmentType: e.assessmentType,
      serviceType: e.serviceType,
      serviceComponent: e.serviceComponent,
      routeOfAccess: e.routeOfAccess,
      deliveryMechanism: e.deliveryMechanism,
      units: e.plannedUnitsPerWeek,
      unitCost: e.unitCost,
      accommodation: e.accommodationStatus,
      gender: e.gender,
      ethnicity: e.ethnicity,
      psr: e.primarySupportReason,
    };
  });
}

function isFinancialAssessment(r: Row): boolean {
  return r.eventType === 'Assessment' && fold(r.assessmentType) === 'financial assessment';
}

function keyOf(r: Row): string {
  const parts = [
    r.person,
    r.eventType,
    r.clientType,
    r.start,
    r.assessmentType ?? '',
    r.serviceType ?? '',
    fold(r.serviceComponent),
    fold(r.routeOfAccess),
    r.eventType === 'Service' ? '(any end)' : (r.end ?? ''),
  ];
  return JSON.stringify(parts);
}

/**
 * Duplicates removed (measures.md): one row per event key. Services keep the last open row in
 * file order if there is one, otherwise the last row; other events keep the last row.
 * Financial assessments are dropped: no measure or person attribute reads them.
 */
export function dedupe(all: Row[]): Row[] {
  const inFileOrder = [...all].sort((a, b) => a.row - b.row);
  const groups = new Map<string, Row[]>();
  for (const r of inFileOrder) {
    if (isFinancialAssessment(r)) continue;
    const k = keyOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const kept: Row[] = [];
  for (const g of groups.values()) {
    const last = g[g.length - 1];
    if (last.eventType === 'Service') {
      const open = g.filter((r) => r.end === null);
      kept.push(open.length > 0 ? open[open.length - 1] : last);
    } else {
      kept.push(last);
    }
  }
  return kept.sort((a, b) => a.row - b.row);
}

export function byPerson(rows: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const g = out.get(r.person);
    if (g) g.push(r);
    else out.set(r.person, [r]);
  }
  return out;
}

// --- Predicates of measures.md, Conventions ---

export const isSU = (r: Row): boolean => r.clientType === 'Service user';
export const isCarer = (r: Row): boolean => r.clientType === 'Unpaid carer' || r.clientType === 'Unpaid carer known by association';
export const isLTS = (r: Row): boolean => r.eventType === 'Service' && isSU(r) && (r.serviceType ?? '').startsWith('Long term support:');
export const isResidentialLTS = (r: Row): boolean =>
  isLTS(r) && (r.serviceType === 'Long term support: Nursing care' || r.serviceType === 'Long term support: Residential care');
export const isCommunityLTS = (r: Row): boolean => isLTS(r) && r.serviceType === 'Long term support: Community';
export const isSTMax = (r: Row): boolean => r.eventType === 'Service' && isSU(r) && r.serviceType === 'Short term support: ST-Max';
export const isShortComponent = (r: Row): boolean => fold(r.serviceComponent).startsWith('short');

export function activeOn(r: Row, d: string): boolean {
  return r.start <= d && (r.end === null || r.end >= d);
}

/** Active on at least one day of [a, b]. */
export function activeDuring(r: Row, a: string, b: string): boolean {
  return r.start <= b && (r.end === null || r.end >= a);
}

export function endsIn(r: Row, first: string, last: string): boolean {
  return r.end !== null && r.end >= first && r.end <= last;
}

const SETTLED = [
  'Owner occupier or shared ownership scheme',
  'Tenant',
  'Tenant - private landlord',
  'Tenant - social landlord',
  'Settled mainstream housing with family or friends',
  'Supported accommodation',
  'Supported lodgings',
  'Supported group home',
  'Shared Lives scheme',
  'Approved premises for offenders released from prison or under probation supervision',
  'Sheltered housing',
  'Extra care housing',
  'Other sheltered housing',
  'Mobile accommodation for Gypsy, Roma and Traveller communities',
].map(fold);

export function isSettled(accommodation: string | null): boolean {
  return accommodation !== null && SETTLED.includes(fold(accommodation));
}

/** Person attributes for a month: the row with the latest start ≤ M_end, ties to the last in file order. */
export function attributesFor(rows: Row[], monthEnd: string): Row | undefined {
  let best: Row | undefined;
  for (const r of rows) {
    if (r.start > monthEnd) continue;
    if (!best || r.start > best.start || (r.start === best.start && r.row > best.row)) best = r;
  }
  return best;
}

export function accommodationFor(rows: Row[], monthEnd: string): string | null {
  return attributesFor(rows, monthEnd)?.accommodation ?? null;
}
