/**
 * Alarms that make failures visible: function errors and throttles, anything waiting in a failure
 * queue, a schedule that stopped firing, and a month whose report did not go out. All go to one
 * KMS-encrypted, TLS-only SNS topic with the operators' email subscribed.
 */
import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FailureQueue } from './failure-queue.ts';

/** Custom metrics of the pipeline (namespace passed to the functions as METRICS_NAMESPACE). */
export const RUN_METRICS = { namespace: 'AscReportCards', monthlyRunMissing: 'MonthlyRunMissing' } as const;

/**
 * What the schedule function logs (Powertools JSON, `message`) when a pack's distribution day
 * comes with no approved version to send: the month's report did not go out. A metric filter turns
 * that line into MonthlyRunMissing; test/infra/constructs/operations.test.ts keeps the wording and
 * the handler in step.
 */
export const MISSING_RUN_MESSAGE = 'distribution day, but no approved version';

export interface OperationsProps {
  readonly key: kms.IKey;
  readonly alarmEmail: string;
  /** Topics whose messages also go to the operators' email (e.g. SES bounces and complaints). */
  readonly forwardTopics: { id: string; topic: sns.ITopic }[];
}

export class Operations extends Construct {
  readonly topic: sns.Topic;
  /** Notifications the email endpoint could not take (SNS subscription redrive). */
  readonly undeliverable: sqs.Queue;
  private readonly action: actions.SnsAction;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms', { displayName: 'asc-report-cards alarms', masterKey: props.key, enforceSSL: true });
    // A topic policy replaces SNS's default one, and CloudWatch publishes as a service principal:
    // without this Allow every alarm action fails with "no resource-based policy allows".
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AlarmsInThisAccountMayPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
        },
      }),
    );
    this.action = new actions.SnsAction(this.topic);

    this.undeliverable = new FailureQueue(this, 'Undeliverable', { endOf: "the operators' email subscriptions" });

    for (const { id: topicId, topic } of [{ id: 'Alarms', topic: this.topic as sns.ITopic }, ...props.forwardTopics]) {
      new sns.Subscription(this, `${topicId}Email`, {
        topic,
        protocol: sns.SubscriptionProtocol.EMAIL,
        endpoint: props.alarmEmail,
        deadLetterQueue: this.undeliverable,
      });
    }
    this.queueNotEmpty('UndeliverableNotifications', this.undeliverable, 'An alarm or mail-event notification could not be delivered by email.');
  }

  /**
   * Errors and throttles of one function; depth of its failure queue. A function with reserved
   * concurrency is throttled by design when events arrive together (Lambda queues and retries
   * them), so only throttling sustained for half an hour — a backlog — raises its alarm.
   */
  watchFunction(stage: string, fn: lambda.IFunction, failureQueue: sqs.IQueue, options: { reservedConcurrency?: number } = {}): void {
    this.alarm(`${stage}Errors`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), `The ${stage} function failed.`);
    this.alarm(
      `${stage}Throttles`,
      fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
      options.reservedConcurrency ? `The ${stage} function has been throttled for 30 minutes: a backlog is building.` : `The ${stage} function was throttled.`,
      options.reservedConcurrency ? 6 : 1,
    );
    this.queueNotEmpty(`${stage}FailureQueue`, failureQueue, `An event for ${stage} failed after all retries and waits in its failure queue.`);
  }

  /** The working-day schedule fires Monday to Friday: three days without an invocation means it stopped. */
  watchSchedule(fn: lambda.IFunction, logGroup: logs.ILogGroup, scheduleDlq: sqs.IQueue): void {
    new cloudwatch.Alarm(this, 'ScheduleNotFiring', {
      alarmDescription: 'The working-day schedule has not invoked the schedule function for three days.',
      metric: fn.metricInvocations({ period: Duration.days(1), statistic: 'Sum' }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    }).addAlarmAction(this.action);
    this.queueNotEmpty('ScheduleDeadLetters', scheduleDlq, 'EventBridge Scheduler could not invoke the schedule function.');
    new logs.MetricFilter(this, 'MonthlyRunMissingFromLogs', {
      logGroup,
      metricNamespace: RUN_METRICS.namespace,
      metricName: RUN_METRICS.monthlyRunMissing,
      filterPattern: logs.FilterPattern.stringValue('$.message', '=', `*${MISSING_RUN_MESSAGE}*`),
      metricValue: '1',
    });
    this.alarm(
      'MonthlyRunMissing',
      new cloudwatch.Metric({
        namespace: RUN_METRICS.namespace,
        metricName: RUN_METRICS.monthlyRunMissing,
        period: Duration.days(1),
        statistic: 'Maximum',
      }),
      "A period's distribution day passed without a report being sent.",
    );
  }

  private alarm(id: string, metric: cloudwatch.IMetric, description: string, evaluationPeriods = 1): void {
    new cloudwatch.Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods,
      datapointsToAlarm: evaluationPeriods,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(this.action);
  }

  private queueNotEmpty(id: string, queue: sqs.IQueue, description: string): void {
    this.alarm(id, queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }), description);
  }
}
