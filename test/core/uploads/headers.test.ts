import { describe, expect, it } from 'vitest';
import { normaliseHeader, resolveHeader } from '../../../functions/core/uploads/headers.ts';
import { IssueLog } from '../../../functions/core/uploads/issues.ts';

describe('normaliseHeader', () => {
  it.each([
    ['Request: Route of Access', 'request_route_of_access'],
    ['REQUEST_ROUTE_OF_ACCESS', 'request_route_of_access'],
    ['request route of access', 'request_route_of_access'],
    ['Cost Frequency (Unit Type)', 'cost_frequency_unit_type'],
    ['  __LA Code__ ', 'la_code'],
    ['Date-of-Birth', 'date_of_birth'],
  ])('%s → %s', (raw, name) => expect(normaliseHeader(raw)).toBe(name));
});

describe('resolveHeader', () => {
  const columns = [
    { name: 'la_code', required: true },
    { name: 'year', required: true },
    { name: 'team', required: false },
  ];

  it('maps columns in any order and warns about unknown ones', () => {
    const log = new IssueLog();
    const index = resolveHeader(['Year', 'Notes', 'LA Code'], columns, log);
    expect(index).toEqual({ year: 0, la_code: 2 });
    expect(log.errorCount).toBe(0);
    expect(log.warnings.map((w) => [w.rule, w.column])).toEqual([['unknown-column', 'notes']]);
  });

  it('rejects a missing required column, naming it', () => {
    const log = new IssueLog();
    expect(resolveHeader(['year', 'team'], columns, log)).toBeUndefined();
    expect(log.errors.map((e) => [e.rule, e.column, e.row])).toEqual([['missing-column', 'la_code', 0]]);
  });

  it('rejects two headers that normalise to the same name', () => {
    const log = new IssueLog();
    expect(resolveHeader(['LA Code', 'la_code', 'year'], columns, log)).toBeUndefined();
    expect(log.errors.map((e) => e.rule)).toEqual(['duplicate-column']);
    // The message names positions and our own column, never the file's text (a header row may be data).
    expect(log.errors[0]).toMatchObject({ column: 'la_code', value: 'la_code', message: 'Columns 1 and 2 both mean la_code; keep one of them.' });
  });

  it('recognises a semicolon-separated file in one sentence', () => {
    const log = new IssueLog();
    expect(resolveHeader(['la_code;year'], columns, log)).toBeUndefined();
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0].message).toMatch(/semicolons/);
  });
});
