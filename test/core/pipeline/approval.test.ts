import { describe, expect, it } from 'vitest';
import { ApprovalError, approvalRecordSchema, chooseVersion, packIdSchema, periodSchema } from '../../../functions/core/pipeline/approval.ts';
import type { Manifest } from '../../../functions/core/pipeline/manifest.ts';

const manifest = (version: string, generatedAt: string): Manifest => ({
  period: '2021-11',
  packId: 'p',
  packTitle: 'P',
  committee: 'C',
  version,
  revised: false,
  revision: 0,
  generatedAt,
  pdfKey: `reports/2021-11/p/${version}.pdf`,
  pdfBytes: 1,
  pages: 1,
  measuresKey: 'measures/2021-11.json',
  summary: { rag: { red: 0, amber: 0, green: 0, none: 0 }, changed: [], compared: 0, rows: [] },
});

// renderedVersions returns newest first; chooseVersion relies on that order.
const rendered = [manifest('v2', '2021-12-02T09:00:00Z'), manifest('v1', '2021-12-01T09:00:00Z')];

describe('chooseVersion', () => {
  it('takes the newest rendered version unless one is named', () => {
    expect(chooseVersion(rendered, '2021-11', 'p').version).toBe('v2');
    expect(chooseVersion(rendered, '2021-11', 'p', 'v1').version).toBe('v1');
  });

  it('refuses a version that was never rendered, naming the ones that were', () => {
    expect(() => chooseVersion(rendered, '2021-11', 'p', 'v3')).toThrow(ApprovalError);
    expect(() => chooseVersion(rendered, '2021-11', 'p', 'v3')).toThrow(
      "version 'v3' of pack 'p' was never rendered for 2021-11 (no reports/2021-11/p/v3.json); rendered versions, newest first: v2 (rendered 2021-12-02T09:00:00Z), v1 (rendered 2021-12-01T09:00:00Z)",
    );
    expect(() => chooseVersion([], '2021-11', 'p')).toThrow("no version of pack 'p' has been rendered for 2021-11");
  });
});

describe('approval inputs', () => {
  it('accepts a month and a pack id, nothing that could leave the approvals prefix', () => {
    expect(periodSchema.safeParse('2021-11').success).toBe(true);
    for (const bad of ['2021-13', '2021-1', '21-11', '2021-11/..']) expect(periodSchema.safeParse(bad).success).toBe(false);
    expect(packIdSchema.safeParse('scrutiny-board').success).toBe(true);
    for (const bad of ['../x', 'A', 'a/b', '']) expect(packIdSchema.safeParse(bad).success).toBe(false);
    expect(approvalRecordSchema.safeParse({ approvedBy: 'npm start', at: '2021-12-01T00:00:00.000Z' }).success).toBe(true);
  });
});
