/**
 * bounces: SES (configuration set → SNS) reports a bounce or complaint. A permanent bounce or a
 * complaint puts each affected address on the suppression list, which every send checks
 * (core/pipeline/deliver.ts); anything else is logged and ignored. A notification that is not
 * what SES publishes fails the invocation, so it ends in the failure queue (alarmed), not lost.
 * Logs carry counts and reasons, not addresses.
 */
import { feedbackOf, sesMessagesOf } from '../core/pipeline/suppression.ts';
import type { SuppressionList } from '../core/pipeline/ports.ts';

export interface BouncesDeps {
  suppressions: SuppressionList;
  log?: (line: string) => void;
}

export interface BouncesResult {
  /** Addresses newly put on the list. */
  added: number;
  /** Addresses the notifications named that were already on it (a redelivery, or a second bounce). */
  alreadyListed: number;
  /** Notifications that suppress no one (transient bounces, deliveries, rejects), with why. */
  ignored: string[];
}

export function createBounces(deps: BouncesDeps) {
  return async (event: unknown): Promise<BouncesResult> => {
    const result: BouncesResult = { added: 0, alreadyListed: 0, ignored: [] };
    for (const { snsMessageId, notification } of sesMessagesOf(event)) {
      const feedback = feedbackOf(notification);
      if (feedback.ignored) {
        result.ignored.push(feedback.ignored);
        deps.log?.(`SNS message ${snsMessageId}: ${feedback.ignored}`);
        continue;
      }
      for (const entry of feedback.entries) {
        if (await deps.suppressions.add(entry)) result.added += 1;
        else result.alreadyListed += 1;
      }
      deps.log?.(`SNS message ${snsMessageId}: ${feedback.entries.length} address(es) suppressed for ${feedback.entries[0]?.reason}`);
    }
    return result;
  };
}
