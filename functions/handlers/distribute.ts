/**
 * distribute: a manifest was written (a new pack version exists). It goes as a preview to the
 * pack's performance team (core/pipeline/preview-pack.ts); the board gets it from the schedule.
 */
import { pipelineOf, type PipelineDeps } from '../adapters/pipeline.ts';
import { previewVersion } from '../core/pipeline/preview-pack.ts';
import { parseS3Event } from '../core/pipeline/s3-event.ts';

export function createDistribute(deps: PipelineDeps) {
  return async (event: unknown): Promise<{ sent: number; undelivered: number }> => {
    const pipeline = pipelineOf(deps);
    const total = { sent: 0, undelivered: 0 };
    for (const ref of parseS3Event(event)) {
      const r = await previewVersion(pipeline, ref.key);
      total.sent += r.sent;
      total.undelivered += r.undelivered;
    }
    return total;
  };
}
