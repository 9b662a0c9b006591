/**
 * The bounces function in the synthesized stateless stack: subscribed to the SES mail-events
 * topic with a redrive queue, failing invocations to the same queue (alarmed), and able to do one
 * thing only — put `suppression#…` items in the ledger table.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { asArray, functionStatements, synthDefault, type Built } from '../synth.ts';
import { BOUNCES_SETTINGS } from '../../../infra/constructs/bounces.ts';

let built: Built;
beforeAll(() => {
  built = synthDefault();
});

const ids = (type: string, prefix: string) => Object.keys(built.stateless$.findResources(type)).filter((id) => id.startsWith(prefix));
const fnId = () => ids('AWS::Lambda::Function', 'BouncesFunction')[0]!;
const queueId = () => ids('AWS::SQS::Queue', 'BouncesFailures')[0]!;
const mailEventsTopic = () => built.stateless.resolve(built.stateful.mailEventsTopic.topicArn);

describe('bounces function', () => {
  it('is built by the one construct: nodejs22.x, arm64, tracing, JSON logs, its memory and timeout, a failure destination', () => {
    expect(ids('AWS::Lambda::Function', 'BouncesFunction')).toHaveLength(1);
    const fn = built.stateless$.findResources('AWS::Lambda::Function')[fnId()]!.Properties;
    expect(fn).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON' },
      MemorySize: BOUNCES_SETTINGS.memoryMb,
      Timeout: BOUNCES_SETTINGS.timeoutSeconds,
    });
    expect(fn.Environment.Variables.LEDGER_TABLE).toBeDefined();
    expect(fn.Environment.Variables.BUCKET).toBeUndefined();
    built.stateless$.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId() },
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId(), 'Arn'] } } },
    });
  });

  it('is subscribed to the SES mail-events topic, redriving to its failure queue', () => {
    built.stateless$.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [fnId(), 'Arn'] },
      TopicArn: mailEventsTopic(),
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [queueId(), 'Arn'] } },
    });
    built.stateless$.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId(), 'Arn'] },
      Principal: 'sns.amazonaws.com',
      SourceArn: mailEventsTopic(),
    });
    // SNS may write to the queue only for that topic.
    built.stateless$.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId() }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'sns.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Condition: { ArnEquals: { 'aws:SourceArn': mailEventsTopic() } },
          }),
        ]),
      },
    });
  });

  it('the topic carries the configuration set bounces and complaints (stateful stack)', () => {
    built.stateful$.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        SnsDestination: { TopicARN: { Ref: Match.stringLikeRegexp('^MailEvents') } },
      }),
    });
  });

  it('may only put suppression items in the ledger table, and use the key only through DynamoDB', () => {
    const statements = functionStatements(built.stateless$, 'Bounces');
    const data = statements.filter((s) => asArray(s.Action).some((a) => /^(dynamodb|s3|ses|kms):/.test(a)));
    expect(data).toEqual([
      {
        Sid: 'AddToSuppressionListOnly',
        Effect: 'Allow',
        Action: 'dynamodb:PutItem',
        Resource: built.stateless.resolve(built.stateful.ledger.tableArn),
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['suppression#*'] } },
      },
      {
        Sid: 'LedgerKeyViaDynamoDB',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
        Resource: built.stateless.resolve(built.stateful.key.keyArn),
        Condition: { StringEquals: { 'kms:ViaService': [expect.anything()] } },
      },
    ]);
    expect(JSON.stringify(data[1]!.Condition)).toContain('dynamodb.');
    // Nothing else beyond its own logs, traces and failure queue.
    const rest = statements.filter((s) => !data.includes(s)).flatMap((s) => asArray(s.Action));
    expect(rest.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  it('errors, throttles and a non-empty failure queue raise alarms', () => {
    const alarms = Object.values(built.stateless$.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const on = (pred: (a: Record<string, unknown>) => boolean) => alarms.filter(pred).length;
    expect(on((a) => a.MetricName === 'Errors' && JSON.stringify(a.Dimensions).includes(fnId()))).toBe(1);
    expect(on((a) => a.MetricName === 'Throttles' && JSON.stringify(a.Dimensions).includes(fnId()))).toBe(1);
    expect(on((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(a.Dimensions).includes(queueId()))).toBe(1);
  });
});
