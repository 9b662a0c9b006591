/**
 * X-Ray for the SDK-backed adapters: every S3, SES and DynamoDB call becomes a subsegment of the
 * function's trace (the functions run with active tracing, infra/constructs/report-function.ts).
 * Outside Lambda Powertools turns tracing off and hands each client back unchanged, so the local
 * pipeline and the tests need no X-Ray daemon.
 */
import { Tracer } from '@aws-lambda-powertools/tracer';

const tracer = new Tracer();

/** The client, instrumented when tracing is on. */
export function traced<T>(client: T): T {
  return tracer.captureAWSv3Client(client);
}
