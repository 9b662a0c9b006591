/**
 * The sample's options as both command lines type them (`report-cards sample` and `npm start`,
 * cli.md): the same option names, the same whole-number rule and the same one-sentence problems,
 * from one place.
 */
import { sampleOptionsSchema, type ResolvedOptions, type SampleOptions } from './world.ts';

/** node:util parseArgs' configuration of the sample's options (each read as text). */
export const SAMPLE_ARGS = {
  people: { type: 'string' },
  seed: { type: 'string' },
  end: { type: 'string' },
  months: { type: 'string' },
} as const;

export type SampleArgs = { [K in keyof typeof SAMPLE_ARGS]?: string };

/**
 * The sample's options from their text, absent ones taken from `defaults` and then from
 * sampleOptionsSchema; or the problems, each a sentence naming its option (one for the first
 * option that is not a whole number, else one per schema issue).
 */
export function sampleOptionsOf(args: SampleArgs, defaults: SampleOptions = {}): { options: ResolvedOptions } | { problems: string[] } {
  const given: SampleOptions = { ...defaults };
  for (const name of ['people', 'seed', 'months'] as const) {
    const text = args[name];
    if (text === undefined) continue;
    if (!/^\d+$/.test(text.trim())) return { problems: [`--${name} must be a whole number, not '${text}'`] };
    given[name] = Number(text.trim());
  }
  if (args.end !== undefined) given.end = args.end;
  const checked = sampleOptionsSchema.safeParse(given);
  if (checked.success) return { options: checked.data };
  return { problems: checked.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`) };
}
