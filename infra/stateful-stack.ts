/**
 * Everything that holds data and must outlive a redeploy: the key, the data bucket (uploads,
 * measures, reports, run history under `runs/`), the access-log bucket, the send ledger, and the
 * SES configuration set whose bounces and complaints go to an encrypted topic. Retained on stack
 * deletion: person-level data is never removed by a `cdk destroy`.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { OUTPUT_PREFIXES, UPLOAD_PREFIXES } from '../functions/core/bucket-layout.ts';
import type { EnvironmentConfig } from './config.ts';
import { acknowledge } from './nag.ts';

export interface StatefulStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/**
 * Prefixes holding person-level rows (the extracts) or row-level errors about them: they expire
 * with the raw extracts. Reference files and commentary are small, non-personal and kept.
 */
export const RAW_DATA_PREFIXES: string[] = [
  ...Object.values(UPLOAD_PREFIXES).filter((p) => p.startsWith('extracts/')),
  OUTPUT_PREFIXES.rejections,
  OUTPUT_PREFIXES.validation,
];

export class StatefulStack extends Stack {
  readonly key: kms.Key;
  readonly bucket: s3.Bucket;
  readonly ledger: dynamodb.Table;
  readonly configurationSet: ses.ConfigurationSet;
  readonly mailEventsTopic: sns.Topic;
  /**
   * The bucket ARN leaves this stack through a named export, so the functions' prefix grants (and
   * their cdk-nag acknowledgements) name a stable `<export>/<prefix>*` rather than a generated one.
   */
  readonly bucketArnExportName: string;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    const retention = config.retentionDays;

    this.key = new kms.Key(this, 'DataKey', {
      description: 'asc-report-cards: uploads, measures, reports, ledger, queues and topics',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch alarms and SES event publishing write to topics encrypted with this key; neither
    // service can use the AWS-managed SNS key. Scoped to this account's resources.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowAlarmAndMailEventPublishingToEncryptedTopics',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com'), new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      // S3 server access logging can deliver only to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: false,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(retention.accessLogs) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(accessLogs, 'AwsSolutions-S1', 'This is the access-log destination; logging it to itself would loop.');

    this.bucket = new s3.Bucket(this, 'Data', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'data/',
      lifecycleRules: [
        ...RAW_DATA_PREFIXES.map((prefix) => ({
          id: `expire-${prefix.replace(/\/$/, '').replace(/\//g, '-')}`,
          prefix,
          expiration: Duration.days(retention.rawExtracts),
        })),
        { id: 'expire-reports', prefix: OUTPUT_PREFIXES.reports, expiration: Duration.days(retention.reports) },
        {
          id: 'noncurrent-versions-and-incomplete-uploads',
          noncurrentVersionExpiration: Duration.days(retention.noncurrentVersions),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          expiredObjectDeleteMarker: true,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucketArnExportName = `${this.stackName}-DataBucketArn`;
    new CfnOutput(this, 'DataBucketArn', { value: this.bucket.bucketArn, exportName: this.bucketArnExportName });
    new CfnOutput(this, 'DataBucketName', { value: this.bucket.bucketName, description: 'Upload extracts here (see infra/README-deploy.md)' });

    // One item per (period, pack, version, recipient): `pending` written conditionally before the
    // send, `sent` with the MessageId after (architecture.md, "Sends are at most once").
    this.ledger = new dynamodb.Table(this, 'SendLedger', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.mailEventsTopic = new sns.Topic(this, 'MailEvents', {
      displayName: 'asc-report-cards bounces and complaints',
      masterKey: this.key,
      enforceSSL: true,
    });
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: config.sesConfigurationSetName,
      reputationMetrics: true,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(this.mailEventsTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT],
    });
  }
}
