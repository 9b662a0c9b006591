import { describe, expect, it } from 'vitest';
import { measuresDocumentSchema } from '../../../functions/core/measures/document.ts';
import { CATALOGUE as REAL } from '../../../functions/core/measures/catalogue/index.ts';
import { CATALOGUE, fixtureDocument, LEVELS } from './fixture-document.ts';

describe('the card fixture document', () => {
  it('is a valid measures document, the same for the same seed', () => {
    const doc = fixtureDocument();
    expect(measuresDocumentSchema.safeParse(doc).success).toBe(true);
    expect(fixtureDocument()).toEqual(doc);
    expect(fixtureDocument({ seed: 8 })).not.toEqual(doc);
  });

  it('holds every measure of the real catalogue, in its order, with its title, unit, polarity, basis and ASCOF code', () => {
    const pick = (d: { id: string; title: string; unit: string; polarity: string; basis: string; ascofCode?: string }) =>
      ({ id: d.id, title: d.title, unit: d.unit, polarity: d.polarity, basis: d.basis, ascofCode: d.ascofCode });
    expect(fixtureDocument().measures.map(pick)).toEqual(REAL.map(pick));
  });

  it('has typical levels only for measures the catalogue holds (a stale row would hide a renamed measure)', () => {
    const ids = new Set(REAL.map((d) => d.id));
    expect(Object.keys(LEVELS).filter((id) => !ids.has(id))).toEqual([]);
  });

  it("draws a measure added without a level row from its own generator, leaving every other measure's figures as they were", () => {
    const doc = fixtureDocument();
    const added = { id: 'NEW_MEASURE', title: 'A new measure', unit: 'percent', polarity: 'high', basis: 'month', level: 50, spread: 3, denom: 400, ownSeed: 99 } as const;
    const withNew = fixtureDocument({}, [CATALOGUE[0]!, added, ...CATALOGUE.slice(1)]);
    expect(withNew.measures.map((m) => m.id)).toEqual([CATALOGUE[0]!.id, 'NEW_MEASURE', ...CATALOGUE.slice(1).map((d) => d.id)]);
    expect(withNew.measures.filter((m) => m.id !== 'NEW_MEASURE')).toEqual(doc.measures);
  });
});
