/** Writes one run record per handler invocation under `runs/` (read by `report-cards history`). */
import { randomBytes } from 'node:crypto';
import { runKey, type RunRecord } from './runs.ts';
import type { Pipeline } from './pipeline.ts';

type RunDeps = Pick<Pipeline, 'store' | 'clock' | 'log'>;

export class RunLog {
  readonly notes: string[] = [];
  private readonly startedAt: string;

  constructor(
    private readonly deps: RunDeps,
    private readonly stage: RunRecord['stage'],
    private readonly trigger: string,
  ) {
    this.startedAt = deps.clock.now().toISOString();
  }

  note(line: string): void {
    this.notes.push(line);
    this.deps.log?.(`[${this.stage}] ${line}`);
  }

  /**
   * Runs one unit of work and records it, also when it throws: the failure is in the history with
   * its message, and the error still fails the invocation (so Lambda retries it or dead-letters it).
   */
  static async record<T extends { outcome: RunRecord['outcome'] }>(
    deps: RunDeps,
    stage: RunRecord['stage'],
    trigger: string,
    work: (run: RunLog) => Promise<T>,
  ): Promise<T> {
    const run = new RunLog(deps, stage, trigger);
    let result: T;
    try {
      result = await work(run);
    } catch (e) {
      run.note(`failed: ${(e as Error).message}`);
      await run.finish('failed').catch(() => undefined);
      throw e;
    }
    await run.finish(result.outcome);
    return result;
  }

  async finish(outcome: RunRecord['outcome']): Promise<RunRecord> {
    const rec: RunRecord = {
      stage: this.stage,
      trigger: this.trigger,
      startedAt: this.startedAt,
      finishedAt: this.deps.clock.now().toISOString(),
      outcome,
      notes: this.notes,
    };
    await this.deps.store.put(runKey(rec, randomBytes(4).toString('hex')), JSON.stringify(rec, null, 2), 'application/json');
    return rec;
  }
}
