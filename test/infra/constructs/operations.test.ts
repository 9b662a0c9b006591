import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MISSING_RUN_MESSAGE, Operations, RUN_METRICS } from '../../../infra/constructs/operations.ts';
import { PROJECT_ROOT } from '../../../infra/constructs/report-function.ts';

let template: Template;
beforeAll(() => {
  process.env.CDK_VALIDATION = 'false'; // see test/infra/synth.ts: schema checks run in the nag test
  const stack = new Stack(new App(), 'Ops');
  const ops = new Operations(stack, 'Operations', {
    key: new kms.Key(stack, 'Key'),
    alarmEmail: 'ops@example.org',
    forwardTopics: [{ id: 'MailEvents', topic: new sns.Topic(stack, 'MailEvents') }],
  });
  const fn = lambda.Function.fromFunctionName(stack, 'Fn', 'schedule-fn');
  ops.watchFunction('schedule', fn, new sqs.Queue(stack, 'Failures'));
  ops.watchSchedule(fn, new logs.LogGroup(stack, 'ScheduleLogs'), new sqs.Queue(stack, 'Dlq'));
  template = Template.fromStack(stack);
});

describe('Operations', () => {
  it('turns the schedule function’s "no approved version on distribution day" log line into MonthlyRunMissing', () => {
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('^ScheduleLogs') },
      FilterPattern: `{ $.message = "*${MISSING_RUN_MESSAGE}*" }`,
      MetricTransformations: [{ MetricNamespace: RUN_METRICS.namespace, MetricName: RUN_METRICS.monthlyRunMissing, MetricValue: '1' }],
    });
  });

  it('matches the wording the schedule use case logs (the alarm depends on it)', () => {
    const source = readFileSync(path.join(PROJECT_ROOT, 'functions/core/pipeline/working-day.ts'), 'utf8');
    expect(source).toContain(MISSING_RUN_MESSAGE);
  });

  it('alarms on errors, throttles, queue depths, a silent schedule and a missing run, all to the one topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms.map((a) => a.MetricName).sort()).toEqual(
      [
        'ApproximateNumberOfMessagesVisible', // undeliverable notifications
        'ApproximateNumberOfMessagesVisible', // failure queue
        'ApproximateNumberOfMessagesVisible', // schedule DLQ
        'Errors',
        'Invocations',
        RUN_METRICS.monthlyRunMissing,
        'Throttles',
      ].sort(),
    );
    const topic = Object.keys(template.findResources('AWS::SNS::Topic')).find((id) => id.startsWith('OperationsAlarms'))!;
    for (const a of alarms) expect(a.AlarmActions).toEqual([{ Ref: topic }]);
  });

  it('lets CloudWatch alarms of this account publish to the alarm topic (its policy replaces the SNS default)', () => {
    const topic = Object.keys(template.findResources('AWS::SNS::Topic')).find((id) => id.startsWith('OperationsAlarms'))!;
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topic }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          {
            Sid: 'AlarmsInThisAccountMayPublish',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: { Ref: topic },
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':alarm:*']] } },
            },
          },
        ]),
      },
    });
  });

  it('emails both topics with a redrive queue for notifications that cannot be delivered', () => {
    const subs = Object.values(template.findResources('AWS::SNS::Subscription')).map((s) => s.Properties);
    expect(subs).toHaveLength(2);
    for (const s of subs) {
      expect(s).toMatchObject({ Protocol: 'email', Endpoint: 'ops@example.org' });
      expect(s.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0]).toMatch(/^OperationsUndeliverable/);
    }
  });
});
