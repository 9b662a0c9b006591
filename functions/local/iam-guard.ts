/**
 * What IAM refuses in AWS, refused locally too. Each stage's ledger writes are checked against the
 * key families its row of infra/access.ts grants (dynamodb:LeadingKeys), and its SES recipients
 * against the addresses of the lists it may mail (ses:Recipients), answering as AWS would: DynamoDB
 * throws AccessDeniedException, SES refuses the message. So a handler that starts writing or
 * mailing something its grant does not cover fails `npm start` and the end-to-end tests, not the
 * first deployment.
 */
import path from 'node:path';
import { ACCESS, type FunctionName } from '../../infra/access.ts';
import { mailAddresses } from '../../infra/packs.ts';
import { LEDGER_KEY_FAMILIES, matchesStringLike } from '../core/pipeline/ledger-keys.ts';
import type { Mailer, SendLedger } from '../core/pipeline/ports.ts';

export class AccessDeniedException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedException';
  }
}

/** The ledger as `stage` may use it: reads as they are, writes only to its own key families. */
export function guardLedger(stage: FunctionName, ledger: SendLedger): SendLedger {
  const patterns = ACCESS[stage].ledger.map((f) => LEDGER_KEY_FAMILIES[f]);
  const check = (key: string) => {
    if (!patterns.some((p) => matchesStringLike(p, key))) {
      throw new AccessDeniedException(`${stage} may not write ledger key ${key} (dynamodb:LeadingKeys ${JSON.stringify(patterns)}; infra/access.ts)`);
    }
  };
  return {
    claim: async (rec) => (check(rec.key), ledger.claim(rec)),
    markSent: async (key, messageId, at) => (check(key), ledger.markSent(key, messageId, at)),
    markFailed: async (key, detail, at) => (check(key), ledger.markFailed(key, detail, at)),
    markSuppressed: async (key, detail, at) => (check(key), ledger.markSuppressed(key, detail, at)),
    markUnknown: async (key, detail, at) => (check(key), ledger.markUnknown(key, detail, at)),
    get: (key) => ledger.get(key),
    list: (prefix) => ledger.list(prefix),
  };
}

/**
 * The mailer as `stage` may use it: SES refuses a message to any address outside its lists. The
 * addresses are worked out at the first send, as a deploy would from these lists and templates.
 */
export function guardMailer(stage: FunctionName, mailer: Mailer, lists: Record<string, string[]>, templatesDir: string): Mailer {
  let allowed: Set<string> | undefined;
  return {
    async sendRaw(raw, destinations) {
      allowed ??= new Set(mailAddresses(lists, path.join(templatesDir, 'packs'), ACCESS[stage].mailTo));
      const refused = destinations.filter((d) => !allowed!.has(d));
      if (refused.length === 0) return mailer.sendRaw(raw, destinations);
      const message = `${stage} is not authorized to send to ${refused.join(', ')} (ses:Recipients; infra/access.ts)`;
      return { status: 'rejected', code: 'AccessDenied', message, attempts: 1 };
    },
  };
}
