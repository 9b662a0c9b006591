import { describe, expect, it } from 'vitest';
import { packSubject } from '../../../functions/core/mail/subject.ts';

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
    expect(packSubject({ ...base, period: '2022-01' })).toBe('Health Select Commission: ASC Report Cards, January 2022');
    expect(packSubject({ ...base, period: '2021-12' })).toBe('Health Select Commission: ASC Report Cards, December 2021');
  });
});
