/** Every upload kind's definition, by kind (parsed.ts UPLOAD_KINDS). */
import type { ParsedUpload } from '../validate-upload.ts';
import { benchmarks } from './benchmarks.ts';
import { commentary } from './commentary.ts';
import { events } from './events.ts';
import { finance } from './finance.ts';
import type { KindDefinition } from './kind.ts';
import { population } from './population.ts';
import { providers } from './providers.ts';
import { targets } from './targets.ts';
import { waiting } from './waiting.ts';

export const KINDS: { [K in keyof ParsedUpload]: KindDefinition<ParsedUpload[K]> } = {
  events,
  waiting,
  finance,
  providers,
  population,
  targets,
  benchmarks,
  commentary,
};
