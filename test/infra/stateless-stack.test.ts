import { Match } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FailureQueue } from '../../infra/constructs/failure-queue.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_PREFIXES, UPLOAD_PREFIXES } from '../../functions/core/bucket-layout.ts';
import { ACCESS, type FunctionName } from '../../infra/access.ts';
import { rulesFromLayout, rulesFromTemplate } from '../../functions/local/notifications.ts';
import { RUN_METRICS } from '../../infra/constructs/operations.ts';
import { matchesStringLike } from '../../functions/core/pipeline/ledger-keys.ts';
import { suppressionKey } from '../../functions/core/pipeline/suppression.ts';
import { parseRecipients, RECIPIENTS_KEY } from '../../functions/core/pipeline/recipients.ts';
import { asArray, functionStatements, objectSuffix, policyDocuments, synthDefault, type Built, type Statement } from './synth.ts';

let built: Built;
beforeAll(() => {
  built = synthDefault();
});

const FUNCTIONS: [FunctionName, string][] = [
  ['ingest', 'Ingest'],
  ['render', 'Render'],
  ['distribute', 'Distribute'],
  ['schedule', 'Schedule'],
];

/** Logical id of one of our four functions (not CDK's helper functions). */
function functionId(constructId: string): string {
  const ids = Object.keys(built.stateless$.findResources('AWS::Lambda::Function')).filter((id) => id.startsWith(`${constructId}Function`));
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

/** One function's statements with any action of a service ('kms', 'ses', 'dynamodb'). */
function serviceStatements(fnId: string, service: string): Statement[] {
  return functionStatements(built.stateless$, fnId).filter((s) => asArray(s.Action).some((a) => a.startsWith(`${service}:`)));
}

function statementsWith(fnId: string, action: string): Statement[] {
  return functionStatements(built.stateless$, fnId).filter((s) => asArray(s.Action).includes(action));
}

describe('stateless stack: functions', () => {
  it.each(FUNCTIONS)('%s runs nodejs22.x on arm64 with tracing, JSON logs, explicit memory and timeout', (name, id) => {
    const settings = built.config.functions[name];
    const fn = built.stateless$.findResources('AWS::Lambda::Function')[functionId(id)]!.Properties;
    expect(fn).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      MemorySize: settings.memoryMb,
      Timeout: settings.timeoutSeconds,
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN', LogGroup: { Ref: expect.stringMatching(new RegExp(`^${id}Logs`)) } },
    });
    expect(fn.ReservedConcurrentExecutions).toBe(settings.reservedConcurrency);
    expect(fn.Environment.Variables).toMatchObject({
      SENDER: built.config.sender.fromAddress,
      TEMPLATES_DIR: '/var/task/templates',
      FONTS_DIR: '/var/task/fonts/Roboto',
      RECIPIENTS_KEY,
      METRICS_NAMESPACE: RUN_METRICS.namespace,
      LA_CODE: built.config.laCode,
      MAX_UPLOAD_BYTES: String(built.config.maxUploadBytes),
      // cdk.json's cron(0 7 ? * MON-FRI *) in Europe/London: a preview says "before 07:00 UK time".
      DISTRIBUTION_TIME: '07:00',
      DISTRIBUTION_TIMEZONE: 'Europe/London',
    });
    expect(Object.keys(fn.Environment.Variables)).toEqual(expect.arrayContaining(['BUCKET', 'LEDGER_TABLE', 'SES_CONFIGURATION_SET']));
  });

  it('runs ingest, distribute and schedule one at a time (no recompute races; protects the SES send rate)', () => {
    for (const id of ['Ingest', 'Distribute', 'Schedule']) {
      expect(built.stateless$.findResources('AWS::Lambda::Function')[functionId(id)]!.Properties.ReservedConcurrentExecutions).toBe(1);
    }
  });

  it('keeps each function log group for the configured retention', () => {
    const groups = Object.entries(built.stateless$.findResources('AWS::Logs::LogGroup')).filter(([id]) => FUNCTIONS.some(([, c]) => id.startsWith(`${c}Logs`)));
    expect(groups).toHaveLength(4);
    for (const [, g] of groups) expect(g.Properties.RetentionInDays).toBe(built.config.retentionDays.functionLogs);
  });

  it.each(FUNCTIONS)('%s sends failed asynchronous events, after 2 retries, to its own encrypted TLS-only queue', (_name, id) => {
    const configs = Object.values(built.stateless$.findResources('AWS::Lambda::EventInvokeConfig')).filter(
      (c) => c.Properties.FunctionName.Ref === functionId(id),
    );
    expect(configs).toHaveLength(1);
    const p = configs[0]!.Properties;
    expect(p.MaximumRetryAttempts).toBe(2);
    const queueId = p.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0] as string;
    expect(queueId).toMatch(new RegExp(`^${id}Failures`));
    expect(built.stateless$.findResources('AWS::SQS::Queue')[queueId]!.Properties.SqsManagedSseEnabled).toBe(true);
    built.stateless$.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('builds every queue of the app as a FailureQueue, each alarmed on its depth', () => {
    const queues = [built.stateful, built.stateless].flatMap((stack) => stack.node.findAll().filter((c): c is sqs.Queue => c instanceof sqs.Queue));
    // Five functions' failure queues, the schedule's DLQ, the undeliverable notifications.
    expect(queues).toHaveLength(7);
    for (const q of queues) expect(q, q.node.path).toBeInstanceOf(FailureQueue);
    const depthAlarms = Object.values(built.stateless$.findResources('AWS::CloudWatch::Alarm')).filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible');
    for (const id of Object.keys(built.stateless$.findResources('AWS::SQS::Queue'))) {
      expect(depthAlarms.filter((a) => JSON.stringify(a.Properties.Dimensions).includes(`"${id}"`)), id).toHaveLength(1);
    }
  });

  it('encrypts every queue and refuses non-TLS access to each', () => {
    const queues = built.stateless$.findResources('AWS::SQS::Queue');
    const policies = Object.values(built.stateless$.findResources('AWS::SQS::QueuePolicy'));
    for (const [id, q] of Object.entries(queues)) {
      expect(q.Properties.SqsManagedSseEnabled ?? q.Properties.KmsMasterKeyId, id).toBeTruthy();
      const policy = policies.find((p) => p.Properties.Queues.some((r: any) => r.Ref === id));
      expect(policy, id).toBeDefined();
      expect(policy!.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    }
  });
});

describe('stateless stack: triggers and schedule', () => {
  function notifications(): { fn: string; prefix: string; suffix?: string; events: string[] }[] {
    const resources = Object.values(built.stateless$.findResources('Custom::S3BucketNotifications'));
    expect(resources).toHaveLength(1);
    return resources[0]!.Properties.NotificationConfiguration.LambdaFunctionConfigurations.map((c: any) => {
      const rules = Object.fromEntries(c.Filter.Key.FilterRules.map((r: any) => [r.Name, r.Value]));
      return { fn: c.LambdaFunctionArn['Fn::GetAtt'][0], prefix: rules.prefix, suffix: rules.suffix, events: c.Events };
    });
  }

  it('triggers ingest on every upload prefix, render on measures/*.json, distribute on reports/*.json, and nothing else', () => {
    const expected = [
      ...Object.values(UPLOAD_PREFIXES).map((prefix) => ({ fn: functionId('Ingest'), prefix, suffix: undefined })),
      { fn: functionId('Render'), prefix: OUTPUT_PREFIXES.measures, suffix: '.json' },
      { fn: functionId('Distribute'), prefix: OUTPUT_PREFIXES.reports, suffix: '.json' },
    ];
    const actual = notifications();
    expect(actual.map(({ fn, prefix, suffix }) => ({ fn, prefix, suffix }))).toEqual(expected);
    for (const n of actual) expect(n.events).toEqual(['s3:ObjectCreated:*']);
  });

  it('gives the local runner the same triggers as the bucket layout when it reads them from this template', () => {
    const rules = rulesFromTemplate(built.stateless$.toJSON());
    expect(rules).toEqual(rulesFromLayout());
  });

  it('never triggers a stage on a prefix it writes (no stage can trigger itself)', () => {
    const byId: Record<string, FunctionName> = Object.fromEntries(FUNCTIONS.map(([n, c]) => [functionId(c), n]));
    for (const n of notifications()) {
      for (const written of ACCESS[byId[n.fn]!].write) {
        expect(n.prefix.startsWith(written) || written.startsWith(n.prefix), `${byId[n.fn]} writes ${written}, triggered by ${n.prefix}`).toBe(false);
      }
    }
  });

  it('lets only the data bucket in this account invoke the triggered functions', () => {
    // (The bounces function's one permission, for the SES mail-events topic: test/infra/constructs/bounces.test.ts.)
    const permissions = Object.values(built.stateless$.findResources('AWS::Lambda::Permission')).filter((p) => p.Properties.Principal !== 'sns.amazonaws.com');
    expect(Object.values(built.stateless$.findResources('AWS::Lambda::Permission'))).toHaveLength(4);
    expect(permissions).toHaveLength(3);
    for (const p of permissions) {
      expect(p.Properties).toMatchObject({
        Action: 'lambda:InvokeFunction',
        Principal: 's3.amazonaws.com',
        SourceAccount: { Ref: 'AWS::AccountId' },
        SourceArn: { 'Fn::ImportValue': `${built.stateful.stackName}-DataBucketArn` },
      });
    }
  });

  it('fires the schedule function on working-day mornings, Europe/London, no flexible window, with a DLQ', () => {
    built.stateless$.resourceCountIs('AWS::Scheduler::Schedule', 1);
    built.stateless$.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Europe/London',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [functionId('Schedule'), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduleDeadLetters'), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
      },
    });
  });

  it('writes the recipients lists from cdk.json to config/recipients.json, never into an env var', () => {
    const writers = Object.values(built.stateless$.findResources('Custom::AWS'));
    expect(writers).toHaveLength(1);
    // Create is a Fn::Join of the SDK call's JSON around the bucket-name token.
    const parts = writers[0]!.Properties.Create['Fn::Join'][1] as unknown[];
    const call = JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'BUCKET')).join(''));
    expect(call).toMatchObject({ service: 'S3', action: 'putObject', parameters: { Bucket: 'BUCKET', Key: RECIPIENTS_KEY, ContentType: 'application/json' } });
    expect(JSON.stringify(writers[0]!.Properties.Update)).toEqual(JSON.stringify(writers[0]!.Properties.Create));
    // The body is what the handlers' own recipients parser accepts, with the cdk.json lists.
    expect(parseRecipients(call.parameters.Body)).toEqual({ lists: built.config.lists });
    for (const fn of Object.values(built.stateless$.findResources('AWS::Lambda::Function'))) {
      const env = JSON.stringify(fn.Properties.Environment ?? {});
      for (const address of Object.values(built.config.lists).flat()) expect(env).not.toContain(address);
    }
  });
});

