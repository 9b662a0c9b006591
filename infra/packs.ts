/**
 * Pack templates name distribution lists; the addresses behind them are per-environment config in
 * cdk.json. A pack naming a list the environment does not define would fail only on distribution
 * day, so synth checks every list every pack names (templates/packs/*.json, parsed by the same
 * schema the renderer uses).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePackTemplate } from '../functions/core/cards/load-packs.ts';
import type { EnvironmentConfig } from './config.ts';

export function packListProblems(config: EnvironmentConfig, packsDir: string): string[] {
  const problems: string[] = [];
  for (const name of readdirSync(packsDir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(packsDir, name);
    const pack = parsePackTemplate(file, readFileSync(file, 'utf8'));
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
