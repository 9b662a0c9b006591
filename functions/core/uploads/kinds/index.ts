/** Every upload kind's definition, by kind (parsed.ts UPLOAD_KINDS). */
import type { ParsedUpload } from '../validate-upload.ts';
import { events } from './events.ts';
import type { KindDefinition } from './kind.ts';
import { population } from './population.ts';

export const KINDS: { [K in keyof ParsedUpload]?: KindDefinition<ParsedUpload[K]> } = {
  events,
  population,
};
