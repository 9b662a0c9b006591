/**
 * How CLI commands reach the deployment's bucket and ledger table: by name, with the AWS SDK's
 * standard credential chain (profile, SSO, environment, instance role), or a local server given by
 * `--endpoint` (or S3_ENDPOINT / DYNAMODB_ENDPOINT, the variables the handlers read) — the
 * adapters then use the emulators' dummy credentials. Shared so every command says it the same way.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { S3ObjectStore, s3ClientFor } from '../adapters/object-store.ts';
import { dynamoClientFor } from '../adapters/ledger.ts';
import { DynamoSuppressionList } from '../adapters/suppression-list.ts';

export const BUCKET_HELP = `  --bucket NAME   the deployment's data bucket (AWS credentials as for the aws CLI)
  --endpoint URL  an S3-compatible endpoint instead of AWS, e.g. the local servers (or S3_ENDPOINT)`;

export const TABLE_HELP = `  --table NAME    the deployment's send-ledger table (AWS credentials as for the aws CLI)
  --endpoint URL  a DynamoDB-compatible endpoint instead of AWS, e.g. dynalite (or DYNAMODB_ENDPOINT)`;

export function bucketStore(bucket: string, endpoint = process.env.S3_ENDPOINT): S3ObjectStore {
  return new S3ObjectStore(s3ClientFor(endpoint), bucket);
}

export function suppressionList(table: string, endpoint = process.env.DYNAMODB_ENDPOINT): DynamoSuppressionList {
  return new DynamoSuppressionList(dynamoClientFor(endpoint), table);
}

/** A usage error: printed with the command's help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Parsed<O extends ParseArgsConfig['options']> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** parseArgs that turns its errors into UsageError (unknown option, missing value). */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Runs a command body, mapping UsageError to exit 2 (with help) and anything else to exit 1. */
export async function runCommand(name: string, help: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`report-cards ${name}: ${e.message}\n\n${help}\n`);
      return 2;
    }
    process.stderr.write(`report-cards ${name}: ${(e as Error).message}\n`);
    return 1;
  }
}
