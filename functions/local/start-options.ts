/**
 * `npm start`'s command line (cli.md, "npm start"): the seeded sample by default, or the officer's
 * own files with `--data DIR`. Every mistake is a UsageError whose message is one sentence; the
 * runner prints it and exits 2, never a stack trace.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SAMPLE_ARGS, sampleOptionsOf } from '../core/sample/index.ts';
import { UPLOAD_ORDER } from './officer-files.ts';

export const START_HELP = `Usage: npm start [-- --people N] [-- --seed N] [-- --end YYYY-MM] [-- --months N] [-- --out DIR]
       npm start -- --data DIR [--out DIR]

Runs the whole pipeline on local S3, SES and DynamoDB servers (127.0.0.1, no AWS account): each
upload is put into the bucket through the S3 API, each S3 event drives the next stage as in AWS,
every version is approved and each pack's distribution day is run with a frozen clock.

Without --data it uses a seeded sample council:
  --people N       people in contact over the window (default 5000)
  --seed N         random seed, a whole number (default 1)
  --end YYYY-MM    last month of the reporting period (default 2021-11)
  --months N       months in the reporting period, 1 to 120 (default 36)

With --data DIR it uses your own files instead: every file in DIR whose name starts with an
upload kind (${UPLOAD_ORDER.join(', ')}; any case), CSV or .xlsx,
e.g. events-2021-11.csv or waiting.xlsx. Reference files go first, the events extract last, as
in the sample. A rejected file gets its rejection email; the accepted ones produce the packs.

  --out DIR        where results go (default out/): mail/*.eml (every email SES accepted),
                   reports/*.pdf, runs/ (npx report-cards history)

Exit codes: 0 done, 1 an upload was rejected or a stage failed, 2 usage error.`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type StartSource = { sample: { people: number; seed: number; end: string; months: number } } | { dataDir: string };

export type StartCommand = { help: true } | { help: false; outDir: string; source: StartSource };

const SAMPLE_OPTIONS = Object.keys(SAMPLE_ARGS) as (keyof typeof SAMPLE_ARGS)[];

/** parseArgs' own messages name the option; this keeps their first sentence, without the hints. */
function parseMessage(e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  if (/'--data\b/.test(message)) return '--data needs a folder, as in --data DIR';
  return message.replace(/\.(\s.*)?$/, '');
}

export function parseStartArgs(args: string[], root: string): StartCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    throw new UsageError(parseMessage(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  // npm keeps options typed before its own `--` (npm start --data x): the script sees only `x`.
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' (with npm, put -- before the options: npm start -- --data DIR)`);
  const outDir = path.resolve(values.out ?? path.join(root, 'out'));
  if (values.data !== undefined) {
    if (values.data.trim() === '') throw new UsageError('--data needs a folder');
    const sampleOnly = SAMPLE_OPTIONS.find((o) => values[o] !== undefined);
    if (sampleOnly) throw new UsageError(`--${sampleOnly} is for the sample and cannot be used with --data`);
    return { help: false, outDir, source: { dataDir: path.resolve(values.data) } };
  }
  const sample = sampleOptionsOf(values, { people: 5000 });
  if ('problems' in sample) throw new UsageError(sample.problems[0]!);
  const { people, seed, end, months } = sample.options;
  return { help: false, outDir, source: { sample: { people, seed, end, months } } };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: { help: { type: 'boolean', short: 'h' }, data: { type: 'string' }, out: { type: 'string' }, ...SAMPLE_ARGS },
    allowPositionals: true,
    strict: true,
  });
}
