import { describe, expect, it } from 'vitest';
import { ownersNoticeSubject, ownersNoticeText, reminderSubject, reminderText } from '../../../functions/core/mail/notices.ts';

describe('owners notice', () => {
  const n = {
    committee: 'Board',
    packTitle: 'Cards',
    period: '2021-11',
    version: 'abc',
    audience: 'board' as const,
    undelivered: [
      { recipient: 'a@example.org', status: 'unknown' as const, detail: 'TimeoutError: socket hang up' },
      { recipient: 'b@example.org', status: 'rejected' as const, detail: 'MessageRejected: bad address' },
    ],
    where: 'reports/2021-11/p/abc.pdf',
  };
  it('names who did not get the pack and why, and says nothing is resent by itself', () => {
    expect(ownersNoticeSubject(n)).toBe('Action needed: Cards (November 2021) did not reach 2 recipients');
    const t = ownersNoticeText(n);
    expect(t).toContain('a@example.org: outcome unknown - the email service may have accepted it');
    expect(t).toContain('b@example.org: not sent - the email service refused it (MessageRejected: bad address)');
    expect(t).toContain('Nothing will be resent automatically');
    expect(t).toContain('reports/2021-11/p/abc.pdf');
  });
});

describe('owners notice: suppressed recipients', () => {
  it('says a suppressed address was skipped, why, and how it gets mail again; only when there is one', () => {
    const base = { committee: 'Board', packTitle: 'Cards', period: '2021-11', version: 'abc', audience: 'board' as const, where: 'k' };
    const t = ownersNoticeText({
      ...base,
      undelivered: [{ recipient: 'c@example.org', status: 'suppressed', detail: 'on the suppression list since 2021-12-07: an earlier email bounced permanently' }],
    });
    expect(t).toContain('c@example.org: not sent - the address is suppressed; check it and share the pack another way (on the suppression list since 2021-12-07');
    expect(t).toContain('until it is taken off the suppression list');
    expect(ownersNoticeText({ ...base, undelivered: [{ recipient: 'd@example.org', status: 'rejected', detail: 'x' }] })).not.toContain('suppression list');
  });
});

describe('owners notice: the copy for the performance team when an owner is suppressed', () => {
  it('opens by saying which owners it cannot reach and how they get mail again; the owners\' own copy does not', () => {
    const base = { committee: 'Board', packTitle: 'Cards', period: '2021-11', version: 'abc', audience: 'board' as const, where: 'k' };
    const undelivered = [{ recipient: 'b@example.org', status: 'rejected' as const, detail: 'x' }];
    const t = ownersNoticeText({ ...base, undelivered, unreachableOwners: ['owner@example.org'] });
    expect(t.split('\n')[0]).toBe(
      "You are getting this notice because it cannot reach the pack's owners: owner@example.org is on the suppression list. Please tell them, and check their address.",
    );
    expect(t).toContain('report-cards suppressions remove ADDRESS');
    expect(ownersNoticeText({ ...base, undelivered, unreachableOwners: ['o1@example.org', 'o2@example.org'] })).toContain('o1@example.org, o2@example.org are on');
    expect(ownersNoticeText({ ...base, undelivered })).not.toContain("cannot reach the pack's owners");
  });
});

describe('reminder', () => {
  it('names the month and where to upload', () => {
    expect(reminderSubject('2021-11')).toBe('Reminder: the events extract for November 2021 has not arrived');
    expect(reminderText('2021-11', 'extracts/events/')).toContain('under extracts/events/');
  });
});
