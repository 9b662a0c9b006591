/**
 * `report-cards measures` (cli.md): validates every input named by option (through the loader
 * `render` shares, so both accept and reject the same files), and when all are accepted prints
 * the measures document as JSON (2-space indent) on stdout. Exit 0 done, 1 an input was rejected
 * (its problems on stderr, as `validate` prints them), 2 usage error or a file that cannot be read.
 */
import { parseArgs } from 'node:util';
import { computeMeasures } from '../../core/measures/compute.ts';
import { PERIOD_KIND } from '../../core/uploads/kinds/index.ts';
import { INPUT_HELP, INPUT_OPTIONS, inputUsage, loadInputs } from '../load-inputs.ts';

export const help = `${inputUsage('Usage: report-cards measures')}

Validates every input and computes every measure of measures.md for every month the events
extract covers; prints one JSON document on stdout.

${INPUT_HELP}
  --run-length N      SPC: points on one side of the mean that make a run (default 7)
  --trend-length N    SPC: points rising or falling that make a trend (default 7)

Exit codes: 0 done, 1 an input was rejected (errors on stderr), 2 usage error.`;

function usage(message: string): number {
  process.stderr.write(`report-cards measures: ${message}\n\n${help}\n`);
  return 2;
}

function positiveInteger(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  return /^[1-9]\d*$/.test(text) ? Number(text) : null;
}

export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { ...INPUT_OPTIONS, 'run-length': { type: 'string' }, 'trend-length': { type: 'string' } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
  if (typeof values[PERIOD_KIND] !== 'string') return usage(`--${PERIOD_KIND} FILE is required`);
  const runLength = positiveInteger(values['run-length'] as string | undefined);
  const trendLength = positiveInteger(values['trend-length'] as string | undefined);
  if (runLength === null || trendLength === null) return usage('--run-length and --trend-length take a whole number ≥ 1');

  const loaded = await loadInputs('measures', values);
  if (!loaded.ok) return loaded.exitCode;
  process.stdout.write(`${JSON.stringify(computeMeasures(loaded.inputs, { runLength, trendLength }), null, 2)}\n`);
  return 0;
}
