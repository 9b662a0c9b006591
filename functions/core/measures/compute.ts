/**
 * The measures engine: prepares the events once (duplicates, person index, covered months,
 * population), runs every catalogue entry in catalogue order, then adds what goes around each
 * measure. Pure: same inputs, same document.
 */
import { financialYearOf, isoOf } from '../calendar/days.ts';
import type { MeasureInputs } from '../uploads/parsed.ts';
import { aroundMeasure, lookupsFromInputs } from './around.ts';
import { CATALOGUE, type MeasureDefinition } from './catalogue/index.ts';
import { buildContext } from './context.ts';
import type { MeasureResult, MeasuresDocument, SeriesPoint } from './document.ts';
import type { SpcSettings } from './spc.ts';

/** An ASCOF measure's financial-year figures: the 12 months to March are the year (rolling12); March's end is its snapshot. */
function financialYears(series: SeriesPoint[]): NonNullable<MeasureResult['annual']> {
  return series
    .filter((p) => p.month.endsWith('-03'))
    .map((p) => ({ year: financialYearOf(p.month), value: p.value, numerator: p.numerator, denominator: p.denominator, reason: p.reason }));
}

export function computeMeasures(
  inputs: MeasureInputs,
  settings: SpcSettings = {},
  catalogue: readonly MeasureDefinition[] = CATALOGUE,
): MeasuresDocument {
  const ctx = buildContext(inputs);
  const lookups = lookupsFromInputs(inputs);
  const measures: MeasureResult[] = catalogue.map((definition) => {
    const { series, breakdowns = {} } = definition.compute(ctx);
    const core = { id: definition.id, unit: definition.unit, polarity: definition.polarity, basis: definition.basis, series, breakdowns };
    return {
      id: definition.id,
      title: definition.title,
      unit: definition.unit,
      polarity: definition.polarity,
      basis: definition.basis,
      definition: definition.definition,
      whyItMatters: definition.whyItMatters,
      ...(definition.ascofCode === undefined ? {} : { ascofCode: definition.ascofCode, annual: financialYears(series) }),
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
