/**
 * ingest: an upload arrived (S3 ObjectCreated under an upload prefix). Each version the event
 * names is judged, recorded and, when accepted, recomputes the measures (core/pipeline/ingest-upload.ts).
 */
import { pipelineOf, type PipelineDeps } from '../adapters/pipeline.ts';
import { ingestUpload } from '../core/pipeline/ingest-upload.ts';
import { parseS3Event } from '../core/pipeline/s3-event.ts';

export function createIngest(deps: PipelineDeps) {
  return async (event: unknown): Promise<{ processed: number }> => {
    const pipeline = pipelineOf(deps);
    let processed = 0;
    for (const ref of parseS3Event(event)) if (await ingestUpload(pipeline, ref)) processed++;
    return { processed };
  };
}
