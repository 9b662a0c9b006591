/**
 * The pack email's bodies: a greeting, what the pack is, (for a preview) how and by when to
 * approve it, the RAG counts and the measures at a glance, where the pack is, a contact and a
 * sign-off. The HTML is styled inline (mail clients drop style sheets), in a main landmark, with
 * real headings, tables with header cells and captions, and every RAG colour carried in words too.
 */
import { SUPPRESSION_KEY_EMAIL } from '../cards/disclosure.ts';
import { RAG_STYLE } from '../cards/palette.ts';
import { addMonths } from '../calendar/days.ts';
import { monthLong } from '../calendar/months.ts';
import { escapeHtml, H, htmlDocument, MAIL_COLOURS, P } from './html.ts';
import { closingHtml, closingText, GREETING, type SignOff } from './letter.ts';

export interface PackMailSummary {
  committee: string;
  packTitle: string;
  period: string;
  revised: boolean;
  preview: boolean;
  rag: { red: number; amber: number; green: number; none: number };
  /** Measures whose RAG differs from the month before's, from the measures themselves. */
  changed: { title: string; from: string | null; to: string | null }[];
  /** How many measures had a month before to compare with; 0 means none could be compared. */
  compared: number | null;
  /** The pack's summary table as printed in the PDF (figures already disclosure-controlled). */
  measures: { section: string; title: string; latest: string; lastYear: string; direction: string | null; target: string; rag: string | null }[];
  /** How the reader gets the full pack: the attachment's file name, or a sentence when not attached. */
  where: { attached: true; fileName: string } | { attached: false; text: string };
  /** Previews only: how the pack reaches the committee — an approval command, or on its own — and when it can. */
  approval?: ({ mode: 'manual'; command: string } | { mode: 'auto' }) & ApprovalWindow;
  /** Where readers send questions (deployment configuration). */
  contact?: string;
  /** The sign-off's name: the From display name (deployment configuration). */
  signOff?: string;
}

/** A day the schedule sends on, in words ('7 December 2021'), with its UK clock time when the deployment says it. */
export interface MailSendDay {
  day: string;
  ukTime: string | null;
}

/**
 * When the schedule can send the pack (pipeline/send-window.ts): its distribution day, the last
 * working day it still sends the month's packs, and where the preview stands between them.
 */
export interface ApprovalWindow {
  first: MailSendDay;
  last: MailSendDay;
  stage: 'before' | 'between' | 'after';
}

const ragWord = (r: string | null) => (r === null ? 'No rating' : r[0].toUpperCase() + r.slice(1));

function intro(s: PackMailSummary): string {
  const what = `${s.packTitle} for ${s.committee}, ${monthLong(s.period)}`;
  if (s.preview) return `This is a preview of ${what}, for checking before it goes to the committee.`;
  return s.revised ? `This is a revised version of ${what}; it replaces the one sent before.` : `Here is ${what}.`;
}

/** The sentence when no RAG changed: true only if at least one measure could be compared. */
function noChange(s: PackMailSummary): string {
  return s.compared === 0 ? 'There is no earlier month in the data to compare RAG ratings with.' : 'No measure changed its RAG rating since last month.';
}

function whereText(s: PackMailSummary): string {
  return s.where.attached ? `The full pack is attached as ${s.where.fileName}.` : s.where.text;
}

/** The run on a day, after 'before', 'after' or 'up to'; `atDay` the same with its own preposition. */
const onDay = (d: MailSendDay) => (d.ukTime ? `${d.ukTime} UK time on ${d.day}` : `the morning of ${d.day}`);
const atDay = (d: MailSendDay) => (d.ukTime ? `at ${onDay(d)}` : `on ${onDay(d)}`);
/** The next run, in words; a clock time only when every run of the window has the same one. */
const nextRun = (a: ApprovalWindow) => (a.first.ukTime && a.first.ukTime === a.last.ukTime ? `at ${a.first.ukTime} UK time the next working day` : 'the next working morning');

