import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OUTPUT_PREFIXES, UPLOAD_PREFIXES } from '../../functions/core/bucket-layout.ts';
import {
  LEDGER_KEY_FAMILIES,
  matchesStringLike,
  packNoticeSendKey,
  packSendKey,
  rejectionNoticeSendKey, rejectionSendKey, reminderNoticeSendKey,
  reminderSendKey,
  type LedgerKeyFamily,
} from '../../functions/core/pipeline/ledger-keys.ts';
import { suppressionKey } from '../../functions/core/pipeline/suppression.ts';
import { ACCESS, TRIGGERS, type FunctionName } from '../../infra/access.ts';

const known = new Set<string>([...Object.values(UPLOAD_PREFIXES), ...Object.values(OUTPUT_PREFIXES)]);
const stages = Object.keys(ACCESS) as FunctionName[];

describe('access table', () => {
  it('names only prefixes from bucket-layout.ts', () => {
    for (const stage of stages) {
      for (const p of [...ACCESS[stage].read, ...ACCESS[stage].write]) expect(known.has(p), `${stage}: ${p}`).toBe(true);
    }
    for (const t of TRIGGERS) expect(known.has(t.prefix)).toBe(true);
  });

  it('has each stage output written by exactly one stage, runs/ by all, and uploads, approvals and config by none', () => {
    const writers = (prefix: string) => stages.filter((s) => ACCESS[s].write.includes(prefix));
    expect(writers(OUTPUT_PREFIXES.runs)).toEqual(stages);
    for (const p of [OUTPUT_PREFIXES.validation, OUTPUT_PREFIXES.rejections, OUTPUT_PREFIXES.measures]) {
      expect(writers(p)).toEqual(['ingest']);
    }
    expect(writers(OUTPUT_PREFIXES.reports)).toEqual(['render']);
    for (const p of [...Object.values(UPLOAD_PREFIXES), OUTPUT_PREFIXES.approvals, OUTPUT_PREFIXES.config]) expect(writers(p)).toEqual([]);
  });

  it('lets a stage read what triggers it', () => {
    for (const t of TRIGGERS) expect(ACCESS[t.fn].read, `${t.fn} ${t.prefix}`).toContain(t.prefix);
  });

  it('gives mail and the ledger to the same stages (every send goes through the ledger)', () => {
    for (const stage of stages) expect(ACCESS[stage].ledger.length > 0).toBe(ACCESS[stage].mailTo.length > 0);
    expect(stages.filter((s) => ACCESS[s].mailTo.length)).toEqual(['ingest', 'distribute', 'schedule']);
  });

  it('lets no stage write the suppression list (only the bounces function may)', () => {
    for (const stage of stages) expect(ACCESS[stage].ledger, stage).not.toContain('suppression');
  });
});

describe('IAM StringLike, as dynamodb:LeadingKeys applies it to the whole key', () => {
  it.each([
    ['rejection#*', 'rejection#extracts/events/e.csv#2021-12-01T09:00:00.000Z#a@b.org', true],
    ['rejection#*', 'xrejection#a', false],
    ['????-??#*#preview#*', '2021-11#scrutiny-board#v1#preview#a@b.org', true],
    ['????-??#*#preview#*', '2021-11#scrutiny-board#v1#board#a@b.org', false],
    ['????-??#*#preview#*', 'notice#2021-11#p#v1#preview#abc#a@b.org', false],
    ['????-??#*', '202-11#x', false],
    ['a.c', 'abc', false],
    ['a*', 'a\nb', true],
  ])('%s on %s is %s', (pattern, value, expected) => {
    expect(matchesStringLike(pattern, value)).toBe(expected);
  });
});

describe('ledger key families', () => {
  // One key of each kind, as the handlers build them (addresses arrive lower-cased from listAddresses).
  const keys: Record<LedgerKeyFamily, string> = {
    previewSend: packSendKey('2021-11', 'scrutiny-board', 'v20211203', 'preview', 'performance@example.org'),
    boardSend: packSendKey('2021-11', 'scrutiny-board', 'v20211203', 'board', 'chair@example.org'),
    previewNotice: packNoticeSendKey('2021-11', 'scrutiny-board', 'v20211203', 'preview', '0a1b2c3d4e5f', 'owner@example.org'),
    boardNotice: packNoticeSendKey('2021-11', 'scrutiny-board', 'v20211203', 'board', '0a1b2c3d4e5f', 'owner@example.org'),
    rejection: rejectionSendKey('extracts/events/events-2021-11.csv', '2021-12-03T09:00:00.000Z', 'performance@example.org'),
    reminder: reminderSendKey('2021-11', 'performance@example.org'),
    rejectionNotice: rejectionNoticeSendKey('extracts/events/events-2021-11.csv', 'v3', '0a1b2c3d4e5f', 'owner@example.org'),
    reminderNotice: reminderNoticeSendKey('2021-11', '0a1b2c3d4e5f', 'owner@example.org'),
    suppression: suppressionKey('Chair@Example.org'),
  };
  const families = Object.keys(LEDGER_KEY_FAMILIES) as LedgerKeyFamily[];
  const familiesOf = (key: string) => families.filter((f) => matchesStringLike(LEDGER_KEY_FAMILIES[f], key));

  it('puts every key the code builds in exactly one family: its own', () => {
    for (const f of families) expect(familiesOf(keys[f]), keys[f]).toEqual([f]);
  });

  it('keeps the pack families apart for any period, pack id, version and address', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
        // Addresses as the configuration accepts them (z.email: no `#`).
        fc.emailAddress().filter((a) => z.email().safeParse(a).success),
        (y, m, pack, version, to) => {
          const period = `${y}-${String(m).padStart(2, '0')}`;
          expect(familiesOf(packSendKey(period, pack, version, 'preview', to))).toEqual(['previewSend']);
          expect(familiesOf(packSendKey(period, pack, version, 'board', to))).toEqual(['boardSend']);
          expect(familiesOf(packNoticeSendKey(period, pack, version, 'board', 'abc', to))).toEqual(['boardNotice']);
          expect(familiesOf(reminderSendKey(period, to))).toEqual(['reminder']);
          expect(familiesOf(suppressionKey(to))).toEqual(['suppression']);
        },
      ),
      { seed: 11, numRuns: 100 },
    );
  });

  it('lets each stage write exactly the keys it builds (and so nothing of another stage)', () => {
    const writable = (stage: FunctionName) => families.filter((f) => ACCESS[stage].ledger.some((own) => matchesStringLike(LEDGER_KEY_FAMILIES[own], keys[f])));
    expect(writable('ingest')).toEqual(['rejection', 'rejectionNotice']);
    expect(writable('render')).toEqual([]);
    expect(writable('distribute')).toEqual(['previewSend', 'previewNotice']);
    expect(writable('schedule')).toEqual(['boardSend', 'boardNotice', 'reminder', 'reminderNotice']);
  });
});
