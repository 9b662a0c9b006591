/**
 * Turns a function's row of the access table (infra/access.ts) into IAM statements. Written out
 * by hand rather than with `bucket.grantRead()` and friends, because those add wildcard actions
 * (`s3:GetObject*`, `s3:List*`, `kms:GenerateDataKey*`) and whole-bucket resources.
 */
import { Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { LEDGER_KEY_FAMILIES } from '../../functions/core/pipeline/ledger-keys.ts';
import type { FunctionAccess } from '../access.ts';

export interface GrantTargets {
  readonly bucket: s3.IBucket;
  readonly key: kms.IKey;
  readonly ledger: dynamodb.ITable;
  /** SES identity (domain or address) the function may send as, and the From address it must use. */
  readonly sesIdentity: string;
  readonly fromAddress: string;
  readonly configurationSetName: string;
  /** Every address the function may mail (lower case, as the handlers send): `ses:Recipients`. */
  readonly recipients: readonly string[];
}

/** The IAM statements for one function's access; `prefixes` end in `/`. */
export function accessStatements(scope: Stack, access: FunctionAccess, t: GrantTargets): iam.PolicyStatement[] {
  const objects = (prefixes: readonly string[]) => prefixes.map((p) => t.bucket.arnForObjects(`${p}*`));
  const statements: iam.PolicyStatement[] = [];
  if (access.read.length) {
    statements.push(new iam.PolicyStatement({ sid: 'ReadOwnPrefixes', actions: ['s3:GetObject'], resources: objects(access.read) }));
  }
  const versions = access.readVersions ?? [];
  if (versions.length) {
    statements.push(new iam.PolicyStatement({ sid: 'ReadUploadVersions', actions: ['s3:GetObjectVersion'], resources: objects(versions) }));
    statements.push(
      new iam.PolicyStatement({
        sid: 'ListUploadVersions',
        actions: ['s3:ListBucketVersions'],
        resources: [t.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': versions.map((p) => `${p}*`) } },
      }),
    );
  }
  if (access.write.length) {
    statements.push(new iam.PolicyStatement({ sid: 'WriteOwnPrefixes', actions: ['s3:PutObject'], resources: objects(access.write) }));
  }
  if (access.read.length) {
    // S3 answers a GET/HEAD of a missing key with 404 only to a caller allowed to list the bucket,
    // and a ListBucket limited by an s3:prefix condition does not count (the request has no
    // prefix). Without this, "no approval yet" or "not rendered yet" would be a 403 and the
    // handler would fail. It reveals key names, never object contents.
    statements.push(new iam.PolicyStatement({ sid: 'MissingKeysAre404', actions: ['s3:ListBucket'], resources: [t.bucket.bucketArn] }));
  }

  // The key is shared by the bucket and the ledger; use of it is allowed only through those services.
  const kmsActions = new Set<string>();
  const viaServices: string[] = [];
  if (access.read.length || access.write.length) {
    kmsActions.add('kms:Decrypt');
    if (access.write.length) kmsActions.add('kms:GenerateDataKey');
    viaServices.push(`s3.${scope.region}.amazonaws.com`);
  }
  if (access.ledger.length) {
    for (const a of ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey']) kmsActions.add(a);
    viaServices.push(`dynamodb.${scope.region}.amazonaws.com`);
    statements.push(
      new iam.PolicyStatement({ sid: 'ReadLedger', actions: ['dynamodb:GetItem', 'dynamodb:Scan'], resources: [t.ledger.tableArn] }),
      // LeadingKeys is the item's whole partition key; a PutItem or UpdateItem always carries one,
      // so ForAllValues never passes on an empty set here. Only the bounces function writes `suppression#`.
      new iam.PolicyStatement({
        sid: 'WriteOwnLedgerKeys',
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [t.ledger.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': access.ledger.map((f) => LEDGER_KEY_FAMILIES[f]) } },
      }),
    );
  }
  if (kmsActions.size) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'DataKeyViaServices',
        actions: [...kmsActions].sort(),
        resources: [t.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': viaServices } },
      }),
    );
  }

  if (access.mailTo.length) {
    if (!t.recipients.length) throw new Error('a function that sends mail needs at least one allowed recipient');
    statements.push(
      new iam.PolicyStatement({
        sid: 'SendAsConfiguredIdentity',
        actions: ['ses:SendRawEmail'],
        resources: [
          scope.formatArn({ service: 'ses', resource: 'identity', resourceName: t.sesIdentity }),
          scope.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: t.configurationSetName }),
        ],
        // SES matches its keys case-sensitively (StringEquals, StringLike only); every To, Cc and
        // Bcc address of the message must be one of the lists' addresses.
        conditions: {
          StringEquals: { 'ses:FromAddress': t.fromAddress },
          'ForAllValues:StringEquals': { 'ses:Recipients': [...t.recipients] },
        },
      }),
    );
  }
  return statements;
}
