/**
 * A second local S3 server for the tests: fauxqs (an SQS/SNS/S3 emulator on npm), whose listings
 * carry milliseconds (`…T09:00:00.123Z`) while GetObject answers whole seconds, as some S3
 * servers do. s3rver's listings have whole seconds, so code that compared the two with `===`
 * passed every s3rver test and never computed measures on fauxqs. fauxqs keeps no object
 * versions and sends no object events: tests deliver events themselves.
 * Started with its app builder so it listens on 127.0.0.1 only (`startFauxqs` binds 0.0.0.0).
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from 'fauxqs';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { S3ObjectStore, s3ClientFor } from '../../functions/adapters/object-store.ts';

export async function startFauxqsStore(bucket: string): Promise<{ store: S3ObjectStore; close(): Promise<void> }> {
  const app = buildApp({ logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const s3 = s3ClientFor(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  return { store: new S3ObjectStore(s3, bucket), close: () => app.close() };
}
