/**
 * Pack templates name distribution lists; the addresses behind them are per-environment config in
 * cdk.json. A pack naming a list the environment does not define would fail only on distribution
 * day, so synth checks every list every pack names (templates/packs/*.json, read and parsed by the
 * same adapter and schema the handlers use).
 */
import { loadPackTemplatesSync } from '../functions/adapters/pack-templates.ts';
import type { MailAudience } from './access.ts';
import type { EnvironmentConfig } from './config.ts';

export function packListProblems(config: EnvironmentConfig, packsDir: string): string[] {
  const problems: string[] = [];
  for (const pack of loadPackTemplatesSync(packsDir)) {
    const d = pack.distribution;
    const named: [string, string][] = [
      ...d.lists.map((l): [string, string] => ['distribution.lists', l]),
      ['distribution.previewList', d.previewList],
      ['distribution.ownersList', d.ownersList],
    ];
    for (const [field, list] of named) {
      if (!config.lists[list]) {
        problems.push(`lists: pack "${pack.id}" (${field}) sends to list "${list}", which this environment does not define`);
      }
    }
  }
  return problems;
}

/**
 * The addresses a function with these audiences may mail (the `ses:Recipients` condition), from the
 * environment's lists (cdk.json; the local pipeline's own lists under npm start): lower-cased and de-duplicated as the handlers send them (listAddresses),
 * sorted so the policy does not change with list order.
 */
export function mailAddresses(lists: Readonly<Record<string, readonly string[]>>, packsDir: string, audiences: readonly MailAudience[]): string[] {
  const packs = audiences.some((a) => 'packField' in a) ? loadPackTemplatesSync(packsDir) : [];
  const named = new Set<string>();
  for (const a of audiences) {
    if ('list' in a) named.add(a.list);
    else for (const pack of packs) for (const l of [pack.distribution[a.packField]].flat()) named.add(l);
  }
  const addresses = new Set<string>();
  for (const list of named) {
    const members = lists[list];
    if (!members) throw new Error(`list "${list}" is not defined in this environment`);
    for (const m of members) addresses.add(m.toLowerCase());
  }
  return [...addresses].sort();
}
