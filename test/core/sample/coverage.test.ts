/**
 * The sample exercises what the measures read (measures.md): every service type, client type,
 * event type and delivery mechanism; the outcomes each measure tests for; long term support that
 * began before the reporting period; open services; respite (short) and 12-week-disregard care
 * home rows that are not admissions; deaths; settled and unsettled accommodation; people under
 * 18 at a request (transitions).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '../../../functions/core/calendar/days.ts';
import {
  CLIENT_TYPES,
  DELIVERY_MECHANISMS,
  EVENT_OUTCOMES,
  EVENT_TYPES,
  SERVICE_TYPES,
  SETTLED_ACCOMMODATION,
  foldLabel,
} from '../../../functions/core/uploads/code-lists.ts';
import type { EventsData } from '../../../functions/core/uploads/parsed.ts';
import { sampleBytes, validateAll } from './fixture.ts';

let events: EventsData;

beforeAll(async () => {
  events = (await validateAll(sampleBytes({ seed: 2, people: 3000 }))).events.data!;
});

const distinct = <T>(pick: (e: EventsData['events'][number]) => T | null) =>
  new Set(events.events.map(pick).filter((v) => v !== null));

describe('sample coverage', () => {
  it('uses every event type, client type, service type and delivery mechanism', () => {
    expect([...distinct((e) => e.eventType)].sort()).toEqual([...EVENT_TYPES].sort());
    expect([...distinct((e) => e.clientType)].sort()).toEqual([...CLIENT_TYPES].sort());
    expect([...distinct((e) => e.serviceType)].sort()).toEqual([...SERVICE_TYPES].sort());
    expect([...distinct((e) => e.deliveryMechanism)].sort()).toEqual([...DELIVERY_MECHANISMS].sort());
    expect([...distinct((e) => e.assessmentType)].sort()).toEqual(['Long term assessment', 'Short term assessment']);
  });

  it('uses every outcome', () => {
    expect([...distinct((e) => e.outcome)].sort()).toEqual([...EVENT_OUTCOMES].sort());
  });

  it('holds long term support that began before the reporting period, and open services', () => {
    const lts = events.events.filter((e) => e.serviceType?.startsWith('Long term support:'));
    expect(lts.some((e) => e.start < events.reportingPeriodStart)).toBe(true);
    expect(lts.some((e) => e.end === null)).toBe(true);
    // Nothing ends before the period (the extract holds events of the period and what is open in it).
    expect(events.events.every((e) => e.end === null || e.end >= events.reportingPeriodStart)).toBe(true);
  });

  it('holds care home rows that are not permanent admissions: respite and the 12-week disregard', () => {
    const residential = events.events.filter((e) => e.serviceType === 'Long term support: Residential care');
    expect(residential.some((e) => e.serviceComponent?.toLowerCase().startsWith('short'))).toBe(true);
    expect(events.events.some((e) => e.outcome === 'NFA: Self-funded client or under 12wk disregard' && e.eventType === 'Service')).toBe(true);
  });

  it('holds deaths, people under 18 at a request, and both settled and unsettled accommodation', () => {
    expect(events.persons.some((p) => p.dateOfDeath !== null)).toBe(true);
    const requests = events.events.filter((e) => e.eventType === 'Request');
    expect(requests.some((e) => ageOn(events.persons[e.person].dateOfBirth, e.end!) < 18)).toBe(true);
    const statuses = distinct((e) => e.accommodationStatus);
    expect([...statuses].some((s) => SETTLED_ACCOMMODATION.has(foldLabel(s)))).toBe(true);
    expect([...statuses].some((s) => !SETTLED_ACCOMMODATION.has(foldLabel(s)))).toBe(true);
    expect(events.events.some((e) => e.accommodationStatus === null)).toBe(true);
  });

  it('gives each person one date of birth and rows only of their own client type', () => {
    const types = new Map<number, Set<string>>();
    for (const e of events.events) {
      const s = types.get(e.person) ?? new Set<string>();
      s.add(e.clientType);
      types.set(e.person, s);
    }
    expect([...types.values()].every((s) => s.size === 1)).toBe(true);
  });
});
