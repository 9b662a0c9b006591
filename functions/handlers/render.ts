/**
 * render: `measures/<period>.json` was written. Every ready pack is rendered to a PDF and its
 * manifest (core/pipeline/render-packs.ts); the manifest triggers distribute.
 */
import { pipelineOf, type PipelineDeps } from '../adapters/pipeline.ts';
import { renderPacks } from '../core/pipeline/render-packs.ts';
import { parseS3Event } from '../core/pipeline/s3-event.ts';

export function createRender(deps: PipelineDeps) {
  return async (event: unknown): Promise<{ rendered: string[] }> => {
    const pipeline = pipelineOf(deps);
    const rendered: string[] = [];
    for (const ref of parseS3Event(event)) rendered.push(...(await renderPacks(pipeline, ref.key)));
    return { rendered };
  };
}
