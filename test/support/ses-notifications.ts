/**
 * SES feedback as AWS delivers it to a Lambda subscribed to the configuration set's SNS topic: an
 * SNS event whose `Sns.Message` is the SES event record (shapes from the SES developer guide,
 * "Examples of event data that Amazon SES publishes to Amazon SNS"). Built by code so each test
 * states only what it varies.
 */
import { randomUUID } from 'node:crypto';

const SENDER = 'report-cards@example.org';
const TOPIC = 'arn:aws:sns:eu-west-2:123456789012:ReportCardsStateful-MailEvents';

function mail(to: string[], at: string) {
  return {
    timestamp: at,
    source: `Report cards <${SENDER}>`,
    sourceArn: `arn:aws:ses:eu-west-2:123456789012:identity/example.org`,
    sendingAccountId: '123456789012',
    messageId: `0102017d${randomUUID().replace(/-/g, '').slice(0, 24)}-000000`,
    destination: to,
    headersTruncated: false,
    headers: [{ name: 'From', value: SENDER }, { name: 'To', value: to.join(', ') }],
    commonHeaders: { from: [SENDER], to, subject: 'Scrutiny Board: Adult social care, November 2021' },
    tags: { 'ses:configuration-set': ['report-cards'], 'ses:source-ip': ['192.0.2.1'] },
  };
}

export function bounceRecord(to: string[], bounceType: 'Permanent' | 'Transient' | 'Undetermined', opts: { at?: string; subType?: string; identityStyle?: boolean } = {}) {
  const at = opts.at ?? '2021-12-07T07:01:02.669Z';
  const permanent = bounceType === 'Permanent';
  return {
    [opts.identityStyle ? 'notificationType' : 'eventType']: 'Bounce',
    bounce: {
      bounceType,
      bounceSubType: opts.subType ?? (permanent ? 'General' : 'MailboxFull'),
      bouncedRecipients: to.map((emailAddress) => ({
        emailAddress,
        action: 'failed',
        status: permanent ? '5.1.1' : '4.2.2',
        diagnosticCode: permanent ? 'smtp; 550 5.1.1 user unknown' : 'smtp; 452 4.2.2 mailbox full',
      })),
      timestamp: at,
      feedbackId: `0102017d${randomUUID().replace(/-/g, '').slice(0, 24)}-000000`,
      reportingMTA: 'dsn; mta.example.org',
    },
    mail: mail(to, '2021-12-07T07:00:02.012Z'),
  };
}

export function complaintRecord(to: string[], opts: { at?: string } = {}) {
  const at = opts.at ?? '2021-12-08T09:15:00.000Z';
  return {
    eventType: 'Complaint',
    complaint: {
      feedbackId: `0102017d${randomUUID().replace(/-/g, '').slice(0, 24)}-000000`,
      complaintSubType: null,
      complainedRecipients: to.map((emailAddress) => ({ emailAddress })),
      timestamp: at,
      userAgent: 'Mozilla/5.0 (compatible; ExampleMail/1.0)',
      complaintFeedbackType: 'abuse',
      arrivalDate: at,
    },
    mail: mail(to, '2021-12-07T07:00:02.012Z'),
  };
}

/** The event Lambda receives from an SNS subscription, one record per SES record. */
export function snsEvent(...records: unknown[]) {
  return {
    Records: records.map((r) => {
      const id = randomUUID();
      return {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${TOPIC}:${randomUUID()}`,
        Sns: {
          Type: 'Notification',
          MessageId: id,
          TopicArn: TOPIC,
          Subject: null,
          Message: JSON.stringify(r),
          Timestamp: '2021-12-07T07:01:03.000Z',
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'https://sns.eu-west-2.amazonaws.com/SimpleNotificationService-EXAMPLE.pem',
          UnsubscribeUrl: `https://sns.eu-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${TOPIC}:${id}`,
          MessageAttributes: {},
        },
      };
    }),
  };
}
