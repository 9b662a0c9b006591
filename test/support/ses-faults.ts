/**
 * Fault injection at the SES client's HTTP layer (the request handler), so the real SDK, the real
 * mailer and the real local SES server are all still in the path. Each fault says what it does:
 * - `acceptThenTimeout`: the request really reaches SES (which accepts and stores the email), then
 *   the client sees a timeout — the "unknown outcome" that must never be retried;
 * - `answer`: SES's answer is replaced by an error response (e.g. Throttling), as if SES refused.
 */
import { Readable } from 'node:stream';
import type { RequestHandlerLike } from '../../functions/local/pipeline.ts';

export type Fault = { kind: 'acceptThenTimeout' } | { kind: 'answer'; status: number; code: string; message: string };

export interface FaultPlan {
  /** Decide per call: the envelope recipient and how many calls for it came before. */
  decide(recipient: string, callNo: number): Fault | null;
}

function recipientOf(request: { body?: unknown }): string {
  const body = typeof request.body === 'string' ? request.body : '';
  return decodeURIComponent(new URLSearchParams(body).get('Destinations.member.1') ?? '');
}

function errorResponse(status: number, code: string, message: string) {
  const xml = `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>injected</RequestId></ErrorResponse>`;
  return { statusCode: status, reason: code, headers: { 'content-type': 'text/xml' }, body: Readable.from([Buffer.from(xml)]) };
}

export class InjectedTimeout extends Error {
  override name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';
}

export function faultyHandler(plan: FaultPlan, calls: { recipient: string; fault: Fault | null }[] = []) {
  const counts = new Map<string, number>();
  return (real: RequestHandlerLike): RequestHandlerLike => ({
    async handle(request, options) {
      const recipient = recipientOf(request);
      const n = (counts.get(recipient) ?? 0) + 1;
      counts.set(recipient, n);
      const fault = plan.decide(recipient, n);
      calls.push({ recipient, fault });
      if (!fault) return real.handle(request, options);
      if (fault.kind === 'acceptThenTimeout') {
        const r = await real.handle(request, options);
        (r.response.body as Readable | undefined)?.resume?.();
        throw new InjectedTimeout(`injected: response from SES lost after it accepted the email to ${recipient}`);
      }
      return { response: errorResponse(fault.status, fault.code, fault.message) };
    },
  });
}
