/** Starts the local pipeline (real servers, real clients) in a temporary folder for one test file. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLocalPipeline, type LocalPipeline, type LocalPipelineOptions } from '../../functions/local/pipeline.ts';
import { FIXTURE_TEMPLATES_DIR } from './project-files.ts';

export interface SentMail {
  recipient: string;
  messageId: string;
  raw: Uint8Array;
  ledgerKey: string;
}

export async function localPipeline(opts: Partial<LocalPipelineOptions> = {}): Promise<LocalPipeline & { sent: SentMail[]; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-test-'));
  const sent: SentMail[] = [];
  const p = await startLocalPipeline({
    s3Dir: path.join(dir, 's3'),
    // The tests' own packs, not templates/: a pack an officer adds changes no test.
    templatesDir: FIXTURE_TEMPLATES_DIR,
    onSent: async (m) => {
      sent.push(m);
    },
    ...opts,
  });
  return Object.assign(p, {
    sent,
    async dispose() {
      await p.close();
      await rm(dir, { recursive: true, force: true });
    },
  });
}
