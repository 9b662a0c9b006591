/**
 * Everything that can be replaced by a redeploy: the four functions, which upload triggers which
 * (S3 notifications by prefix, from infra/access.ts), the working-day schedule, the recipients
 * object, and the alarms. The bucket is imported by ARN so its notifications live here; passing the
 * bucket object itself would put them in the stateful stack and make the stacks depend on each other.
 */
import path from 'node:path';
import { Duration, Fn, Stack, TimeZone, type CfnElement, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { RECIPIENTS_KEY } from '../functions/core/pipeline/recipients.ts';
import { ACCESS, TRIGGERS, type FunctionName } from './access.ts';
import { cronTime, type EnvironmentConfig } from './config.ts';
import { bouncesFunction } from './constructs/bounces.ts';
import { FailureQueue } from './constructs/failure-queue.ts';
import { accessStatements } from './constructs/grants.ts';
import { Operations, RUN_METRICS } from './constructs/operations.ts';
import { PROJECT_ROOT, ReportFunction } from './constructs/report-function.ts';
import { acknowledge } from './nag.ts';
import { mailAddresses } from './packs.ts';

export interface StatelessStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  /** Named export of the data bucket's ARN (StatefulStack.bucketArnExportName). */
  readonly bucketArnExportName: string;
  readonly key: kms.IKey;
  readonly ledger: dynamodb.ITable;
  readonly mailEventsTopic: sns.ITopic;
}

