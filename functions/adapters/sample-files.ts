/**
 * Writes the sample uploads (core/sample/sample-files.ts) into a folder: `report-cards sample`,
 * `npm start`, the bench and the tests. Each file is streamed piece by piece with backpressure, so
 * a full-size events extract is never held in memory here either.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { sampleFiles } from '../core/sample/sample-files.ts';
import type { SampleOptions } from '../core/sample/world.ts';

/** Writes the sample's files into `dir` (created if need be) and returns their paths, in SAMPLE_FILES order. */
export async function writeSample(dir: string, options: SampleOptions = {}): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  // One after another, events first: the snapshot files are gathered while the events are written.
  for (const { fileName, chunks } of sampleFiles(options)) {
    const file = path.join(dir, fileName);
    await writeChunks(file, chunks);
    paths.push(file);
  }
  return paths;
}

async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  // events.once rejects on the stream's 'error', so a failed open or write surfaces here.
  for (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
