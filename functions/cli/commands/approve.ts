/**
 * `report-cards approve`: an officer approves a rendered pack version for the board, by writing the
 * approval object the schedule looks for (core/pipeline/approval.ts). Without --version it
 * approves the newest rendered version; a version that was never rendered is refused.
 */
import os from 'node:os';
import type { z } from 'zod';
import { ApprovalError, approveVersion, packIdSchema, periodSchema, versionSchema } from '../../core/pipeline/approval.ts';
import { BUCKET_HELP, bucketStore, parseOptions, runCommand, UsageError } from '../aws-options.ts';
import { repositoriesOf } from '../../adapters/repositories.ts';

export const help = `Usage: report-cards approve --period YYYY-MM --pack ID --bucket NAME [--version V] [--by NAME] [--endpoint URL]

Approves a rendered version of a pack for its committee: writes
approvals/<period>/<pack>/<version>.json, so board and clerks get that version on the pack's
distribution day (or the next working morning, if the day has passed, up to the last working
day of the month after the period: the schedule sends only last month's packs, so an approval
after that sends nothing). Exits 1 when the version was never rendered (the rendered versions
are listed). Approving twice changes nothing.

  --period YYYY-MM  the month the pack reports on
  --pack ID         the pack (templates/packs/<ID>.json)
  --version V       the version to approve (default: the newest rendered version)
  --by NAME         who approves (default: your login name)
${BUCKET_HELP}`;

function whoAmI(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

function checked<T>(schema: z.ZodType<T>, value: string | undefined, option: string): T {
  if (value === undefined) throw new UsageError(`${option} is required`);
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(`${option} '${value}' is not ${r.error.issues[0]?.message ?? 'valid'}`);
  return r.data;
}

export function run(args: string[]): Promise<number> {
  return runCommand('approve', help, async () => {
    const { values, positionals } = parseOptions(args, {
      period: { type: 'string' },
      pack: { type: 'string' },
      version: { type: 'string' },
      by: { type: 'string' },
      bucket: { type: 'string' },
      endpoint: { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const period = checked(periodSchema, values.period, '--period');
    const packId = checked(packIdSchema, values.pack, '--pack');
    const version = values.version === undefined ? undefined : checked(versionSchema, values.version, '--version');
    const bucket = values.bucket;
    if (!bucket) throw new UsageError('--bucket is required');
    const approvedBy = values.by?.trim() || whoAmI();

    let outcome;
    try {
      outcome = await approveVersion(repositoriesOf(bucketStore(bucket, values.endpoint)), { period, packId, version, approvedBy, at: new Date() });
    } catch (e) {
      if (e instanceof ApprovalError) throw e;
      throw new Error(`cannot read or write s3://${bucket}: ${(e as Error).message}`);
    }
    const { manifest, key, record } = outcome;
    const what = `${manifest.packTitle} (${packId}) for ${period}, version ${manifest.version} rendered ${manifest.generatedAt}`;
    if (outcome.alreadyApproved) {
      const by = record ? ` by ${record.approvedBy} at ${record.at}` : '';
      process.stdout.write(`Already approved${by}: ${what}\n  s3://${bucket}/${key} (left unchanged)\n`);
    } else {
      process.stdout.write(`Approved by ${approvedBy}: ${what}\n  s3://${bucket}/${key}\n`);
    }
    if (!outcome.latest) {
      process.stdout.write(`Note: a newer version has been rendered since; the schedule sends the newest approved version.\n`);
    }
    return 0;
  });
}
