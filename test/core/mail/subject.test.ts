import { describe, expect, it } from 'vitest';
import { monthName, packSubject } from '../../../functions/core/mail/subject.ts';

describe('packSubject', () => {
  const base = { committee: 'Health Select Commission', packTitle: 'ASC Report Cards', period: '2021-11', revised: false, preview: false };
  it('names the committee, the pack and the month', () => {
    expect(packSubject(base)).toBe('Health Select Commission: ASC Report Cards, November 2021');
  });
  it('says Revised, and Preview, when they apply', () => {
    expect(packSubject({ ...base, revised: true })).toBe('Revised: Health Select Commission: ASC Report Cards, November 2021');
    expect(packSubject({ ...base, preview: true, revised: true })).toBe('[Preview] Revised: Health Select Commission: ASC Report Cards, November 2021');
  });
  it('names January and December right', () => {
    expect(monthName('2022-01')).toBe('January 2022');
    expect(monthName('2021-12')).toBe('December 2021');
  });
});
