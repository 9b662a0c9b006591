/**
 * The measures engine: prepares the events once (duplicates, person index, covered months,
 * population), runs every catalogue entry in catalogue order, then adds what goes around each
 * measure. Pure: same inputs, same document.
 */
import { isoOf } from '../calendar/days.ts';
import type { MeasureInputs } from '../uploads/parsed.ts';
import { aroundMeasure, lookupsFromInputs } from './around.ts';
import { CATALOGUE, type MeasureDefinition } from './catalogue/index.ts';
import { buildContext } from './context.ts';
import type { MeasureResult, MeasuresDocument } from './document.ts';
import type { SpcSettings } from './spc.ts';

export function computeMeasures(
  inputs: MeasureInputs,
  settings: SpcSettings = {},
  catalogue: readonly MeasureDefinition[] = CATALOGUE,
): MeasuresDocument {
  const ctx = buildContext(inputs);
  const lookups = lookupsFromInputs(inputs);
  const measures: MeasureResult[] = catalogue.map((definition) => {
    const { series, breakdowns = {} } = definition.compute(ctx);
    const core = { id: definition.id, polarity: definition.polarity, basis: definition.basis, series, breakdowns };
    return {
      id: definition.id,
      title: definition.title,
      unit: definition.unit,
      polarity: definition.polarity,
      basis: definition.basis,
      definition: definition.definition,
      whyItMatters: definition.whyItMatters,
      ...(definition.ascofCode === undefined ? {} : { ascofCode: definition.ascofCode }),
      series,
      breakdowns,
      ...aroundMeasure(core, lookups, ctx.period, settings),
    };
  });
  return {
    schemaVersion: 1,
    laCode: ctx.laCode,
    period: ctx.period,
    dataAsAt: isoOf(ctx.periodEnd),
    measures,
  };
}
