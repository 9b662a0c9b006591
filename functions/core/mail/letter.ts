/**
 * What makes every email a letter rather than a system message: the greeting, a contact for
 * questions and the sign-off, in the same words in the pack email and the operational ones
 * (rejection, reminder, owners' notices). The contact and the name come from the deployment
 * configuration (REPORT_CONTACT, SENDER_NAME), so they are passed in.
 */
import { escapeHtml, htmlDocument, P, textBlocksHtml } from './html.ts';

export interface SignOff {
  /** Where readers send questions. */
  contact?: string;
  /** The sign-off's name: the From display name. */
  name?: string;
}

export const GREETING = 'Dear colleague,';
const REGARDS = 'Kind regards,';
const DEFAULT_NAME = 'Adult social care performance';

/** `about`: what questions would be about ("these figures", "this email"). */
function contactSentence(s: SignOff, about: string): string | null {
  return s.contact ? `If you have any questions about ${about}, please contact ${s.contact}.` : null;
}

/** The closing lines of a text body: the contact sentence (when there is a contact), regards and name. */
export function closingText(s: SignOff, about: string): string[] {
  const contact = contactSentence(s, about);
  return [...(contact ? [contact, ''] : []), REGARDS, s.name ?? DEFAULT_NAME];
}

/** The same closing as HTML: the contact a paragraph, regards and name one paragraph on two lines. */
export function closingHtml(s: SignOff, about: string): string {
  const contact = contactSentence(s, about);
  return `${contact ? `${P(escapeHtml(contact))}\n` : ''}${P(`${REGARDS}<br>${escapeHtml(s.name ?? DEFAULT_NAME)}`)}`;
}

/**
 * An operational email's two bodies from its plain-text `body`: greeting, body, closing. The HTML
 * part is the same text in the shared document (its paragraphs as paragraphs, its indented lines as lists).
 */
export function letterBodies(subject: string, body: string, s: SignOff): { text: string; html: string } {
  const about = 'this email';
  const text = [GREETING, '', body.trimEnd(), '', ...closingText(s, about), ''].join('\n');
  const html = htmlDocument(subject, subject, `${P(GREETING)}\n${textBlocksHtml(body)}\n${closingHtml(s, about)}`);
  return { text, html };
}
