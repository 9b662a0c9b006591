import { describe, expect, it } from 'vitest';
import { measuresDocumentSchema } from '../../../functions/core/measures/document.ts';
import { CATALOGUE as REAL } from '../../../functions/core/measures/catalogue/index.ts';
import { CATALOGUE, fixtureDocument } from './fixture-document.ts';

describe('the card fixture document', () => {
  it('is a valid measures document, the same for the same seed', () => {
    const doc = fixtureDocument();
    expect(measuresDocumentSchema.safeParse(doc).success).toBe(true);
    expect(fixtureDocument()).toEqual(doc);
    expect(fixtureDocument({ seed: 8 })).not.toEqual(doc);
  });

  it('mirrors the real catalogue: the same ids, order, units, polarities and bases', () => {
    const pick = (d: { id: string; unit: string; polarity: string; basis: string }) => ({ id: d.id, unit: d.unit, polarity: d.polarity, basis: d.basis });
    expect(CATALOGUE.map(pick)).toEqual(REAL.map(pick));
  });
});
