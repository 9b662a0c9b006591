/** `npm start`'s command line: the sample's options, `--data DIR`, `--help`, and one-sentence usage errors. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStartArgs, START_HELP, UsageError } from '../../functions/local/start-options.ts';

const ROOT = '/srv/report-cards';

describe('parseStartArgs', () => {
  it('defaults to the 5,000-person sample into ROOT/out', () => {
    expect(parseStartArgs([], ROOT)).toEqual({ help: false, outDir: '/srv/report-cards/out', source: { sample: { people: 5000, seed: 1, end: '2021-11', months: 36 } } });
  });

  it('takes the sample options and --out', () => {
    expect(parseStartArgs(['--people', '300', '--seed', '4', '--end', '2022-03', '--months', '13', '--out', '/tmp/o'], ROOT)).toEqual({
      help: false,
      outDir: '/tmp/o',
      source: { sample: { people: 300, seed: 4, end: '2022-03', months: 13 } },
    });
  });

  it('takes --data DIR, resolved from the working directory', () => {
    expect(parseStartArgs(['--data', 'extracts'], ROOT)).toEqual({ help: false, outDir: '/srv/report-cards/out', source: { dataDir: path.resolve('extracts') } });
  });

  it('answers --help and -h, whatever else is given', () => {
    expect(parseStartArgs(['--help'], ROOT)).toEqual({ help: true });
    expect(parseStartArgs(['--data', 'x', '-h'], ROOT)).toEqual({ help: true });
    expect(START_HELP).toMatch(/npm start -- --data DIR/);
    expect(START_HELP).toMatch(/seeded sample/);
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--data'], '--data needs a folder, as in --data DIR'],
    [['--data', '--out', 'o'], '--data needs a folder, as in --data DIR'],
    [['--data', ''], '--data needs a folder'],
    [['--data', 'x', '--people', '300'], '--people is for the sample and cannot be used with --data'],
    [['extracts'], "unexpected argument 'extracts' (with npm, put -- before the options: npm start -- --data DIR)"],
    [['--people', 'lots'], "--people must be a whole number, not 'lots'"],
    [['--months', '0'], '--months: Too small: expected number to be >=1'],
    [['--end', '2021-13'], '--end: end must be a month written YYYY-MM'],
    [['--help=yes'], "Option '-h, --help' does not take an argument"],
  ])('%j is a usage error: %s', (args, message) => {
    let error: unknown;
    try {
      parseStartArgs(args, ROOT);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
