/**
 * `sampleFiles`: the whole set of sample uploads (cli.md `sample`) as texts, for
 * adapters/sample-files.ts to write (core does no I/O). The events extract is generated lazily,
 * person by person, in pieces of about 1 MB, so a full-size file never sits in memory; the waiting
 * list and the home care hours are gathered on the way, so the snapshot files agree with the
 * extract. Same options, same bytes.
 */
import { monthEnd } from '../calendar/days.ts';
import { benchmarksCsv } from './benchmarks.ts';
import { commentaryCsv } from './commentary.ts';
import { csvLine } from './csv.ts';
import { EVENTS_HEADER, extractRows, personLines, samplePeople } from './events.ts';
import { financeCsv } from './finance.ts';
import { populationCsv } from './population.ts';
import { providersCsv } from './providers.ts';
import { targetsCsv } from './targets.ts';
import { waitingCsv, waitingEntries, type WaitingEntry } from './waiting.ts';
import { snapshotMonths, worldOf, type SampleOptions, type World } from './world.ts';

/** File names in the order `sampleFiles` returns them. */
export const SAMPLE_FILES = [
  'events.csv',
  'population.csv',
  'targets.csv',
  'benchmarks.csv',
  'waiting.csv',
  'finance.csv',
  'providers.csv',
  'commentary.csv',
] as const;
export type SampleFileName = (typeof SAMPLE_FILES)[number];

export interface SampleFile {
  fileName: SampleFileName;
  /** The file's text in pieces; joined, they are the whole file (UTF-8 when written). */
  chunks: Iterable<string>;
}

/** What the snapshot files take from the people the events extract was written from. */
interface Gathered {
  waiting: WaitingEntry[];
  /** Home support hours open at the end of each snapshot month. */
  homeCareHours: number[];
}

/**
 * The sample's files, in SAMPLE_FILES order. Written one after another, events first, each person
 * is simulated once. Every `chunks` may be read again, or out of order: reading waiting.csv or
 * providers.csv before the events have been read through costs a second pass, never other bytes.
 */
export function sampleFiles(options: SampleOptions = {}): SampleFile[] {
  const world = worldOf(options);
  let gathered: Gathered | undefined;
  const events: Iterable<string> = {
    *[Symbol.iterator]() {
      const g: Gathered = { waiting: [], homeCareHours: snapshotMonths(world).map(() => 0) };
      yield* eventsChunks(world, g);
      gathered = g;
    },
  };
  const snapshot = (): Gathered => {
    // Reading the events through is what fills `gathered`.
    if (!gathered) for (const _ of events) continue;
    return gathered!;
  };
  const text = (make: () => string): Iterable<string> => ({ *[Symbol.iterator]() { yield make(); } });
  const texts: Record<Exclude<SampleFileName, 'events.csv'>, () => string> = {
    'population.csv': () => populationCsv(world),
    'targets.csv': () => targetsCsv(world),
    'benchmarks.csv': () => benchmarksCsv(world),
    'waiting.csv': () => waitingCsv(world, snapshot().waiting),
    'finance.csv': () => financeCsv(world),
    'providers.csv': () => providersCsv(world, snapshot().homeCareHours),
    'commentary.csv': () => commentaryCsv(world),
  };
  return SAMPLE_FILES.map((fileName) => ({ fileName, chunks: fileName === 'events.csv' ? events : text(texts[fileName]) }));
}

/** The events extract in pieces of about 1 MB (one per line would be slow to write, one per file too big). */
function* eventsChunks(world: World, gathered: Gathered): Generator<string> {
  const ends = snapshotMonths(world).map(monthEnd);
  let chunk = csvLine(EVENTS_HEADER);
  let reference = 1;
  let index = 0;
  for (const sim of samplePeople(world)) {
    const lines = personLines(world, sim, reference);
    reference += lines.length;
    for (const line of lines) chunk += line;
    gathered.waiting.push(...waitingEntries(sim, index++));
    for (const r of extractRows(world, sim)) {
      if (r.component !== 'Home support or domiciliary care') continue;
      // Open at a month end: started by then and not ended by it (at the last month end, still open).
      ends.forEach((end, i) => {
        if (r.start <= end && (r.end === null || r.end > end)) gathered.homeCareHours[i] += Number(r.units);
      });
    }
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}
