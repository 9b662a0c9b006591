/**
 * Every kind of email the pipeline sends, built by the code that builds it for real, from
 * realistic data: the pack email (board, revised, preview with manual or automatic approval) from
 * the seeded measures document of the card tests and the shipped pack templates; the rejection
 * email from a hand-made events extract run through validation; the missing-extract reminder;
 * the owners' notices. Shared by the jsdom accessibility test and the Chromium check in .ci/run.
 */
import { fixturePack } from './project-files.ts';
import { fixtureDocument } from '../core/cards/fixture-document.ts';
import { eventsCsv, validateText } from '../core/uploads/fixtures.ts';
import { summarisePack } from '../../functions/core/cards/summary.ts';
import { packHtml, type PackMailSummary } from '../../functions/core/mail/pack-body.ts';
import { packSubject } from '../../functions/core/mail/subject.ts';
import { letterBodies } from '../../functions/core/mail/letter.ts';
import { ownersNoticeSubject, ownersNoticeText, reminderSubject, reminderText, type OwnersNoticeInput } from '../../functions/core/mail/notices.ts';
import { missedSendsSubject, missedSendsText, type MissedSendsInput } from '../../functions/core/mail/missed-sends.ts';
import { rejectionReport } from '../../functions/core/uploads/report.ts';
import { inUseSentence } from '../../functions/core/pipeline/uploads-state.ts';
import { rejectionMailText } from '../../functions/core/pipeline/rejection-mail.ts';
import { packFileName } from '../../functions/core/pipeline/manifest.ts';

export interface GalleryEmail {
  /** A file-name-safe name for the kind. */
  name: string;
  subject: string;
  html: string;
}

const CONTACT = 'the performance team, performance@example.org, 01709 000000';
const SIGN_OFF = 'Adult Social Care Performance Team';
/** The operational emails' contact and sign-off, as composeNotice passes them from the deployment's settings. */
const SENDER = { contact: CONTACT, name: SIGN_OFF };
const notice = (subject: string, text: string) => ({ subject, html: letterBodies(subject, text, SENDER).html });

/** The pack email of `packId` as sendPack builds it from the manifest render writes. */
async function packEmail(packId: string, audience: 'preview' | 'board', revised: boolean, approval?: PackMailSummary['approval']): Promise<{ subject: string; html: string }> {
  const pack = await fixturePack(packId);
  const summary = summarisePack(fixtureDocument(), pack);
  const s: PackMailSummary = {
    committee: pack.committee,
    packTitle: pack.title,
    period: '2021-11',
    revised,
    preview: audience === 'preview',
    rag: summary.ragCounts,
    changed: summary.ragChanges,
    compared: summary.ragCompared,
    measures: summary.rows.map(({ section, title, latest, lastYear, direction, target, rag }) => ({ section, title, latest, lastYear, direction, target, rag })),
    where: { attached: true, fileName: packFileName(packId, '2021-11', revised ? 1 : 0) },
    approval,
    contact: CONTACT,
    signOff: SIGN_OFF,
  };
  return { subject: packSubject(s), html: packHtml(s) };
}

/** A rejected events extract: an impossible date, an unknown event type on two rows, a warning. */
async function rejectionEmail(): Promise<{ subject: string; html: string }> {
  const result = await validateText(
    'events',
    eventsCsv([{ date_of_birth: '1950-02-30' }, { event_type: 'Closed' }, { event_type: 'Reveiw' }, { nhs_number: '9434765918' }]),
  );
  const key = 'extracts/events/events-2021-11.csv';
  const inUse = inUseSentence('events', undefined, key, ['Adult Social Care Performance Report Cards', 'Commissioning and Finance Report Cards']);
  const report = rejectionReport('events-2021-11.csv', result, inUse);
  const link = 'https://report-cards-data.s3.eu-west-2.amazonaws.com/rejections/extracts/events/events-2021-11.csv.errors.csv?X-Amz-Expires=21600 (link valid for up to 6 hours)';
  const text = rejectionMailText({ text: report.text, omitted: 0 }, key, result.errorCount, link);
  return notice(report.subject, text);
}

const undelivered: OwnersNoticeInput['undelivered'] = [
  { recipient: 'member@example.org', status: 'suppressed', detail: 'permanent bounce on 1 December 2021' },
  { recipient: 'clerk@example.org', status: 'unknown', detail: 'TimeoutError: the connection to SES timed out (after 1 attempt)' },
];

export async function emailGallery(): Promise<GalleryEmail[]> {
  const out: GalleryEmail[] = [];
  const add = (name: string, e: { subject: string; html: string }) => out.push({ name, ...e });
  add('pack-board', await packEmail('scrutiny-board', 'board', false));
  add('pack-board-revised', await packEmail('commissioning-finance', 'board', true));
  const command = 'npx report-cards approve --period 2021-11 --pack scrutiny-board --bucket report-cards-data';
  const window = { first: { day: '7 December 2021', ukTime: '07:00' }, last: { day: '31 December 2021', ukTime: '07:00' }, stage: 'before' as const };
  add('preview-manual', await packEmail('scrutiny-board', 'preview', false, { mode: 'manual', command, ...window }));
  add('preview-manual-too-late', await packEmail('scrutiny-board', 'preview', true, { mode: 'manual', command, ...window, stage: 'after' }));
  add('preview-auto', await packEmail('commissioning-finance', 'preview', false, { mode: 'auto', ...window, first: { day: '9 December 2021', ukTime: '07:00' } }));
  add('rejection', await rejectionEmail());
  const reminder = reminderSubject('2021-11');
  add('reminder', notice(reminder, reminderText('2021-11', 'extracts/events/')));
  const owners: OwnersNoticeInput = {
    committee: 'Health Select Commission',
    packTitle: 'Commissioning and Finance Report Cards',
    period: '2021-11',
    version: 'abc123def4567890',
    audience: 'board',
    undelivered,
    where: 'https://report-cards-data.s3.eu-west-2.amazonaws.com/reports/2021-11/commissioning-finance/abc123def4567890.pdf (link valid for up to 6 hours)',
  };
  add('owners-notice', notice(ownersNoticeSubject(owners), ownersNoticeText(owners)));
  const missed: MissedSendsInput = { what: 'The rejection report for extracts/events/events-2021-11.csv', subject: 'Upload rejected: events-2021-11.csv (events), 3 errors', undelivered: undelivered.slice(0, 1) };
  add('missed-sends', notice(missedSendsSubject(missed), missedSendsText(missed)));
  return out;
}
