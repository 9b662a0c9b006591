/**
 * The rejection email to the performance team: counts per rule and the first errors inline, the
 * first 1,000 errors attached (redacted values and fixed messages keep that small), and a link to
 * the complete errors CSV in the bucket. Its size is checked on the real bytes against SES's limit;
 * a recipient it does not (certainly) reach is reported to the packs' owners.
 */
import { fitsInSes } from '../mail/size.ts';
import { composeNotice } from './notice-mail.ts';
import { plural } from '../plural.ts';
import { deliver } from './deliver.ts';
import { rejectionNoticeSendKey, rejectionSendKey } from './ledger-keys.ts';
import { REJECTION_LIST, listAddresses, loadRecipients } from './recipients.ts';
import type { ValidationRecord } from './uploads-state.ts';
import type { Pipeline } from './pipeline.ts';
import { allPackOwners, tellOwnersOfMissedSends } from './missed-sends.ts';
import { objectLink } from './object-link.ts';
import type { RunLog } from './run-log.ts';

export interface RejectionMail {
  subject: string;
  text: string;
  /** The first errors (at most 1,000), attached. */
  errorsCsv: string;
  /** Where the complete errors CSV was put, and how many errors it leaves out (past its size limit). */
  fullCsvKey: string;
  omitted: number;
}

/** The report's text, then that the upload is untouched and where the complete list of errors is (`link`). */
export function rejectionMailText(mail: Pick<RejectionMail, 'text' | 'omitted'>, key: string, errorCount: number, link: string): string {
  const full =
    mail.omitted > 0
      ? `The first ${(errorCount - mail.omitted).toLocaleString('en-GB')} of all ${plural(errorCount, 'error')} are listed in`
      : errorCount === 1
        ? 'The error is also in'
        : `All ${errorCount.toLocaleString('en-GB')} errors are listed in`;
  return `${mail.text}\n\nThe upload (${key}) is left as it was. ${full} ${link}.\n`;
}

export async function emailRejection(deps: Pipeline, run: RunLog, record: ValidationRecord, mail: RejectionMail): Promise<void> {
  const { key } = record;
  const fileName = key.slice(key.lastIndexOf('/') + 1);
  const recipients = listAddresses(await loadRecipients(deps.store, deps.recipientsKey), REJECTION_LIST);
  const text = rejectionMailText(mail, key, record.errorCount, await objectLink(deps.store, mail.fullCsvKey));
  const version = record.versionId ?? record.lastModified;
  const results = await deliver(
    recipients.map((to) => ({
      ledgerKey: rejectionSendKey(key, version, to),
      recipient: to,
      purpose: 'rejection',
      compose: async () => {
        const raw = await composeNotice(deps, to, mail.subject, text, [
          { fileName: `${fileName}.errors.csv`, contentType: 'text/csv; charset=utf-8', content: mail.errorsCsv },
        ]);
        if (!fitsInSes(raw.byteLength, deps.mailLimitBytes)) throw new Error(`the email is ${raw.byteLength} bytes, above the SES limit`);
        return raw;
      },
    })),
    deps,
  );
  for (const r of results) run.note(`rejection email to ${r.recipient}: ${r.status}`);
  await tellOwnersOfMissedSends(deps, run, (digest, owner) => rejectionNoticeSendKey(key, version, digest, owner), { what: `The rejection report for ${key}`, subject: mail.subject }, results, await allPackOwners(deps));
}
