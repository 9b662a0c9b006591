/**
 * Run history: every stage invocation writes one record under `runs/`, so "what happened to my
 * upload?" has an answer without reading logs. Keys sort by time.
 */
import { z } from 'zod';
import { OUTPUT_PREFIXES } from '../bucket-layout.ts';

export const runRecordSchema = z.object({
  stage: z.enum(['ingest', 'render', 'distribute', 'schedule']),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  outcome: z.enum(['ok', 'rejected', 'skipped', 'partial', 'failed']),
  /** One line per thing done, for people. */
  notes: z.array(z.string()),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

export function runKey(rec: Pick<RunRecord, 'stage' | 'startedAt'>, nonce: string): string {
  const stamp = rec.startedAt.replace(/[:.]/g, '-');
  return `${OUTPUT_PREFIXES.runs}${stamp}-${rec.stage}-${nonce}.json`;
}

export function formatRun(r: RunRecord): string {
  const head = `${r.startedAt}  ${r.stage.padEnd(10)} ${r.outcome.padEnd(8)} ${r.trigger}`;
  return [head, ...r.notes.map((n) => `    ${n}`)].join('\n');
}
