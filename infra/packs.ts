/**
 * Pack templates name distribution lists; the addresses behind them are per-environment config in
 * cdk.json. A pack naming a list the environment does not define would fail only on distribution
 * day, so synth checks every list every pack names (templates/packs/*.json, read and parsed by the
 * same adapter and schema the handlers use).
 */
import { loadPackTemplatesSync } from '../functions/adapters/pack-templates.ts';
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
