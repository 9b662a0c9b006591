import { describe, expect, it } from 'vitest';
import { approvalKey, manifestKey, parseManifestKey, parseMeasuresKey, packFileName, pdfKey } from '../../../functions/core/pipeline/manifest.ts';

describe('report keys', () => {
  it('builds and parses the manifest key; the PDF is not a manifest', () => {
    const k = manifestKey('2021-11', 'scrutiny-board', 'abc123');
    expect(k).toBe('reports/2021-11/scrutiny-board/abc123.json');
    expect(parseManifestKey(k)).toEqual({ period: '2021-11', packId: 'scrutiny-board', version: 'abc123' });
    expect(parseManifestKey(pdfKey('2021-11', 'scrutiny-board', 'abc123'))).toBeNull();
    expect(approvalKey('2021-11', 'p', 'v')).toBe('approvals/2021-11/p/v.json');
  });

  it('parses only measures/<period>.json', () => {
    expect(parseMeasuresKey('measures/2021-11.json')).toBe('2021-11');
    expect(parseMeasuresKey('measures/2021-11.json.bak')).toBeNull();
    expect(parseMeasuresKey('history/2021-11.json')).toBeNull();
  });
});

describe('packFileName', () => {
  it('says the pack and month, and which revision a revised version is', () => {
    expect(packFileName('scrutiny-board', '2021-11', 0)).toBe('scrutiny-board-2021-11.pdf');
    expect(packFileName('scrutiny-board', '2021-11', 1)).toBe('scrutiny-board-2021-11-revised-1.pdf');
    expect(packFileName('commissioning-finance', '2022-03', 12)).toBe('commissioning-finance-2022-03-revised-12.pdf');
  });
});
