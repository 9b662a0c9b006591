/**
 * `writeSample`: the whole set of sample uploads (cli.md `sample`) written to a directory.
 * The events file is streamed person by person; the waiting list and the home care hours are
 * gathered on the way, so the snapshot files agree with the extract. Same options, same bytes.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { benchmarksCsv } from './benchmarks.ts';
import { commentaryCsv } from './commentary.ts';
import { csvLine } from './csv.ts';
import { EVENTS_HEADER, extractRows, personLines, samplePeople } from './events.ts';
import { financeCsv } from './finance.ts';
import { populationCsv } from './population.ts';
import { providersCsv } from './providers.ts';
import { targetsCsv } from './targets.ts';
import { waitingCsv, waitingEntries, type WaitingEntry } from './waiting.ts';
import { worldOf, type SampleOptions, type World } from './world.ts';

/** File names in the order `writeSample` returns them. */
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

/** Writes the sample's files into `dir` (created if need be) and returns their paths. */
export async function writeSample(dir: string, options: SampleOptions = {}): Promise<string[]> {
  const world = worldOf(options);
  await mkdir(dir, { recursive: true });
  const paths = SAMPLE_FILES.map((f) => path.join(dir, f));
  const { waiting, homeCareHours } = await writeEvents(world, paths[0]);
  const others = [
    populationCsv(world),
    targetsCsv(world),
    benchmarksCsv(world),
    waitingCsv(world, waiting),
    financeCsv(world),
    providersCsv(world, homeCareHours),
    commentaryCsv(world),
  ];
  await Promise.all(others.map((text, i) => writeFile(paths[i + 1], text, 'utf8')));
  return paths;
}

async function writeEvents(world: World, file: string): Promise<{ waiting: WaitingEntry[]; homeCareHours: number }> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const waiting: WaitingEntry[] = [];
  let homeCareHours = 0;
  let chunk = csvLine(EVENTS_HEADER);
  let reference = 1;
  let index = 0;
  for (const sim of samplePeople(world)) {
    const lines = personLines(world, sim, reference);
    reference += lines.length;
    for (const line of lines) chunk += line;
    waiting.push(...waitingEntries(sim, index++));
    for (const r of extractRows(world, sim)) {
      if (r.end === null && r.component === 'Home support or domiciliary care') homeCareHours += Number(r.units);
    }
    // Write in chunks of about 1 MB: one write per line would be slow, one per file too big.
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return { waiting, homeCareHours };
}
