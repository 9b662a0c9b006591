/**
 * One sample person being simulated: who they are, the CLD rows they have so far, and what they
 * are still waiting for at the end of the window. Pathways (pathways.ts, long-term.ts, carers.ts)
 * append rows through the small methods here, which enforce the extract's own rules (nothing
 * starts after the reporting period; only a Service may be left open).
 */
import { ageOn, type Day } from '../calendar/days.ts';
import type { ClientType, DeliveryMechanism, EventOutcome, EventType, ServiceType } from '../uploads/code-lists.ts';
import type { Identity } from './identity.ts';
import type { Rng } from './random.ts';
import type { World } from './world.ts';

export interface SimRow {
  eventType: EventType;
  start: Day;
  end: Day | null;
  outcome: EventOutcome | null;
  route: string;
  assessmentType: '' | 'Long term assessment' | 'Short term assessment';
  serviceType: ServiceType | '';
  component: string;
  mechanism: DeliveryMechanism | '';
  units: string;
  cost: string;
  reviewReason: string;
  /** The person's accommodation when the row starts (a person attribute resolved per month). */
  accommodation: string | null;
}

export type WaitingFor = 'Assessment' | 'Review' | 'Service';

export interface Wait {
  waitingFor: WaitingFor;
  requestDate: Day;
  /** The day the person joined this list (a wait for a service starts once it is decided). */
  from: Day;
  /** The day the wait ended (assessment or review complete, support started); null: still waiting at the period end. */
  until: Day | null;
}

export type Band = '18-64' | '65+';

export class PersonSim {
  readonly rows: SimRow[] = [];
  readonly waits: Wait[] = [];
  dateOfDeath: Day | null = null;
  accommodation: string | null = null;
  /** Where the person lived before any move into a care home or prison. */
  home: string | null = null;
  /** Route of the person's latest request, for their team on the waiting list. */
  lastRoute = '';

  constructor(
    readonly world: World,
    readonly rng: Rng,
    readonly identity: Identity,
    readonly clientType: ClientType,
  ) {}

  get w1(): Day {
    return this.world.w1;
  }

  get alive(): boolean {
    return this.dateOfDeath === null;
  }

  age(on: Day): number {
    return ageOn(this.identity.dateOfBirth, on);
  }

  band(on: Day): Band {
    return this.age(on) >= 65 ? '65+' : '18-64';
  }

  /** A new row with every optional field blank (one object shape for all rows: cheap at a million rows). */
  private push(eventType: EventType, start: Day, end: Day | null, outcome: EventOutcome | null): SimRow {
    if (start > this.w1) throw new Error(`sample: a ${eventType} would start after the reporting period`);
    if (end !== null && (end > this.w1 || end < start)) throw new Error(`sample: a ${eventType} has an impossible end date`);
    const row: SimRow = {
      eventType,
      start,
      end,
      outcome,
      route: '',
      assessmentType: '',
      serviceType: '',
      component: '',
      mechanism: '',
      units: '',
      cost: '',
      reviewReason: '',
      accommodation: this.accommodation,
    };
    this.rows.push(row);
    return row;
  }

  request(start: Day, end: Day, outcome: EventOutcome, route: string): SimRow {
    this.lastRoute = route;
    const row = this.push('Request', start, end, outcome);
    row.route = route;
    return row;
  }

  assessment(start: Day, end: Day, outcome: EventOutcome, type: 'Long term assessment' | 'Short term assessment' = 'Long term assessment'): SimRow {
    const row = this.push('Assessment', start, end, outcome);
    row.assessmentType = type;
    return row;
  }

  review(start: Day, end: Day, outcome: EventOutcome, reason: string): SimRow {
    const row = this.push('Review', start, end, outcome);
    row.reviewReason = reason;
    return row;
  }

  /** A service row; left open (no end, no outcome) when it would end after the reporting period. */
  service(
    start: Day,
    end: Day | null,
    outcome: EventOutcome | null,
    detail: { serviceType: ServiceType; component: string; mechanism: DeliveryMechanism; units: string; cost: string },
  ): SimRow {
    const open = end === null || end > this.w1;
    const row = this.push('Service', start, open ? null : end, open ? null : outcome);
    row.serviceType = detail.serviceType;
    row.component = detail.component;
    row.mechanism = detail.mechanism;
    row.units = detail.units;
    row.cost = detail.cost;
    return row;
  }

  /** Ends an open service row on `end` with `outcome`. */
  close(row: SimRow, end: Day, outcome: EventOutcome): void {
    if (row.end !== null) return;
    if (end > this.w1 || end < row.start) throw new Error('sample: a service closed outside its dates');
    row.end = end;
    row.outcome = outcome;
  }

  /** A wait still open at the period end. */
  wait(waitingFor: WaitingFor, requestDate: Day, from = requestDate): void {
    this.waits.push({ waitingFor, requestDate: Math.min(requestDate, this.w1), from: Math.min(from, this.w1), until: null });
  }

  /** A wait that ended within the period: it puts the person on earlier months' waiting lists. */
  waited(waitingFor: WaitingFor, requestDate: Day, until: Day, from = requestDate): void {
    if (until > from) this.waits.push({ waitingFor, requestDate, from, until });
  }

  die(on: Day): void {
    this.dateOfDeath = on;
  }
}

/** Decimal text for hours or nights a week, in halves (`12`, `7.5`). */
export function unitsText(units: number): string {
  const halves = Math.max(1, Math.round(units * 2));
  return halves % 2 === 0 ? String(halves / 2) : (halves / 2).toFixed(1);
}

/** Decimal text for pounds from whole pence (`19.87`). */
export function poundsText(pence: number): string {
  const p = Math.round(pence);
  return `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`;
}
