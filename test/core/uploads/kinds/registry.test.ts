import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPLOAD_ORDER } from '../../../../functions/local/officer-files.ts';
import { UPLOAD_PREFIXES, uploadKindOfKey } from '../../../../functions/core/bucket-layout.ts';
import { INPUT_HELP, INPUT_OPTIONS, inputUsage } from '../../../../functions/cli/load-inputs.ts';
import { KINDS, PERIOD_KIND, SNAPSHOT_KINDS, UPLOAD_KINDS } from '../../../../functions/core/uploads/kinds/index.ts';

describe('the registry of upload kinds', () => {
  // The contract names each kind in a section of its own (`## events (CLD layout)`, `## waiting`, ...)
  // and the snapshot kinds in "Snapshots and history".
  const spec = readFileSync(path.resolve(import.meta.dirname, '../../../../../shared/extract-spec.md'), 'utf8');
  const specKinds = [...spec.matchAll(/^## ([a-z]+)\b/gm)].map((m) => m[1]!);
  const snapshots = spec.slice(spec.indexOf('## Snapshots and history'), spec.indexOf('\n## ', spec.indexOf('## Snapshots and history') + 1));

  it("holds extract-spec's kinds, its snapshot kinds as snapshots; events sets the period", () => {
    expect(specKinds).toEqual(expect.arrayContaining(['events', 'waiting', 'population', 'commentary']));
    expect([...UPLOAD_KINDS].sort()).toEqual([...specKinds].sort());
    expect([...SNAPSHOT_KINDS].sort()).toEqual(specKinds.filter((k) => snapshots.includes(`\`${k}\``)).sort());
    expect(SNAPSHOT_KINDS.length).toBeGreaterThan(0);
    expect(PERIOD_KIND).toBe('events');
  });

  it('puts reference files first and the events extract last when npm start uploads', () => {
    expect([...UPLOAD_ORDER].sort()).toEqual([...UPLOAD_KINDS].sort());
    expect(UPLOAD_ORDER.at(-1)).toBe(PERIOD_KIND);
    expect(UPLOAD_ORDER.indexOf('population')).toBeLessThan(UPLOAD_ORDER.indexOf('waiting'));
  });

  it('gives each kind its own prefix, none inside another, and finds the kind of a key by it', () => {
    const prefixes = UPLOAD_KINDS.map((k) => KINDS[k].prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(a.startsWith(b), `${a} is inside ${b}`).toBe(false);
    for (const kind of UPLOAD_KINDS) {
      expect(UPLOAD_PREFIXES[kind]).toBe(KINDS[kind].prefix);
      expect(uploadKindOfKey(`${KINDS[kind].prefix}file.csv`)).toBe(kind);
    }
  });

  it("makes the CLI's options from it: one per kind, repeatable exactly for snapshot kinds, each with its help", () => {
    expect(Object.keys(INPUT_OPTIONS)).toEqual(UPLOAD_KINDS);
    for (const kind of UPLOAD_KINDS) {
      expect(INPUT_OPTIONS[kind].multiple === true, kind).toBe(SNAPSHOT_KINDS.includes(kind as never));
      expect(INPUT_HELP).toContain(`  --${kind} FILE`);
      expect(INPUT_HELP).toContain(KINDS[kind].help.split('\n')[0]);
    }
    // The usage line: the period's kind required, snapshot kinds repeatable, wrapped at 92 columns.
    const usage = inputUsage('Usage: report-cards measures');
    expect(usage).toContain('--events FILE [--waiting FILE]... [--finance FILE]...');
    expect(usage).toContain('[--commentary FILE]');
    for (const line of usage.split('\n')) expect(line.length).toBeLessThanOrEqual(92);
    expect(usage.split('\n')[1]).toMatch(/^ {29}\[--/);
  });
});
