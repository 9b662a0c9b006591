/**
 * `report-cards sample --out DIR [--seed N] [--people N] [--end YYYY-MM] [--months N]` (cli.md):
 * writes a deterministic, realistic set of uploads and prints each path. Exit 0 done, 2 usage
 * error (bad or missing options, or a directory that cannot be written).
 */
import { parseArgs } from 'node:util';
import { writeSample } from '../../adapters/sample-files.ts';
import { SAMPLE_ARGS, sampleOptionsOf, type SampleArgs } from '../../core/sample/index.ts';

export const help = `Usage: report-cards sample --out DIR [--seed N] [--people N] [--end YYYY-MM] [--months N]

Writes a seeded, realistic set of uploads for a council of about N people in contact with adult
social care (orders of magnitude of Rotherham, about 210,000 adults at the default size):
DIR/events.csv, population.csv, targets.csv, benchmarks.csv, waiting.csv, finance.csv,
providers.csv and commentary.csv. The same options always give the same bytes.

  --out DIR        directory to write (created if need be)
  --seed N         random seed, a whole number (default 1)
  --people N       people in contact over the window (default 20000)
  --end YYYY-MM    last month of the reporting period; the snapshot files are for it (default 2021-11)
  --months N       months in the reporting period, 1 to 120 (default 36)

Exit codes: 0 done, 2 usage error.`;

function usage(message: string): number {
  process.stderr.write(`report-cards sample: ${message}\n\n${help}\n`);
  return 2;
}

export async function run(args: string[]): Promise<number> {
  let values: { out?: string } & SampleArgs;
  try {
    ({ values } = parseArgs({ args, options: { out: { type: 'string' }, ...SAMPLE_ARGS }, allowPositionals: false, strict: true }));
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
  if (!values.out) return usage('--out DIR is required');
  const sample = sampleOptionsOf(values);
  if ('problems' in sample) return usage(sample.problems.join('; '));
  let paths: string[];
  try {
    paths = await writeSample(values.out, sample.options);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return usage(`cannot write to ${values.out}: ${err.code ?? err.message}`);
  }
  process.stdout.write(`${paths.join('\n')}\n`);
  return 0;
}