export class StatelessStack extends Stack {
  readonly functions: Record<FunctionName, ReportFunction>;
  /** SES bounces and complaints (the mail-events topic) → the suppression list. */
  readonly bounces: ReportFunction;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config } = props;
    const bucket = s3.Bucket.fromBucketAttributes(this, 'Data', {
      bucketArn: Fn.importValue(props.bucketArnExportName),
      encryptionKey: props.key,
    });

    const sendTime = cronTime(config.schedule.expression);
    const environment = {
      BUCKET: bucket.bucketName,
      LEDGER_TABLE: props.ledger.tableName,
      SENDER: config.sender.fromAddress,
      ...(config.sender.displayName ? { SENDER_NAME: config.sender.displayName } : {}),
      ...(config.sender.contact ? { REPORT_CONTACT: config.sender.contact } : {}),
      SES_CONFIGURATION_SET: config.sesConfigurationSetName,
      RECIPIENTS_KEY,
      LA_CODE: config.laCode,
      MAX_UPLOAD_BYTES: String(config.maxUploadBytes),
      // The schedule's time, so a preview can say by when to approve (the zone: cron alone is UTC).
      ...(sendTime ? { DISTRIBUTION_TIME: sendTime } : {}),
      DISTRIBUTION_TIMEZONE: config.schedule.timezone,
      METRICS_NAMESPACE: RUN_METRICS.namespace,
    };
    const make = (name: FunctionName) => this.stageFunction(name, bucket, environment, props);
    this.functions = { ingest: make('ingest'), render: make('render'), distribute: make('distribute'), schedule: make('schedule') };

    for (const t of TRIGGERS) {
      bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(this.functions[t.fn].function), {
        prefix: t.prefix,
        ...(t.suffix ? { suffix: t.suffix } : {}),
      });
    }
    this.bounces = bouncesFunction(this, {
      mailEventsTopic: props.mailEventsTopic,
      ledger: props.ledger,
      key: props.key,
      logRetention: config.retentionDays.functionLogs as logs.RetentionDays,
    });
    const scheduleDlq = this.workingDaySchedule(config);
    this.writeRecipients(bucket, props.key, config);
    this.acknowledgeCdkHelpers();

    const ops = new Operations(this, 'Operations', {
      key: props.key,
      alarmEmail: config.alarmEmail,
      forwardTopics: [{ id: 'MailEvents', topic: props.mailEventsTopic }],
    });
    for (const [name, rf] of Object.entries(this.functions) as [FunctionName, ReportFunction][]) {
      ops.watchFunction(name, rf.function, rf.failureQueue, { reservedConcurrency: config.functions[name].reservedConcurrency });
    }
    ops.watchFunction('bounces', this.bounces.function, this.bounces.failureQueue);
    ops.watchSchedule(this.functions.schedule.function, this.functions.schedule.logGroup, scheduleDlq);
  }

  /** One stage's function with exactly the access its row of infra/access.ts gives it. */
  private stageFunction(name: FunctionName, bucket: s3.IBucket, environment: Record<string, string>, props: StatelessStackProps): ReportFunction {
    const { config } = props;
    const settings = config.functions[name];
    const rf = new ReportFunction(this, name[0]!.toUpperCase() + name.slice(1), {
      stage: name,
      entry: `functions/handlers/lambda/${name}.ts`,
      memoryMb: settings.memoryMb,
      timeoutSeconds: settings.timeoutSeconds,
      reservedConcurrency: settings.reservedConcurrency,
      logRetention: config.retentionDays.functionLogs as logs.RetentionDays,
      environment,
    });
    const statements = accessStatements(this, ACCESS[name], {
      bucket,
      key: props.key,
      ledger: props.ledger,
      sesIdentity: config.sender.identity,
      fromAddress: config.sender.fromAddress,
      configurationSetName: config.sesConfigurationSetName,
      recipients: mailAddresses(config.lists, path.join(PROJECT_ROOT, 'templates', 'packs'), ACCESS[name].mailTo),
    });
    for (const statement of statements) rf.role.addToPrincipalPolicy(statement);
    for (const prefix of new Set([...ACCESS[name].read, ...ACCESS[name].write])) {
      acknowledge(
        rf.role,
        `AwsSolutions-IAM5[Resource::${props.bucketArnExportName}/${prefix}*]`,
        `Objects under ${prefix} only: keys are per period, pack or upload and not known at deploy time.`,
      );
    }
    return rf;
  }

  /**
   * Scheduler cannot say "5th working day, skipping bank holidays", so it fires every working-day
   * morning and the schedule function decides in code. Returns the target's dead-letter queue.
   */
  private workingDaySchedule(config: EnvironmentConfig): FailureQueue {
    const scheduleDlq = new FailureQueue(this, 'ScheduleDeadLetters', { endOf: 'the working-day schedule target' });
    const scheduleFn = this.functions.schedule.function;
    const invoker = new iam.Role(this, 'ScheduleInvoker', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
      description: 'EventBridge Scheduler: invoke the schedule function, dead-letter to its queue',
    });
    acknowledge(
      invoker,
      `AwsSolutions-IAM5[Resource::<${this.getLogicalId(scheduleFn.node.defaultChild as CfnElement)}.Arn>:*]`,
      'Versions and aliases of the one schedule function (added by the LambdaInvoke target); no other function.',
    );
    new scheduler.Schedule(this, 'WorkingDayMornings', {
      description: 'Working-day mornings: the schedule function decides whether today is a distribution day.',
      schedule: scheduler.ScheduleExpression.expression(config.schedule.expression, TimeZone.of(config.schedule.timezone)),
      timeWindow: scheduler.TimeWindow.off(),
      target: new targets.LambdaInvoke(scheduleFn, { role: invoker, deadLetterQueue: scheduleDlq, retryAttempts: 2, maxEventAge: Duration.hours(2) }),
    });
    return scheduleDlq;
  }

  /**
   * The addresses behind each list live in cdk.json per environment, never in uploads or the repo's
   * templates; this writes them to `config/recipients.json` on every deploy that changes them.
   */
  private writeRecipients(bucket: s3.IBucket, key: kms.IKey, config: EnvironmentConfig): void {
    const body = JSON.stringify({ lists: config.lists });
    const put: cr.AwsSdkCall = {
      service: 'S3',
      action: 'putObject',
      parameters: { Bucket: bucket.bucketName, Key: RECIPIENTS_KEY, Body: body, ContentType: 'application/json' },
      physicalResourceId: cr.PhysicalResourceId.of(RECIPIENTS_KEY),
    };
    new cr.AwsCustomResource(this, 'Recipients', {
      onCreate: put,
      onUpdate: put,
      installLatestAwsSdk: false,
      timeout: Duration.minutes(2),
      memorySize: 256,
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects(RECIPIENTS_KEY)] }),
        new iam.PolicyStatement({
          actions: ['kms:GenerateDataKey'],
          resources: [key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${this.region}.amazonaws.com` } },
        }),
      ]),
    });
  }

  /**
   * CDK's own deploy-time helpers: the bucket-notifications handler and the AwsCustomResource
   * provider. CloudFormation invokes them and waits for their answer, so a DLQ or tracing adds
   * nothing; they use the AWS-managed basic execution role (CloudWatch Logs only) by construction.
   */
  private acknowledgeCdkHelpers(): void {
    const managedLogs = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
    const helpers = this.node.children.filter(
      (c) => c.node.id.startsWith('BucketNotificationsHandler') || c.node.id === `AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`,
    );
    if (helpers.length !== 2) throw new Error(`expected the 2 CDK deploy-time helpers, found ${helpers.map((h) => h.node.id).join(', ')}`);
    for (const helper of helpers) {
      acknowledge(helper, managedLogs, 'CDK deploy-time helper; the managed policy grants only CloudWatch Logs writes for its own logs.');
      acknowledge(helper, 'Serverless-LambdaDLQ', 'Invoked by CloudFormation, which waits for and reports the result; a DLQ would never be read.');
      acknowledge(helper, 'Serverless-LambdaTracing', 'CDK deploy-time helper run once per deploy; nothing to trace across services.');
    }
  }
}
