/**
 * `report-cards suppressions list|remove ADDRESS`: the addresses SES reported as bouncing
 * permanently or complaining, which every send skips (items `suppression#<address>` in the send
 * ledger's table), and taking one off once an officer has fixed it.
 */
import { z } from 'zod';
import type { SuppressionEntry } from '../../core/pipeline/ports.ts';
import { parseOptions, runCommand, suppressionList, TABLE_HELP, UsageError } from '../aws-options.ts';

export const help = `Usage: report-cards suppressions list --table NAME [--json] [--endpoint URL]
       report-cards suppressions remove ADDRESS --table NAME [--endpoint URL]

The suppression list: addresses that bounced permanently or complained, which no send reaches
(the pack's owners are told instead).

  list            print each suppressed address, why and since when
  remove ADDRESS  take ADDRESS off the list, so the next send reaches it again (on the next
                  distribution morning of the month it gets the pack it missed); exits 1 when
                  ADDRESS is not on the list
  --json          list as a JSON array
${TABLE_HELP}`;

const addressSchema = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.email());

const why = (e: SuppressionEntry) => (e.reason === 'complaint' ? 'complaint' : 'permanent bounce');

function format(entries: SuppressionEntry[]): string {
  if (entries.length === 0) return 'No address is suppressed.\n';
  const width = Math.max(...entries.map((e) => e.address.length));
  return `${entries.map((e) => `${e.address.padEnd(width)}  ${why(e).padEnd(16)}  since ${e.at}  ${e.detail}`).join('\n')}\n`;
}

export function run(args: string[]): Promise<number> {
  return runCommand('suppressions', help, async () => {
    const { values, positionals } = parseOptions(args, {
      table: { type: 'string' },
      endpoint: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const [action, ...rest] = positionals;
    if (action !== 'list' && action !== 'remove') throw new UsageError(action ? `unknown action '${action}' (list or remove)` : 'say list or remove');
    if (!values.table) throw new UsageError('--table is required');
    const expected = action === 'remove' ? 1 : 0;
    if (rest.length !== expected) throw new UsageError(action === 'remove' ? 'remove takes exactly one ADDRESS' : `unexpected argument '${rest[0]}'`);
    const suppressions = suppressionList(values.table, values.endpoint);
    const reach = (e: unknown) => new Error(`cannot read the table '${values.table}': ${(e as Error).message}`);

    if (action === 'list') {
      const entries = await suppressions.list().catch((e) => Promise.reject(reach(e)));
      process.stdout.write(values.json ? `${JSON.stringify(entries, null, 2)}\n` : format(entries));
      return 0;
    }
    const parsed = addressSchema.safeParse(rest[0]);
    if (!parsed.success) throw new UsageError(`'${rest[0]}' is not an email address`);
    const address = parsed.data;
    const entry = await suppressions.find(address).catch((e) => Promise.reject(reach(e)));
    const removed = await suppressions.remove(address).catch((e) => Promise.reject(reach(e)));
    if (!removed) {
      process.stderr.write(`report-cards suppressions: ${address} is not on the suppression list; nothing changed\n`);
      return 1;
    }
    const was = entry ? ` (${why(entry)} since ${entry.at}: ${entry.detail})` : '';
    process.stdout.write(`Removed ${address} from the suppression list${was}.\nThe next send to it goes out; on the next distribution morning of the month it gets the pack it missed.\n`);
    return 0;
  });
}
