import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_PREFIXES, UPLOAD_PREFIXES } from '../../functions/core/bucket-layout.ts';
import { RAW_DATA_PREFIXES } from '../../infra/stateful-stack.ts';
import { synthDefault, type Built } from './synth.ts';

let built: Built;
beforeAll(() => {
  built = synthDefault();
});

/** The data bucket is the KMS-encrypted one; the access-log bucket is SSE-S3. */
function dataBucket(): Record<string, any> {
  const buckets = Object.values(built.stateful$.findResources('AWS::S3::Bucket'));
  const found = buckets.filter((b) => b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm === 'aws:kms');
  expect(found).toHaveLength(1);
  return found[0]!.Properties;
}

describe('stateful stack', () => {
  it('has one customer-managed KMS key with rotation, retained on delete', () => {
    built.stateful$.resourceCountIs('AWS::KMS::Key', 1);
    built.stateful$.hasResource('AWS::KMS::Key', { Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' });
  });

  it('encrypts the data bucket with that key, versions it, blocks public access and logs access', () => {
    const p = dataBucket();
    const sse = p.BucketEncryption.ServerSideEncryptionConfiguration[0];
    expect(sse.ServerSideEncryptionByDefault.KMSMasterKeyID).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] });
    expect(sse.BucketKeyEnabled).toBe(true);
    expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(p.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(p.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(p.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: expect.stringMatching(/^AccessLogs/) });
  });

  it('denies every request to either bucket that is not over TLS 1.2+', () => {
    const policies = Object.values(built.stateful$.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      const statements = policy.Properties.PolicyDocument.Statement as any[];
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
    const data = policies.find((p) => JSON.stringify(p.Properties.Bucket).includes('Data'))!;
    expect(data.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
    );
  });

  it('grants nobody outside the account: no bucket policy Allow names another principal', () => {
    for (const policy of Object.values(built.stateful$.findResources('AWS::S3::BucketPolicy'))) {
      for (const s of policy.Properties.PolicyDocument.Statement as any[]) {
        if (s.Effect !== 'Allow') continue;
        // The only Allow is S3's own log delivery into the access-log bucket.
        expect(s.Principal).toEqual({ Service: 'logging.s3.amazonaws.com' });
        expect(s.Condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
      }
    }
  });

  it('expires raw extracts after the configured days, old versions sooner, reports later', () => {
    const r = built.config.retentionDays;
    const rules = dataBucket().LifecycleConfiguration.Rules as any[];
    const byPrefix = new Map(rules.filter((x) => x.Prefix).map((x) => [x.Prefix, x]));
    const extractPrefixes = Object.values(UPLOAD_PREFIXES).filter((p) => p.startsWith('extracts/'));
    expect(extractPrefixes.length).toBeGreaterThan(0);
    expect(RAW_DATA_PREFIXES).toEqual([...extractPrefixes, OUTPUT_PREFIXES.rejections, OUTPUT_PREFIXES.validation]);
    for (const prefix of RAW_DATA_PREFIXES) {
      expect(byPrefix.get(prefix), prefix).toMatchObject({ Status: 'Enabled', ExpirationInDays: r.rawExtracts });
    }
    expect(byPrefix.get(OUTPUT_PREFIXES.reports)).toMatchObject({ Status: 'Enabled', ExpirationInDays: r.reports });
    const whole = rules.filter((x) => !x.Prefix);
    expect(whole).toEqual([
      expect.objectContaining({
        Status: 'Enabled',
        NoncurrentVersionExpiration: { NoncurrentDays: r.noncurrentVersions },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        ExpiredObjectDeleteMarker: true,
      }),
    ]);
    expect(r.noncurrentVersions).toBeLessThan(r.rawExtracts);
    expect(r.reports).toBeGreaterThan(r.rawExtracts);
    // Reference files and commentary are not personal data and are kept.
    for (const kept of [UPLOAD_PREFIXES.population, UPLOAD_PREFIXES.commentary, OUTPUT_PREFIXES.measures]) expect(byPrefix.has(kept)).toBe(false);
  });

  it('keeps access logs in an SSE-S3 bucket (the only kind S3 logging can write to) for the configured days', () => {
    built.stateful$.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: built.config.retentionDays.accessLogs })] },
    });
  });

  it('keeps the send ledger keyed by a string pk, KMS-encrypted, with point-in-time recovery', () => {
    built.stateful$.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] } },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      },
    });
  });

  it('sends SES bounces, complaints and rejects of the configured set to an encrypted, TLS-only topic', () => {
    built.stateful$.hasResourceProperties('AWS::SES::ConfigurationSet', { Name: built.config.sesConfigurationSetName });
    built.stateful$.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: Match.stringLikeRegexp('^ConfigurationSet') },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint', 'reject'],
        SnsDestination: { TopicARN: { Ref: Match.stringLikeRegexp('^MailEvents') } },
      },
    });
    built.stateful$.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] } });
    built.stateful$.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'ses.amazonaws.com' } }),
        ]),
      },
    });
  });

  it('lets CloudWatch and SES use the key only for topic publishing, only for this account', () => {
    const key = Object.values(built.stateful$.findResources('AWS::KMS::Key'))[0]!;
    const services = (key.Properties.KeyPolicy.Statement as any[]).filter((s) => s.Principal?.Service);
    expect(services).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: ['cloudwatch.amazonaws.com', 'ses.amazonaws.com'] },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      }),
    ]);
  });

  it('exports the bucket ARN under a fixed name for the stateless stack', () => {
    built.stateful$.hasOutput('DataBucketArn', { Export: { Name: `${built.stateful.stackName}-DataBucketArn` } });
  });
});
