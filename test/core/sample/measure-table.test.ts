/** The sample's table of measures (targets, benchmarks) matches the measures catalogue. */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../functions/core/measures/catalogue/index.ts';
import { SAMPLE_MEASURES } from '../../../functions/core/sample/measure-table.ts';

describe('sample measure table', () => {
  it('lists every catalogue measure, in catalogue order, with its basis and polarity', () => {
    expect(SAMPLE_MEASURES.map((m) => [m.id, m.basis, m.polarity])).toEqual(CATALOGUE.map((m) => [m.id, m.basis, m.polarity]));
  });
});
