import { describe, expect, it } from 'vitest';
import { UPLOAD_PREFIXES, uploadKindOfKey } from '../../../../functions/core/bucket-layout.ts';
import { INPUT_HELP, INPUT_OPTIONS, inputUsage } from '../../../../functions/cli/load-inputs.ts';
import { KINDS, PERIOD_KIND, SNAPSHOT_KINDS, UPLOAD_KINDS } from '../../../../functions/core/uploads/kinds/index.ts';

describe('the registry of upload kinds', () => {
  it("holds extract-spec's eight kinds; events sets the period; waiting, finance and providers are snapshots", () => {
    expect([...UPLOAD_KINDS].sort()).toEqual(['benchmarks', 'commentary', 'events', 'finance', 'population', 'providers', 'targets', 'waiting']);
    expect(PERIOD_KIND).toBe('events');
    expect([...SNAPSHOT_KINDS].sort()).toEqual(['finance', 'providers', 'waiting']);
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
