/**
 * The embedded AWS stand-ins, all on 127.0.0.1 and ephemeral ports: s3rver (S3, emits object
 * events; bucket versioning added by s3-versions.ts), aws-ses-v2-local (SES v1 SendRawEmail) and dynalite (DynamoDB, honours conditional
 * writes, so the ledger's at-most-once logic is really exercised).
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { addS3Versioning, type VersionedS3rver } from './s3-versions.ts';

const require = createRequire(import.meta.url);

export interface S3rverLike {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(event: 'event', listener: (e: unknown) => void): void;
}

export interface LocalServers {
  s3Endpoint: string;
  sesEndpoint: string;
  dynamoEndpoint: string;
  /** Subscribe to s3rver's object events (raw, as s3rver shapes them). */
  onS3Event(listener: (e: unknown) => void): void;
  close(): Promise<void>;
}

function listenPort(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startLocalServers(opts: { s3Dir: string }): Promise<LocalServers> {
  await mkdir(opts.s3Dir, { recursive: true });
  const S3rver = require('s3rver') as new (o: Record<string, unknown>) => S3rverLike;
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: opts.s3Dir, resetOnClose: true });
  // s3rver has no bucket versioning; the data bucket in AWS is versioned (functions/local/s3-versions.ts).
  addS3Versioning(s3 as unknown as VersionedS3rver);
  const s3Address = await s3.run();

  const sesLocal = (require('aws-ses-v2-local') as { default: (c: { host: string; port: number }) => Promise<Server> }).default;
  const ses = await sesLocal({ host: '127.0.0.1', port: 0 });
  const sesPort = (ses.address() as AddressInfo).port;

  const dynalite = require('dynalite') as (o: Record<string, unknown>) => Server;
  const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const dynamoPort = await listenPort(dynamo);

  return {
    s3Endpoint: `http://127.0.0.1:${s3Address.port}`,
    sesEndpoint: `http://127.0.0.1:${sesPort}`,
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    onS3Event: (listener) => s3.on('event', listener),
    async close() {
      await s3.close();
      await new Promise<void>((r) => ses.close(() => r()));
      await new Promise<void>((r) => dynamo.close(() => r()));
    },
  };
}
