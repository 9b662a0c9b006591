import { describe, expect, it } from 'vitest';
import { OUTPUT_PREFIXES, UPLOAD_PREFIXES } from '../../functions/core/bucket-layout.ts';
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
    for (const stage of stages) expect(ACCESS[stage].ledger).toBe(ACCESS[stage].sendMail);
    expect(stages.filter((s) => ACCESS[s].sendMail)).toEqual(['ingest', 'distribute', 'schedule']);
  });
});
