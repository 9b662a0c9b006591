import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { acknowledge } from '../../infra/nag.ts';
import { buildDefault } from './synth.ts';

interface Ack {
  path: string;
  id: string;
  reason: string;
}

function acknowledgements(root: ReturnType<typeof buildDefault>['app']): Ack[] {
  const out: Ack[] = [];
  for (const c of root.node.findAll()) {
    for (const m of c.node.metadata) {
      if (m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [key, reason] of Object.entries(m.data as Record<string, string>)) {
        out.push({ path: c.node.path, id: key.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return out;
}

describe('cdk-nag (AwsSolutions + Serverless)', () => {
  let built: ReturnType<typeof buildDefault>;
  beforeAll(() => {
    built = buildDefault();
  });

  it('finds nothing unacknowledged in either stack, and synth succeeds with both packs and CloudFormation validation', () => {
    const { app } = built;
    for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) {
      const report = pack.validateScope(app);
      expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
      expect(report.success).toBe(true);
    }
    delete process.env.CDK_VALIDATION; // as `cdk synth` runs: CDK's own template checks too
    try {
      app.synth();
    } finally {
      process.env.CDK_VALIDATION = 'false';
    }
    const report = JSON.parse(readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports).toEqual([]);
  });

  it('is enforced at synth: a new finding fails it', () => {
    const { app, stateless } = buildDefault();
    new sqs.Queue(stateless, 'Unencrypted', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = String(e);
    }
    for (const id of ['AwsSolutions-SQS2', 'AwsSolutions-SQS4', 'Serverless-SQSRedrivePolicy']) expect(message).toContain(id);
    expect(message).toContain(`${stateless.node.path}/Unencrypted/Resource`);
    // Only the new queue: everything the app itself builds stays clean.
    expect(message.match(/Acknowledge with/g)).toHaveLength(4);
  });

  it('matches acknowledgements by exact finding id, so an acknowledgement cannot cover a different finding', () => {
    const { app, stateful } = buildDefault();
    const bucket = new s3.Bucket(stateful, 'Unlogged', { enforceSSL: true });
    acknowledge(bucket, 'AwsSolutions-S10', 'Deliberately acknowledging the wrong rule for this test.');
    const ids = new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName);
    expect(ids).toContain('AwsSolutions-S1');
    expect(ids).not.toContain('AwsSolutions-S10');
  });

  it('acknowledges narrowly: one finding id per acknowledgement, on a resource-level construct, each with a reason', () => {
    const { app, stateful, stateless } = built;
    const acks = acknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const a of acks) {
      expect(a.id).toMatch(/^(AwsSolutions|Serverless)-[A-Za-z0-9]+(\[.+\])?$/);
      expect(a.reason.length, a.id).toBeGreaterThanOrEqual(20);
      // Never on the app or a whole stack.
      expect([app.node.path, stateful.node.path, stateless.node.path]).not.toContain(a.path);
    }
    // Wildcard-permission findings are always acknowledged one resource at a time.
    for (const a of acks.filter((x) => x.id.startsWith('AwsSolutions-IAM5'))) expect(a.id).toMatch(/\[Resource::.+\]$/);
    // Resource::* only for X-Ray, on the five function roles (four stages and bounces).
    const star = acks.filter((a) => a.id === 'AwsSolutions-IAM5[Resource::*]');
    expect(star.map((a) => a.path).sort()).toEqual(['Bounces', 'Distribute', 'Ingest', 'Render', 'Schedule'].map((f) => `${stateless.node.path}/${f}/Role`));
    for (const a of star) expect(a.reason).toMatch(/X-Ray/);
    // Bucket-object wildcards are per prefix of the data bucket, never the whole bucket.
    for (const a of acks.filter((x) => x.id.includes('DataBucketArn'))) expect(a.id).toMatch(/DataBucketArn\/[a-z-]+\/([a-z-]+\/)?\*\]$/);
  });

  it('lists every distinct acknowledgement (kept in step with infra/README-deploy.md)', () => {
    const { app } = built;
    const distinct = [...new Set(acknowledgements(app).map((a) => a.id.replace(/DataBucketArn\/.*\*\]$/, 'DataBucketArn/<prefix>*]').replace(/<ScheduleFunction[0-9A-F]+\.Arn>/, '<ScheduleFunction.Arn>')))].sort();
    expect(distinct).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-IAM5[Resource::<ScheduleFunction.Arn>:*]',
      'AwsSolutions-IAM5[Resource::AscReportCards-default-Stateful-DataBucketArn/<prefix>*]',
      'AwsSolutions-L1',
      'AwsSolutions-S1',
      'AwsSolutions-SQS3',
      'Serverless-LambdaDLQ',
      'Serverless-LambdaLatestVersion',
      'Serverless-LambdaTracing',
      'Serverless-SQSRedrivePolicy',
    ]);
  });
});
