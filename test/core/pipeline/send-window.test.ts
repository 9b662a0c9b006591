import { describe, expect, it } from 'vitest';
import { sendWindow, zonedInstant } from '../../../functions/core/pipeline/send-window.ts';

const LONDON_7 = { time: '07:00', timeZone: 'Europe/London' };
const UTC_7 = { time: '07:00', timeZone: 'UTC' };
const none = new Set<string>();
const at = (iso: string) => new Date(iso);

describe('zonedInstant', () => {
  it('is the instant a wall-clock time names in the zone, across the clock change', () => {
    expect(zonedInstant('2021-12-07', '07:00', 'Europe/London').toISOString()).toBe('2021-12-07T07:00:00.000Z'); // GMT
    expect(zonedInstant('2022-06-08', '07:00', 'Europe/London').toISOString()).toBe('2022-06-08T06:00:00.000Z'); // BST
    expect(zonedInstant('2022-06-08', '07:00', 'UTC').toISOString()).toBe('2022-06-08T07:00:00.000Z');
  });
});

describe('sendWindow', () => {
  // November 2021's pack, 5th working day: Tuesday 7 December; the last working day of December 2021
  // without holidays is Friday 31st.
  it('in winter: 07:00 UK time, from the distribution day to the last working day of the month after', () => {
    expect(sendWindow('2021-11', 5, none, at('2021-12-06T10:00:00Z'), LONDON_7)).toEqual({
      first: { day: '2021-12-07', ukTime: '07:00' },
      last: { day: '2021-12-31', ukTime: '07:00' },
      stage: 'before',
    });
    // A schedule in UTC is the same in winter (GMT is UTC).
    expect(sendWindow('2021-11', 5, none, at('2021-12-06T10:00:00Z'), UTC_7)!.first).toEqual({ day: '2021-12-07', ukTime: '07:00' });
  });

  it('in summer: a Europe/London schedule is still 07:00 UK time; a UTC one is 08:00 UK time', () => {
    // May 2022's pack, 5th working day of June 2022 (the 2nd and 3rd are bank holidays): Thursday 9th.
    const holidays = new Set(['2022-06-02', '2022-06-03']);
    expect(sendWindow('2022-05', 5, holidays, at('2022-06-01T10:00:00Z'), LONDON_7)!.first).toEqual({ day: '2022-06-09', ukTime: '07:00' });
    expect(sendWindow('2022-05', 5, holidays, at('2022-06-01T10:00:00Z'), UTC_7)!.first).toEqual({ day: '2022-06-09', ukTime: '08:00' });
  });

  it('stage: before until the first run, between until the last run, after it; by the minute when the time is known', () => {
    const stage = (iso: string, t: typeof LONDON_7 | null = LONDON_7) => sendWindow('2021-11', 5, none, at(iso), t ?? undefined)!.stage;
    expect(stage('2021-12-07T06:59:00Z')).toBe('before');
    expect(stage('2021-12-07T07:00:00Z')).toBe('between');
    expect(stage('2021-12-31T06:59:00Z')).toBe('between');
    expect(stage('2021-12-31T07:00:00Z')).toBe('after');
    expect(stage('2022-01-10T10:00:00Z')).toBe('after');
    // Without the time, a day counts as gone on the day itself.
    expect(stage('2021-12-07T06:59:00Z', null)).toBe('between');
    expect(stage('2021-12-31T06:59:00Z', null)).toBe('after');
    expect(sendWindow('2021-11', 5, none, at('2021-12-06T10:00:00Z'))!.first).toEqual({ day: '2021-12-07', ukTime: null });
  });

  it('skips a bank holiday at the end of the window', () => {
    // December 2022: 26th and 27th are bank holidays; the last working day is Friday 30th.
    expect(sendWindow('2022-11', 5, new Set(['2022-12-26', '2022-12-27']), at('2022-12-01T10:00:00Z'), LONDON_7)!.last.day).toBe('2022-12-30');
  });
});