/** Previews: what happens next, in sentences; the command on its own line. */
function approvalText(s: PackMailSummary): { lines: string[]; command: string | null } {
  const a = s.approval;
  if (!s.preview || !a) return { lines: [], command: null };
  const month = monthLong(s.period);
  if (a.stage === 'after') {
    // The schedule sends only last month's packs (working-day.ts): past the month after, nothing will.
    const own = a.mode === 'auto' ? 'It is approved automatically, but this' : 'This';
    return {
      lines: [`${own} version will not go to the committee by itself: the schedule sends ${month}'s packs only up to ${onDay(a.last)}, the last working day of the month after, and that has passed. Please share it with the committee another way.`],
      command: null,
    };
  }
  if (a.mode === 'auto') {
    const when = a.stage === 'between' ? `its distribution day (${a.first.day}) has come, so it goes ${nextRun(a)}` : `its latest version goes to them ${atDay(a.first)}`;
    return { lines: [`You do not need to approve this pack: it goes to the committee's distribution lists on its own (it is approved automatically), and ${when}.`], command: null };
  }
  const upTo = `but only up to ${a.last.day}: the schedule sends ${month}'s packs only in ${monthLong(addMonths(s.period, 1))}, so an approval after ${onDay(a.last)} does not send it.`;
  const when =
    a.stage === 'between'
      ? `The distribution day (${a.first.day}) has come: once approved, it goes ${nextRun(a)}, ${upTo}`
      : `Approve it before ${onDay(a.first)} (the distribution day) for it to go then. Approved later, it goes ${nextRun(a)}, ${upTo}`;
  return { lines: ['This pack goes to the committee only once the performance team approves it. To approve it, run:', when], command: a.command };
}

const hasWithheld = (s: PackMailSummary) => s.measures.some((m) => [m.latest, m.lastYear, m.target].includes('*'));

/** The contact and sign-off every email shares (letter.ts), about the figures here. */
const signOff = (s: PackMailSummary): SignOff => ({ contact: s.contact, name: s.signOff });
const ABOUT = 'these figures';

export function packText(s: PackMailSummary): string {
  const approval = approvalText(s);
  const lines = [
    GREETING,
    '',
    intro(s),
    '',
    ...(approval.command ? [approval.lines[0], '', `  ${approval.command}`, '', approval.lines[1], ''] : approval.lines.flatMap((l) => [l, ''])),
    'RAG ratings',
    `  Red:   ${s.rag.red}`,
    `  Amber: ${s.rag.amber}`,
    `  Green: ${s.rag.green}`,
    `  No rating: ${s.rag.none}`,
    '',
  ];
  if (s.changed.length === 0) lines.push(noChange(s));
  else {
    lines.push('Measures whose RAG rating changed');
    for (const c of s.changed) lines.push(`  ${c.title}: ${ragWord(c.from)} -> ${ragWord(c.to)}`);
  }
  let section: string | null = null;
  for (const m of s.measures) {
    if (m.section !== section) lines.push('', (section = m.section));
    lines.push(`  ${m.title}: ${m.latest} (same month last year ${m.lastYear}; ${m.direction ?? 'no direction'}); target ${m.target}; ${ragWord(m.rag)}`);
  }
  if (hasWithheld(s)) lines.push('', SUPPRESSION_KEY_EMAIL);
  lines.push('', whereText(s), '', ...closingText(signOff(s), ABOUT), '');
  return lines.join('\n');
}

const TABLE = 'style="border-collapse:collapse;margin:0 0 16px 0;font-size:14px;"';
const CELL = `border:1px solid ${MAIL_COLOURS.border};padding:4px 8px;text-align:left;vertical-align:top;`;
const th = (scope: string, html: string, extra = '') => `<th scope="${scope}" style="${CELL}background:${MAIL_COLOURS.shade};"${extra}>${html}</th>`;
const td = (html: string) => `<td style="${CELL}">${html}</td>`;

