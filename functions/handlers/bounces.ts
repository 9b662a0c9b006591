/**
 * bounces: SES (configuration set → SNS) reports a bounce or complaint. A permanent bounce or a
 * complaint puts each affected address on the suppression list, which every send checks
 * (core/pipeline/deliver.ts); anything else is logged and ignored (core/pipeline/suppression.ts).
 * A notification that is not what SES publishes fails the invocation, so it ends in the failure
 * queue (alarmed), not lost. Logs carry counts and reasons, not addresses.
 */
import { suppressFromFeedback, type BouncesDeps, type BouncesResult } from '../core/pipeline/suppression.ts';

export type { BouncesDeps, BouncesResult };

export function createBounces(deps: BouncesDeps) {
  return (event: unknown): Promise<BouncesResult> => suppressFromFeedback(deps, event);
}
