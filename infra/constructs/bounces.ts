/**
 * The bounces function: SES feedback (configuration set → the mail-events SNS topic) puts
 * permanently bouncing and complaining addresses on the suppression list, which every send checks.
 * Built with the same ReportFunction as the stages. Its only data access is PutItem on the ledger
 * table for keys that start `suppression#` (dynamodb:LeadingKeys), and the table's KMS key through
 * DynamoDB: it can add to the suppression list and do nothing else — no bucket, no SES, no reads.
 * SNS invokes Lambda asynchronously, so a failed notification goes to the function's failure queue
 * after Lambda's retries; the subscription redrives to the same queue when SNS cannot invoke the
 * function at all. One queue, one alarm (Operations.watchFunction), nothing lost silently.
 */
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { LEDGER_KEY_FAMILIES } from '../../functions/core/pipeline/ledger-keys.ts';
import { ReportFunction } from './report-function.ts';

export interface BouncesProps {
  readonly mailEventsTopic: sns.ITopic;
  readonly ledger: dynamodb.ITable;
  readonly key: kms.IKey;
  readonly logRetention: logs.RetentionDays;
}

/** Sized for a few small JSON notifications per invocation (one DynamoDB write each). */
export const BOUNCES_SETTINGS = { memoryMb: 256, timeoutSeconds: 30 } as const;

export function bouncesFunction(scope: Construct, props: BouncesProps): ReportFunction {
  const rf = new ReportFunction(scope, 'Bounces', {
    stage: 'bounces',
    entry: 'functions/handlers/lambda/bounces.ts',
    memoryMb: BOUNCES_SETTINGS.memoryMb,
    timeoutSeconds: BOUNCES_SETTINGS.timeoutSeconds,
    logRetention: props.logRetention,
    environment: { LEDGER_TABLE: props.ledger.tableName },
  });
  const region = Stack.of(scope).region;
  rf.role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'AddToSuppressionListOnly',
      actions: ['dynamodb:PutItem'],
      resources: [props.ledger.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [LEDGER_KEY_FAMILIES.suppression] } },
    }),
  );
  rf.role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'LedgerKeyViaDynamoDB',
      actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
      resources: [props.key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': [`dynamodb.${region}.amazonaws.com`] } },
    }),
  );
  props.mailEventsTopic.addSubscription(new subscriptions.LambdaSubscription(rf.function, { deadLetterQueue: rf.failureQueue }));
  return rf;
}
