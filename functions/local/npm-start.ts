/**
 * The `npm start` entry. Reads the command line and checks a --data folder before loading the
 * pipeline (AWS SDK, handlers, local servers), so --help and a usage error answer at once: one
 * sentence on stderr and exit 2, never a stack trace. The run itself is functions/local/start.ts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataDirError, officerUploads } from './officer-files.ts';
import { parseStartArgs, START_HELP, UsageError, type StartCommand } from './start-options.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function main(argv: string[]): Promise<number> {
  let command: StartCommand;
  try {
    command = parseStartArgs(argv, ROOT);
    if (!command.help && 'dataDir' in command.source) await officerUploads(command.source.dataDir);
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof DataDirError)) throw e;
    process.stderr.write(`npm start: ${e.message} (npm start -- --help explains the options).\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${START_HELP}\n`);
    return 0;
  }
  // The SDK's multi-line Node-version warning would bury the summary; say it in one line instead.
  if (Number(process.versions.node.split('.')[0]) < 22 && process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === undefined) {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    process.stdout.write(`Note: Node ${process.versions.node}; AWS SDK releases after early January 2027 need Node 22 or later.\n`);
  }
  const { start } = await import('./start.ts');
  return start({
    outDir: command.outDir,
    source: command.source,
    log: (l) => process.stdout.write(`${l}\n`),
    warn: (l) => process.stderr.write(`${l}\n`),
  });
}

process.exitCode = await main(process.argv.slice(2));
