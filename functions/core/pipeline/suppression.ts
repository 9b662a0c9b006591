/**
 * From SES feedback to suppression entries. SES publishes bounces and complaints of the
 * configuration set to SNS (event publishing: `eventType`); identity notifications use
 * `notificationType` instead, with the same `bounce`/`complaint` objects, so both are read.
 * Only a permanent bounce or a complaint suppresses: a transient bounce (mailbox full, out of
 * office) or an undetermined one says nothing lasting about the address, and a Reject is about the
 * message (a virus), not the recipient. SES may add fields at any time, so objects are loose.
 */
import { z } from 'zod';
import type { SuppressionEntry, SuppressionList } from './ports.ts';

export const SUPPRESSION_PREFIX = 'suppression#';

/** The ledger key of an address's suppression item (case-folded, like the send keys). */
export function suppressionKey(address: string): string {
  return `${SUPPRESSION_PREFIX}${address.trim().toLowerCase()}`;
}

export class NotificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotificationError';
  }
}

/** SNS → Lambda: one record per message; the SES notification is the JSON string `Sns.Message`. */
const snsEventSchema = z.object({
  Records: z
    .array(
      z.looseObject({
        EventSource: z.literal('aws:sns'),
        Sns: z.looseObject({ MessageId: z.string(), Message: z.string() }),
      }),
    )
    .min(1),
});

/** `Name <a@b>` or `a@b` → `a@b`, lower-cased, and a real address. */
const address = z
  .string()
  .transform((v) => (/<([^<>]+)>\s*$/.exec(v)?.[1] ?? v).trim().toLowerCase())
  .pipe(z.email());

const mailSchema = z.looseObject({ messageId: z.string().min(1), timestamp: z.string() });

const bounceSchema = z.looseObject({
  bounceType: z.string(),
  bounceSubType: z.string(),
  bouncedRecipients: z
    .array(z.looseObject({ emailAddress: address, status: z.string().nullish(), diagnosticCode: z.string().nullish() }))
    .min(1),
  timestamp: z.string(),
  feedbackId: z.string(),
});

const complaintSchema = z.looseObject({
  complainedRecipients: z.array(z.looseObject({ emailAddress: address })).min(1),
  timestamp: z.string(),
  feedbackId: z.string(),
  complaintFeedbackType: z.string().nullish(),
  complaintSubType: z.string().nullish(),
});

const typeSchema = z.looseObject({ eventType: z.string().optional(), notificationType: z.string().optional() });

export interface FeedbackOutcome {
  /** The addresses to suppress (empty when the notification does not suppress anyone). */
  entries: SuppressionEntry[];
  /** Why nothing is suppressed, for the log; null when `entries` is the answer. */
  ignored: string | null;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new NotificationError(`${what} is not JSON: ${(e as Error).message}`);
  }
}

function strict<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new NotificationError(`${what} is not what SES publishes:\n${z.prettifyError(r.error)}`);
  return r.data;
}

/** The SES notifications carried by an SNS event (one per record). */
export function sesMessagesOf(event: unknown): { snsMessageId: string; notification: unknown }[] {
  const e = strict(snsEventSchema, event, 'The SNS event');
  return e.Records.map((r) => ({ snsMessageId: r.Sns.MessageId, notification: parseJson(r.Sns.Message, `SNS message ${r.Sns.MessageId}`) }));
}

/** What one SES notification means for the suppression list. */
export function feedbackOf(notification: unknown): FeedbackOutcome {
  const t = strict(typeSchema, notification, 'The SES notification');
  const type = t.eventType ?? t.notificationType;
  if (!type) throw new NotificationError('The SES notification has neither eventType nor notificationType');
  if (type === 'Bounce') {
    const n = strict(z.looseObject({ mail: mailSchema, bounce: bounceSchema }), notification, 'The bounce notification');
    const b = n.bounce;
    if (b.bounceType !== 'Permanent') return { entries: [], ignored: `${b.bounceType} bounce (${b.bounceSubType}): not suppressed` };
    return {
      entries: b.bouncedRecipients.map((r) => ({
        address: r.emailAddress,
        reason: 'permanent-bounce' as const,
        detail: [`${b.bounceType}/${b.bounceSubType}`, r.status, r.diagnosticCode].filter(Boolean).join(' '),
        at: b.timestamp,
        feedbackId: b.feedbackId,
        sesMessageId: n.mail.messageId,
      })),
      ignored: null,
    };
  }
  if (type === 'Complaint') {
    const n = strict(z.looseObject({ mail: mailSchema, complaint: complaintSchema }), notification, 'The complaint notification');
    const c = n.complaint;
    const kind = [c.complaintFeedbackType, c.complaintSubType].filter(Boolean).join('/') || 'complaint';
    return {
      entries: c.complainedRecipients.map((r) => ({
        address: r.emailAddress,
        reason: 'complaint' as const,
        detail: `complaint (${kind})`,
        at: c.timestamp,
        feedbackId: c.feedbackId,
        sesMessageId: n.mail.messageId,
      })),
      ignored: null,
    };
  }
  return { entries: [], ignored: `${type} notification: not a bounce or complaint` };
}

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

/** bounces' use case: puts each address a permanent bounce or complaint names on the suppression list. */
export async function suppressFromFeedback(deps: BouncesDeps, event: unknown): Promise<BouncesResult> {
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
}
