/**
 * Property: on small random uploads crowded onto the boundaries of measures.md, the engine and
 * the naive reference agree on every field of every event measure. fast-check shrinks any
 * disagreement to a minimal upload.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMeasures } from '../../functions/core/measures/compute.ts';
import { differences } from './compare.ts';
import { eventsArb, populationArb } from './random-events.ts';
import { referenceEventMeasures } from './reference/index.ts';

describe('engine against reference on random boundary uploads', () => {
  it('agrees on every field', () => {
    fc.assert(
      fc.property(eventsArb, populationArb, (events, population) => {
        expect(differences(computeMeasures({ events, population }), referenceEventMeasures(events, population)).slice(0, 10)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
