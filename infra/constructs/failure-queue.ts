/**
 * The end of a failure path: where an event goes when nothing will retry it any more (a Lambda's
 * on-failure destination, EventBridge Scheduler's dead-letter queue, an SNS subscription's
 * redrive). Every such queue in the app is one of these, so each is encrypted (SQS-managed SSE:
 * the producers need no KMS grant, and what lands here are event envelopes — keys and times —
 * not uploads), TLS-only, and keeps its messages the 14 days SQS allows for an operator to look
 * and redrive. Nothing consumes it, so it has no dead-letter queue of its own; Operations alarms
 * on its depth.
 *
 * A subclass of sqs.Queue rather than a wrapper, so the queue keeps the logical id it had: a
 * replaced queue would lose whatever was waiting in it.
 */
import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';

export interface FailureQueueProps {
  /** What fails into it, for the acknowledgements' reasons: "the ingest function", "the schedule target". */
  readonly endOf: string;
}

export class FailureQueue extends sqs.Queue {
  constructor(scope: Construct, id: string, props: FailureQueueProps) {
    super(scope, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this, 'AwsSolutions-SQS3', `This queue is itself the failure destination of ${props.endOf}; nothing consumes it but operators.`);
    acknowledge(this, 'Serverless-SQSRedrivePolicy', `End of the failure path of ${props.endOf}: messages stay here (alarmed on depth) until an operator redrives them.`);
  }
}
