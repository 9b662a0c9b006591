/**
 * The clerk's details for one pack and month, as printed on the cover and in the page footer:
 * the meeting, its agenda item and appendix label, the author and a contact. Each is optional;
 * what is not given is left out rather than printed blank.
 */
import { dayLong } from './format.ts';
import type { PackTemplate } from './pack-template.ts';

export interface ClerkDetails {
  /** `12 January 2022`, when the template names the month's meeting. */
  meetingDate: string | null;
  /** `Agenda item 7 · Appendix A`, `Agenda item 7`, `Appendix A` or null. */
  agendaLabel: string | null;
  author: string | null;
  /** From deployment configuration: where readers send questions. */
  contact: string | null;
}

export function clerkDetails(pack: PackTemplate, period: string, contact?: string): ClerkDetails {
  const meeting = pack.clerk.meetings[period];
  const label = [meeting?.agendaItem ? `Agenda item ${meeting.agendaItem}` : null, meeting?.appendix ?? null].filter((x) => x != null).join(' · ');
  return {
    meetingDate: meeting ? dayLong(meeting.date) : null,
    agendaLabel: label || null,
    author: pack.clerk.author ?? null,
    contact: contact?.trim() || null,
  };
}
