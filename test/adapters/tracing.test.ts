/**
 * The SDK clients the adapters build are captured by Powertools Tracer inside Lambda (X-Ray
 * middleware on each client) and left as they are elsewhere.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const XRAY = 'XRaySDKInstrumentation';

async function clientMiddleware(): Promise<string[][]> {
  const { s3ClientFor } = await import('../../functions/adapters/object-store.ts');
  const { sesClientFor } = await import('../../functions/adapters/mailer.ts');
  const { dynamoClientFor } = await import('../../functions/adapters/ledger.ts');
  return [s3ClientFor(), sesClientFor(), dynamoClientFor()].map((c) => c.middlewareStack.identify());
}

beforeEach(() => {
  vi.resetModules();
  vi.stubEnv('AWS_REGION', 'eu-west-2');
});
afterEach(() => vi.unstubAllEnvs());

describe('traced SDK clients', () => {
  it('in Lambda: S3, SES and DynamoDB clients carry the X-Ray middleware', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs22.x');
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'ingest');
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'asc-report-cards-ingest');
    for (const stack of await clientMiddleware()) expect(stack.some((m) => m.startsWith(XRAY))).toBe(true);
  });

  it('elsewhere (the local pipeline, tests): the clients are untouched', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', undefined);
    for (const stack of await clientMiddleware()) expect(stack.some((m) => m.startsWith(XRAY))).toBe(false);
  });
});
