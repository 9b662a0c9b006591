/**
 * FailureQueue, the one end of every failure path in the app: encrypted, TLS-only, 14 days, and
 * clean under cdk-nag with the two acknowledgements it carries (a plain queue with the same
 * settings is not, so the test can tell).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Duration } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FailureQueue } from '../../../infra/constructs/failure-queue.ts';
import { enforceNag } from '../../../infra/nag.ts';

beforeAll(() => {
  process.env.CDK_VALIDATION = 'false'; // see test/infra/synth.ts: schema checks run in the nag test
});

function stackWith(add: (stack: Stack) => void): Stack {
  const app = new App();
  enforceNag(app);
  const stack = new Stack(app, 'Queues');
  add(stack);
  return stack;
}

describe('FailureQueue', () => {
  it('is SSE-encrypted, refuses non-TLS access and keeps messages 14 days', () => {
    const t = Template.fromStack(stackWith((s) => new FailureQueue(s, 'Failures', { endOf: 'the test function' })));
    t.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    const [policy] = Object.values(t.findResources('AWS::SQS::QueuePolicy'));
    expect(policy!.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('passes cdk-nag, where a plain queue with the same settings does not', () => {
    expect(() => Template.fromStack(stackWith((s) => new FailureQueue(s, 'Failures', { endOf: 'the test function' })))).not.toThrow();
    const plain = stackWith((s) => new sqs.Queue(s, 'Failures', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) }));
    expect(() => Template.fromStack(plain)).toThrow(/AwsSolutions-SQS3[\s\S]*Serverless-SQSRedrivePolicy|Serverless-SQSRedrivePolicy[\s\S]*AwsSolutions-SQS3/);
  });
});
