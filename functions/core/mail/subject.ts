/** Email subjects: committee, pack, the month reported, and "Revised" when a version replaces one sent before. */

import { monthLong } from '../calendar/months.ts';

export interface SubjectInput {
  committee: string;
  packTitle: string;
  period: string;
  revised: boolean;
  preview: boolean;
}

export function packSubject(s: SubjectInput): string {
  const tags = [s.preview ? '[Preview]' : null, s.revised ? 'Revised:' : null].filter(Boolean).join(' ');
  return `${tags ? `${tags} ` : ''}${s.committee}: ${s.packTitle}, ${monthLong(s.period)}`;
}