/** A RAG cell: the colour and the word, never the colour alone. */
function ragCell(rag: string | null): string {
  const r = RAG_STYLE[(rag ?? 'none') as keyof typeof RAG_STYLE] ?? RAG_STYLE.none;
  return `<td style="${CELL}background:${r.fill};color:${r.text};font-weight:bold;">${escapeHtml(ragWord(rag))}</td>`;
}

/** The seeds' summary table: one row per measure, grouped by section, every rating in words. */
function measuresTable(s: PackMailSummary): string {
  if (s.measures.length === 0) return '';
  const e = escapeHtml;
  const sections = [...new Set(s.measures.map((m) => m.section))];
  const body = sections
    .map((section) => {
      const rows = s.measures
        .filter((m) => m.section === section)
        .map((m) => `<tr>${th('row', e(m.title))}${td(e(m.latest))}${td(e(m.lastYear))}${td(e(m.direction ?? '–'))}${td(e(m.target))}${ragCell(m.rag)}</tr>`);
      return `<tbody>\n<tr>${th('colgroup', e(section), ' colspan="6"')}</tr>\n${rows.join('\n')}\n</tbody>`;
    })
    .join('\n');
  return `${H(2, 'The measures at a glance')}
<table ${TABLE}>
<caption style="text-align:left;font-weight:bold;padding:0 0 4px 0;">Latest value, the same month last year, direction of travel, target and RAG rating of each measure</caption>
<thead><tr>${['Measure', 'Latest', 'Same month last year', 'Direction of travel', 'Target', 'RAG rating'].map((c) => th('col', c)).join('')}</tr></thead>
${body}
</table>
${hasWithheld(s) ? P(`<strong>Key:</strong> ${e(SUPPRESSION_KEY_EMAIL)}`) : ''}`;
}

function approvalHtml(s: PackMailSummary): string {
  const a = approvalText(s);
  if (a.lines.length === 0) return '';
  const e = escapeHtml;
  const command = a.command ? `<pre style="background:${MAIL_COLOURS.codeShade};border:1px solid ${MAIL_COLOURS.border};padding:8px;white-space:pre-wrap;font-size:14px;"><code>${e(a.command)}</code></pre>\n` : '';
  return `${H(2, 'What happens next')}\n${P(e(a.lines[0]))}\n${command}${a.lines[1] ? P(e(a.lines[1])) : ''}`;
}

export function packHtml(s: PackMailSummary): string {
  const e = escapeHtml;
  const changed =
    s.changed.length === 0
      ? P(e(noChange(s)))
      : `<table ${TABLE}>
<caption style="text-align:left;font-weight:bold;padding:0 0 4px 0;">Measures whose RAG rating changed</caption>
<thead><tr>${th('col', 'Measure')}${th('col', 'Was')}${th('col', 'Now')}</tr></thead>
<tbody>
${s.changed.map((c) => `<tr>${th('row', e(c.title))}${ragCell(c.from)}${ragCell(c.to)}</tr>`).join('\n')}
</tbody>
</table>`;
  const counts = (['red', 'amber', 'green', null] as const).map((r) => `<tr>${th('row', e(ragWord(r)))}${td(String(s.rag[r ?? 'none']))}</tr>`).join('\n');
  return htmlDocument(
    `${s.packTitle}, ${monthLong(s.period)}`,
    `${s.packTitle}: ${monthLong(s.period)}`,
    `${P(GREETING)}
${P(e(intro(s)))}
${approvalHtml(s)}
${H(2, 'RAG ratings')}
<table ${TABLE}>
<caption style="text-align:left;font-weight:bold;padding:0 0 4px 0;">Number of measures by RAG rating</caption>
<thead><tr>${th('col', 'Rating')}${th('col', 'Measures')}</tr></thead>
<tbody>
${counts}
</tbody>
</table>
${H(2, 'Changes since last month')}
${changed}
${measuresTable(s)}
${H(2, 'The full pack')}
${P(e(whereText(s)))}
${closingHtml(signOff(s), ABOUT)}`,
  );
}
