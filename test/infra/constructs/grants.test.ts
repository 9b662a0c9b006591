import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import type { FunctionAccess } from '../../../infra/access.ts';
import { accessStatements } from '../../../infra/constructs/grants.ts';

function statementsFor(access: FunctionAccess, recipients = ['clerk@example.org', 'performance@example.org']) {
  const stack = new Stack(new App(), 'Grants', { env: { account: '111111111111', region: 'eu-west-2' } });
  const key = new kms.Key(stack, 'Key');
  const targets = {
    bucket: new s3.Bucket(stack, 'Bucket', { encryptionKey: key }),
    key,
    ledger: new dynamodb.Table(stack, 'Ledger', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } }),
    sesIdentity: 'example.org',
    fromAddress: 'reports@example.org',
    configurationSetName: 'asc',
    recipients,
  };
  return accessStatements(stack, access, targets).map((s) => stack.resolve(s.toStatementJson()));
}

const none: FunctionAccess = { read: [], write: [], ledger: [], mailTo: [] };

describe('accessStatements', () => {
  it('grants nothing for an empty row', () => {
    expect(statementsFor(none)).toEqual([]);
  });

  it('read-only: GetObject on the prefixes, ListBucket for honest 404s, Decrypt through S3 only', () => {
    const s = statementsFor({ ...none, read: ['measures/'] });
    expect(s.map((x) => x.Sid)).toEqual(['ReadOwnPrefixes', 'MissingKeysAre404', 'DataKeyViaServices']);
    expect(s[0].Action).toBe('s3:GetObject');
    expect(JSON.stringify(s[0].Resource)).toContain('/measures/*');
    expect(s[1]).toMatchObject({ Action: 's3:ListBucket' });
    expect(s[1].Condition).toBeUndefined();
    expect(s[2]).toMatchObject({ Action: 'kms:Decrypt', Condition: { StringEquals: { 'kms:ViaService': ['s3.eu-west-2.amazonaws.com'] } } });
  });

  it('write adds PutObject and GenerateDataKey; the ledger adds reads, writes of its own key families, and DynamoDB as a way to the key', () => {
    const s = statementsFor({ read: ['reports/'], write: ['runs/'], ledger: ['previewSend', 'reminder'], mailTo: [] });
    const bySid = Object.fromEntries(s.map((x) => [x.Sid, x]));
    expect(bySid.WriteOwnPrefixes.Action).toBe('s3:PutObject');
    expect(bySid.ReadLedger.Action).toEqual(['dynamodb:GetItem', 'dynamodb:Scan']);
    expect(bySid.ReadLedger.Condition).toBeUndefined();
    expect(bySid.WriteOwnLedgerKeys.Action).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(bySid.WriteOwnLedgerKeys.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['????-??#*#preview#*', 'reminder#*'] },
    });
    expect(bySid.DataKeyViaServices.Action).toEqual(['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey']);
    expect(bySid.DataKeyViaServices.Condition.StringEquals['kms:ViaService']).toEqual([
      's3.eu-west-2.amazonaws.com',
      'dynamodb.eu-west-2.amazonaws.com',
    ]);
    expect(bySid.SendAsConfiguredIdentity).toBeUndefined();
  });

  it('versions: GetObjectVersion on those prefixes, ListBucketVersions only for a listing under them', () => {
    const s = statementsFor({ ...none, read: ['extracts/events/'], readVersions: ['extracts/events/'] });
    const bySid = Object.fromEntries(s.map((x) => [x.Sid, x]));
    expect(bySid.ReadUploadVersions.Action).toBe('s3:GetObjectVersion');
    expect(JSON.stringify(bySid.ReadUploadVersions.Resource)).toContain('/extracts/events/*');
    expect(bySid.ListUploadVersions).toMatchObject({ Action: 's3:ListBucketVersions', Condition: { StringLike: { 's3:prefix': ['extracts/events/*'] } } });
  });

  it('mail: SendRawEmail on the identity and configuration set only, From address and recipients pinned', () => {
    const all = statementsFor({ ...none, mailTo: [{ list: 'performance-team' }] });
    expect(all).toHaveLength(1);
    const ses = all[0];
    expect(ses).toMatchObject({ Sid: 'SendAsConfiguredIdentity', Effect: 'Allow', Action: 'ses:SendRawEmail' });
    expect(ses.Condition).toEqual({
      StringEquals: { 'ses:FromAddress': 'reports@example.org' },
      'ForAllValues:StringEquals': { 'ses:Recipients': ['clerk@example.org', 'performance@example.org'] },
    });
    expect(ses.Resource).toHaveLength(2);
    const resources = JSON.stringify(ses.Resource);
    expect(resources).toContain(':ses:eu-west-2:111111111111:identity/example.org"');
    expect(resources).toContain(':ses:eu-west-2:111111111111:configuration-set/asc"');
  });

  it('refuses a sending function with no allowed recipient rather than a condition nobody matches', () => {
    expect(() => statementsFor({ ...none, mailTo: [{ list: 'owners' }] }, [])).toThrow(/at least one allowed recipient/);
  });
});
