/** The project: stream-validate the events and population uploads, then compute every measure. */
import { createReadStream } from 'node:fs';
import { validateUpload } from '../../functions/core/uploads/validate-upload.ts';
import { computeMeasures } from '../../functions/core/measures/compute.ts';

export async function run([eventsPath, populationPath]: string[]): Promise<Record<string, unknown>> {
  const events = await validateUpload('events', createReadStream(eventsPath), { fileName: eventsPath });
  const population = await validateUpload('population', createReadStream(populationPath), { fileName: populationPath });
  if (!events.data || !population.data) {
    throw new Error(`benchmark input rejected: ${events.errors[0]?.message ?? population.errors[0]?.message}`);
  }
  const parsedAt = performance.now();
  const doc = computeMeasures({ events: events.data, population: population.data });
  return {
    rows: events.rows,
    measures: doc.measures.length,
    months: doc.measures[0]?.series.length ?? 0,
    measuresSeconds: (performance.now() - parsedAt) / 1000,
  };
}