describe('stateless stack: least privilege', () => {
  it('has no wildcard action anywhere in any IAM policy of either stack', () => {
    expect(policyDocuments(built.stateless$).length).toBeGreaterThan(6);
    for (const template of [built.stateful$, built.stateless$]) {
      const docs = policyDocuments(template);
      for (const { id, statements } of docs) {
        for (const s of statements) for (const a of asArray(s.Action)) expect(a, `${id}: ${a}`).not.toContain('*');
      }
    }
  });

  it.each(FUNCTIONS)('%s reads and writes exactly its own prefixes of the data bucket', (name, id) => {
    const fnId = id;
    const objects = (action: string) => statementsWith(fnId, action).flatMap((s) => asArray(s.Resource).map(objectSuffix)).sort();
    expect(objects('s3:GetObject')).toEqual(ACCESS[name].read.map((p) => `/${p}*`).sort());
    expect(objects('s3:PutObject')).toEqual(ACCESS[name].write.map((p) => `/${p}*`).sort());
    // Only the stages that publish or validate write outside runs/.
    const writes = new Set(ACCESS[name].write);
    if (name === 'distribute' || name === 'schedule') expect([...writes]).toEqual([OUTPUT_PREFIXES.runs]);
    if (name === 'render') expect(writes.has(OUTPUT_PREFIXES.measures)).toBe(false);
    for (const upload of Object.values(UPLOAD_PREFIXES)) expect(writes.has(upload), `${name} must never modify an upload`).toBe(false);
    for (const s of functionStatements(built.stateless$, fnId)) {
      for (const a of asArray(s.Action)) expect(a, 'no delete of anything').not.toMatch(/Delete/);
    }
  });

  it.each(FUNCTIONS)('%s uses the data key only through S3 (and DynamoDB for the ledger)', (name, id) => {
    const kms = serviceStatements(id, 'kms');
    expect(kms).toHaveLength(1);
    const via = JSON.stringify(kms[0]!.Condition!.StringEquals!['kms:ViaService']);
    expect(via).toContain('"s3."');
    const ledger = ACCESS[name].ledger.length > 0;
    expect(via.includes('"dynamodb."')).toBe(ledger);
    expect(asArray(kms[0]!.Action).includes('kms:GenerateDataKey')).toBe(ACCESS[name].write.length > 0 || ledger);
  });

  // Which of cdk.json's lists each stage mails: rejections to the performance team, and the owners'
  // notice when one does not arrive (ingest);
  // previews to the packs' preview list and owners' notices (distribute); the board and clerks,
  // owners' notices, reminders and the owners' fallback to the preview list (schedule).
  const MAILED_LISTS: Record<FunctionName, string[]> = {
    ingest: ['performance-team', 'owners'],
    render: [],
    distribute: ['performance-team', 'owners'],
    schedule: ['board', 'clerks', 'performance-team', 'owners'],
  };

  it.each(FUNCTIONS)('%s may send mail only when its stage sends, as the configured identity and From address, to its lists only', (name, id) => {
    const ses = serviceStatements(id, 'ses');
    expect(ses).toHaveLength(MAILED_LISTS[name].length ? 1 : 0);
    if (ses.length === 0) return;
    const s = ses[0]!;
    expect(s.Action).toBe('ses:SendRawEmail');
    const addresses = MAILED_LISTS[name].flatMap((l) => built.config.lists[l]!).map((a) => a.toLowerCase());
    expect(s.Condition).toEqual({
      StringEquals: { 'ses:FromAddress': built.config.sender.fromAddress },
      'ForAllValues:StringEquals': { 'ses:Recipients': [...new Set(addresses)].sort() },
    });
    const resources = JSON.stringify(s.Resource);
    expect(resources).toContain(`:identity/${built.config.sender.identity}"`);
    expect(resources).toContain(`:configuration-set/${built.config.sesConfigurationSetName}"`);
    expect(asArray(s.Resource)).toHaveLength(2);
  });

  it('sends nothing to an address outside the lists: every SendRawEmail grant in the stack carries ses:Recipients', () => {
    const all = Object.values(built.config.lists).flat().map((a) => a.toLowerCase());
    const grants = policyDocuments(built.stateless$).flatMap((d) => d.statements).filter((s) => asArray(s.Action).some((a) => a.startsWith('ses:')));
    expect(grants).toHaveLength(3);
    for (const g of grants) {
      const allowed = g.Condition?.['ForAllValues:StringEquals']?.['ses:Recipients'] as string[];
      expect(allowed.length).toBeGreaterThan(0);
      for (const a of allowed) expect(all).toContain(a);
    }
  });

  // The partition-key families (ledger-keys.ts) each stage writes, as IAM StringLike patterns.
  const LEDGER_WRITES: Record<FunctionName, string[]> = {
    ingest: ['rejection#*', 'notice#rejection#*'],
    render: [],
    distribute: ['????-??#*#preview#*', 'notice#????-??#*#preview#*'],
    schedule: ['????-??#*#board#*', 'notice#????-??#*#board#*', 'reminder#*', 'notice#reminder#*'],
  };

  it.each(FUNCTIONS)('%s reads the ledger and writes only its own key families (dynamodb:LeadingKeys)', (name, id) => {
    const ddb = serviceStatements(id, 'dynamodb');
    expect(ddb).toHaveLength(LEDGER_WRITES[name].length ? 2 : 0);
    if (ddb.length === 0) return;
    for (const s of ddb) expect(JSON.stringify(s.Resource)).toContain('SendLedger');
    const reads = ddb.find((s) => asArray(s.Action).includes('dynamodb:GetItem'))!;
    expect(asArray(reads.Action).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:Scan']);
    const writes = ddb.find((s) => asArray(s.Action).includes('dynamodb:PutItem'))!;
    expect(asArray(writes.Action).sort()).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(writes.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': LEDGER_WRITES[name] } });
  });

  it('lets only the bounces function write suppression# items, and every ledger write is limited by key', () => {
    const writers = policyDocuments(built.stateless$).flatMap((d) =>
      d.statements.filter((s) => asArray(s.Action).some((a) => a === 'dynamodb:PutItem' || a === 'dynamodb:UpdateItem')).map((s) => ({ id: d.id, s })),
    );
    expect(writers).toHaveLength(4);
    for (const { id, s } of writers) {
      const patterns = s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[];
      expect(patterns.length, id).toBeGreaterThan(0);
      expect(patterns.some((p) => matchesStringLike(p, suppressionKey('chair@example.org'))), id).toBe(id.startsWith('BouncesRole'));
    }
  });
});

describe('stateless stack: alarms', () => {
  const alarms = () => Object.values(built.stateless$.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const topicRef = () => {
    const topics = Object.keys(built.stateless$.findResources('AWS::SNS::Topic'));
    expect(topics).toHaveLength(1);
    return topics[0]!;
  };

  it('sends every alarm to the KMS-encrypted, TLS-only alarm topic, which emails the configured address', () => {
    const topic = topicRef();
    for (const a of alarms()) expect(a.AlarmActions).toEqual([{ Ref: topic }]);
    built.stateless$.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    built.stateless$.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topic }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    built.stateless$.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: built.config.alarmEmail, TopicArn: { Ref: topic } });
    // SES bounces and complaints reach the same people, with a redrive queue for undeliverable mail.
    built.stateless$.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: built.config.alarmEmail,
      TopicArn: { 'Fn::ImportValue': Match.stringLikeRegexp('MailEvents') },
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue() },
    });
  });

  it.each(FUNCTIONS)('alarms on %s errors, throttles and a non-empty failure queue', (name, id) => {
    const fn = functionId(id);
    const on = (metric: string) =>
      alarms().filter((a) => a.MetricName === metric && a.Dimensions?.some((d: any) => d.Name === 'FunctionName' && d.Value.Ref === fn));
    expect(on('Errors')).toEqual([expect.objectContaining({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' })]);
    // Reserved concurrency throttles a burst by design: alarm only on 30 minutes of it.
    const sustained = built.config.functions[name].reservedConcurrency ? 6 : 1;
    expect(on('Throttles')).toEqual([expect.objectContaining({ EvaluationPeriods: sustained, DatapointsToAlarm: sustained, Period: 300 })]);
    const queue = alarms().filter(
      (a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(a.Dimensions).includes(`${id}Failures`),
    );
    expect(queue).toHaveLength(1);
  });

  it('alarms when the schedule stops firing and when a monthly run is missing', () => {
    const schedule = functionId('Schedule');
    expect(alarms()).toContainEqual(
      expect.objectContaining({
        MetricName: 'Invocations',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: schedule } }],
        Period: 86400,
        EvaluationPeriods: 3,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'breaching',
      }),
    );
    expect(alarms()).toContainEqual(
      expect.objectContaining({ Namespace: RUN_METRICS.namespace, MetricName: RUN_METRICS.monthlyRunMissing, Period: 86400, Statistic: 'Maximum' }),
    );
    // Five functions' failure queues, the schedule's DLQ, the undeliverable notifications.
    expect(alarms().filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(7);
  });
});
