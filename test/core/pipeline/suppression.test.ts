/** SES feedback → suppression entries: who is suppressed, and who is not. */
import { describe, expect, it } from 'vitest';
import { feedbackOf, NotificationError, sesMessagesOf, suppressionKey } from '../../../functions/core/pipeline/suppression.ts';
import { bounceRecord, complaintRecord, snsEvent } from '../../support/ses-notifications.ts';

describe('feedbackOf', () => {
  it('suppresses every recipient of a permanent bounce, with the diagnostic and SES ids', () => {
    const rec = bounceRecord(['Member.One@Example.org', 'chair@example.org'], 'Permanent');
    const r = feedbackOf(rec);
    expect(r.ignored).toBeNull();
    expect(r.entries).toEqual([
      {
        address: 'member.one@example.org',
        reason: 'permanent-bounce',
        detail: 'Permanent/General 5.1.1 smtp; 550 5.1.1 user unknown',
        at: '2021-12-07T07:01:02.669Z',
        feedbackId: rec.bounce.feedbackId,
        sesMessageId: rec.mail.messageId,
      },
      expect.objectContaining({ address: 'chair@example.org', reason: 'permanent-bounce' }),
    ]);
  });

  it('reads identity notifications (notificationType) as well as event publishing (eventType)', () => {
    const r = feedbackOf(bounceRecord(['a@example.org'], 'Permanent', { identityStyle: true, subType: 'Suppressed' }));
    expect(r.entries.map((e) => [e.address, e.detail])).toEqual([['a@example.org', 'Permanent/Suppressed 5.1.1 smtp; 550 5.1.1 user unknown']]);
  });

  it('does not suppress on a transient or undetermined bounce', () => {
    expect(feedbackOf(bounceRecord(['a@example.org'], 'Transient'))).toEqual({ entries: [], ignored: 'Transient bounce (MailboxFull): not suppressed' });
    expect(feedbackOf(bounceRecord(['a@example.org'], 'Undetermined')).entries).toEqual([]);
  });

  it('suppresses the complainant of a complaint', () => {
    const r = feedbackOf(complaintRecord(['vice-chair@example.org']));
    expect(r.entries).toEqual([expect.objectContaining({ address: 'vice-chair@example.org', reason: 'complaint', detail: 'complaint (abuse)', at: '2021-12-08T09:15:00.000Z' })]);
  });

  it('takes the address out of a display-name form', () => {
    expect(feedbackOf(complaintRecord(['Vice Chair <Vice-Chair@example.org>'])).entries[0]!.address).toBe('vice-chair@example.org');
  });

  it('ignores other event types (a Reject is about the message, not the address)', () => {
    expect(feedbackOf({ eventType: 'Reject', mail: {}, reject: { reason: 'Bad content' } })).toEqual({ entries: [], ignored: 'Reject notification: not a bounce or complaint' });
    expect(feedbackOf({ notificationType: 'AMAZON_SES_SETUP_NOTIFICATION' }).entries).toEqual([]);
  });

  it('refuses a bounce that is not what SES publishes, naming the field', () => {
    const rec = bounceRecord(['a@example.org'], 'Permanent');
    expect(() => feedbackOf({ ...rec, bounce: { ...rec.bounce, bouncedRecipients: [{ emailAddress: 'not an address' }] } })).toThrow(/emailAddress/);
    expect(() => feedbackOf({ eventType: 'Complaint', mail: rec.mail })).toThrow(NotificationError);
    expect(() => feedbackOf({ mail: rec.mail })).toThrow(/neither eventType nor notificationType/);
  });
});

describe('sesMessagesOf', () => {
  it('unwraps each SNS record', () => {
    const a = bounceRecord(['a@example.org'], 'Permanent');
    const b = complaintRecord(['b@example.org']);
    const e = snsEvent(a, b);
    expect(sesMessagesOf(e)).toEqual([
      { snsMessageId: e.Records[0]!.Sns.MessageId, notification: a },
      { snsMessageId: e.Records[1]!.Sns.MessageId, notification: b },
    ]);
  });

  it('refuses an event that is not from SNS, or a message that is not JSON', () => {
    expect(() => sesMessagesOf({ Records: [{ eventSource: 'aws:s3' }] })).toThrow(NotificationError);
    const e = snsEvent({});
    e.Records[0]!.Sns.Message = '{not json';
    expect(() => sesMessagesOf(e)).toThrow(/is not JSON/);
  });
});

it('suppressionKey folds case and spaces', () => {
  expect(suppressionKey(' Chair@Example.org ')).toBe('suppression#chair@example.org');
});
