/**
 * schedule: fired every working-day morning (EventBridge Scheduler, Europe/London); whether a
 * pack is due or it is the reminder day is decided in code (core/pipeline/working-day.ts).
 */
import { pipelineOf, type PipelineDeps } from '../adapters/pipeline.ts';
import { workingDayCheck, type WorkingDayResult } from '../core/pipeline/working-day.ts';

export function createSchedule(deps: PipelineDeps) {
  return (_event: unknown = {}): Promise<WorkingDayResult> => workingDayCheck(pipelineOf(deps));
}
