/**
 * A catalogue entry: everything about a measure as data, plus the function computing its
 * series from the prepared context. Adding a measure = one entry and its test.
 */
import type { UploadKind } from '../../uploads/kinds/index.ts';
import type { MeasureContext } from '../context.ts';
import type { SeriesPoint } from '../document.ts';
import type { BASES, POLARITIES, UNITS } from '../document.ts';

export type Unit = (typeof UNITS)[number];
export type Polarity = (typeof POLARITIES)[number];
export type MeasureBasis = (typeof BASES)[number];

export interface ComputedSeries {
  series: SeriesPoint[];
  breakdowns?: Record<string, SeriesPoint[]>;
}

export interface MeasureDefinition {
  id: string;
  title: string;
  /** Plain English a board member understands. */
  definition: string;
  whyItMatters: string;
  /** The national ASCOF code, for measures computed by DHSC's method (ascof/METHOD.md). */
  ascofCode?: string;
  unit: Unit;
  polarity: Polarity;
  basis: MeasureBasis;
  breakdowns?: readonly string[];
  /**
   * The upload kinds `compute` reads (the events extract, which sets the period, included where
   * it is read). A pack waits for every kind its measures read (cards/pack-requires.ts);
   * test/core/measures/catalogue/reads.test.ts checks each list is exact.
   */
  reads: readonly UploadKind[];
  compute(ctx: MeasureContext): ComputedSeries;
}
