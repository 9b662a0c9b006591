/** Email subjects: committee, pack, the month reported, and "Revised" when a version replaces one sent before. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2021-11` → `November 2021`. */
export function monthName(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

export interface SubjectInput {
  committee: string;
  packTitle: string;
  period: string;
  revised: boolean;
  preview: boolean;
}

export function packSubject(s: SubjectInput): string {
  const tags = [s.preview ? '[Preview]' : null, s.revised ? 'Revised:' : null].filter(Boolean).join(' ');
  return `${tags ? `${tags} ` : ''}${s.committee}: ${s.packTitle}, ${monthName(s.period)}`;
}
