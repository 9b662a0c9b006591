/**
 * DHSC's CLD waiting times against hand-made chronologies, each test naming the line of
 * Waiting_times/waiting_times_method.sql (commit 280a89f) it checks. June 2025's period is
 * 1 Jul 2024 – 30 Jun 2025; people are born 1 Jan 1950 (65+) unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import {
  CLD_WAIT_RESPONSE_25_64,
  CLD_WAIT_RESPONSE_65,
  CLD_WAIT_SERVICE_25_64,
  CLD_WAIT_SERVICE_65,
  BEFORE_CLD,
} from '../../../../../functions/core/measures/catalogue/ascof/cld-wait.ts';
import type { RowSpec } from '../../builder.ts';
import { assessment, at, community, events, inputs, request, run, service } from '../../builder.ts';

/** A request showing need (Stage 1.4 keeps it), closed the day it opened. */
const req = (person: string, start: string, more: Partial<RowSpec> = {}) =>
  request(person, start, start, { outcome: 'Progress to assessment, review or reassessment', ...more });
const stmax = (person: string, start: string, end: string | null, more: Partial<RowSpec> = {}) =>
  service(person, 'Short term support: ST-Max', start, end, more);

function june(rows: RowSpec[], dob: Record<string, string> = {}, start = '2023-01-01') {
  const data = inputs(events({ start, end: '2025-06-30', dob }, rows));
  return {
    response: at(run(CLD_WAIT_RESPONSE_65, data).series, '2025-06'),
    service: at(run(CLD_WAIT_SERVICE_65, data).series, '2025-06'),
    response25: at(run(CLD_WAIT_RESPONSE_25_64, data).series, '2025-06'),
    service25: at(run(CLD_WAIT_SERVICE_25_64, data).series, '2025-06'),
  };
}

const waits = (value: number | null, n: number) =>
  n === 0 ? { value: null, numerator: 0, denominator: null, reason: 'no denominator' } : { value, numerator: n, denominator: null, reason: null };

describe('CLD waiting times (Waiting_times/waiting_times_method.sql)', () => {
  it('line 62 (from 1 April 2023): a month whose 12 months end before then says so, one after with no waits has no denominator', () => {
    const data = inputs(events({ start: '2021-01-01', end: '2023-06-30' }, [req('P1', '2022-05-10'), assessment('P1', '2022-05-20', '2022-05-25')]));
    const s = run(CLD_WAIT_RESPONSE_65, data).series;
    expect(at(s, '2023-03')).toMatchObject({ value: null, numerator: 0, reason: BEFORE_CLD });
    expect(at(s, '2023-04')).toMatchObject({ value: null, numerator: 0, reason: 'no denominator' });
  });

  it('lines 426 and 431: part 1 is request start to first response start, part 2 request start to first service start', () => {
    const { response, service: part2 } = june([
      req('P1', '2025-01-10'),
      assessment('P1', '2025-01-20', '2025-01-25'),
      community('P1', '2025-02-01', null),
    ]);
    expect(response).toEqual(waits(10, 1));
    expect(part2).toEqual(waits(22, 1));
  });

  it('lines 465 and 478: the median is PERCENTILE_CONT(0.5), the mean of the middle two of an even count; a request with no response is not a wait', () => {
    const { response } = june([
      req('P1', '2025-01-10'), assessment('P1', '2025-01-20', '2025-01-25'), // 10
      req('P2', '2025-01-10'), assessment('P2', '2025-01-25', '2025-01-30'), // 15
      req('P3', '2025-01-10'), // still waiting: part1_wait_time IS NULL
    ]);
    expect(response).toEqual(waits(12.5, 2));
  });

  it('lines 39-52: short and long term assessments and the seven service types respond, of any client type; carer support does not', () => {
    const { response } = june([
      req('P1', '2025-01-10'), assessment('P1', '2025-01-13', '2025-01-20', { client: 'Unpaid carer' }), // 3: no client type filter on line 39
      req('P2', '2025-01-10'),
      service('P2', 'Unpaid carer support: Direct to unpaid carer', '2025-01-11', '2025-01-20'), // not in lines 45-51
      assessment('P2', '2025-01-17', '2025-01-20', { assessmentType: 'Short term assessment' }), // 7
      req('P3', '2025-01-10'), stmax('P3', '2025-01-15', '2025-02-01'), // 5: ST-Max is line 49
    ]);
    expect(response).toEqual(waits(5, 3));
  });

  it('lines 61-63: only service users\' requests from 1 April 2023 count', () => {
    const { response } = june([
      req('P1', '2025-01-10', { client: 'Unpaid carer' }), assessment('P1', '2025-01-20', '2025-01-25'),
      req('P2', '2023-03-31'), assessment('P2', '2024-08-01', '2024-08-05'), // request before the cut-off
      req('P3', '2023-04-01'), assessment('P3', '2024-08-01', '2024-08-05'), // 488 days
    ]);
    expect(response).toEqual(waits(488, 1));
  });

  // Line 156 (responses 25+ at their start) cannot change a wait: a response starts after a request made at 25 or over.
  it('line 78: requests need age 25 or over at their start (the full date of birth)', () => {
    const { response25 } = june([
      req('P1', '2025-01-15'), assessment('P1', '2025-01-25', '2025-01-30'), // 25 on the request day: 10
      req('P2', '2025-01-15'), assessment('P2', '2025-01-25', '2025-01-30'), // 24 on the request day
    ], { P1: '2000-01-15', P2: '2000-01-16' });
    expect(response25).toEqual(waits(10, 1));
  });

  it('lines 92-95: a service starting before the request and ending less than 12 months before it (or open) makes an existing client', () => {
    const { response, response25 } = june([
      community('P1', '2023-06-01', '2024-01-10'), req('P1', '2025-01-10'), assessment('P1', '2025-01-20', '2025-01-25'), // end = DATEADD(MONTH, -12, start): existing
      community('P2', '2023-06-01', '2024-01-09'), req('P2', '2025-01-10'), assessment('P2', '2025-01-21', '2025-01-25'), // a day earlier: new, 11
      community('P3', '2023-06-01', null), req('P3', '2025-01-10'), assessment('P3', '2025-01-22', '2025-01-25'), // open: existing
      req('P4', '2025-01-10'), community('P4', '2025-01-10', null), // same day is not before: new, and the service responds (request first, line 136)
      // Line 86 joins the set before line 156's age filter: a service at 24 still makes an existing client at 25.
      community('P5', '2024-02-01', '2024-03-01'), req('P5', '2025-02-01'), assessment('P5', '2025-02-05', '2025-02-10'),
    ], { P5: '2000-01-01' });
    expect(response).toEqual(waits(5.5, 2));
    expect(response25).toEqual(waits(null, 0));
  });

  it('line 115: requests closed with no further action or admission to hospital are not valid', () => {
    const { response } = june([
      req('P1', '2025-01-10', { outcome: 'NFA: Information and advice or signposting' }), assessment('P1', '2025-01-20', '2025-01-25'),
      req('P2', '2025-01-10', { outcome: 'Admitted to hospital' }), assessment('P2', '2025-01-20', '2025-01-25'),
      req('P3', '2025-01-10', { outcome: 'Progress to reablement/ST-Max' }), stmax('P3', '2025-01-24', '2025-02-10'), // 14
    ]);
    expect(response).toEqual(waits(14, 1));
  });

  it('lines 133-142: same-day events order request, assessment, service, then the later record first', () => {
    const { response, service: part2 } = june([
      community('P1', '2025-01-10', null), assessment('P1', '2025-01-10', '2025-01-12'), req('P1', '2025-01-10'), // 0 and 0
      req('P2', '2025-02-01'), req('P2', '2025-02-01'), assessment('P2', '2025-02-05', '2025-02-08'), // two same-day requests: one wait (line 402)
    ]);
    expect(response).toEqual(waits(2, 2));
    expect(part2).toEqual(waits(0, 1));
  });

  it('lines 368-369: a service before the first assessment, or with none, is the first response', () => {
    const { response, service: part2 } = june([
      req('P1', '2025-01-10'), stmax('P1', '2025-01-12', '2025-01-30'), assessment('P1', '2025-01-20', '2025-01-25', { outcome: 'NFA: Support declined' }), // 2 and 2
      req('P2', '2025-01-10'), community('P2', '2025-01-16', null), // 6 and 6
    ]);
    expect(response).toEqual(waits(4, 2));
    expect(part2).toEqual(waits(4, 2));
  });

  it('lines 212-218 and 384: an assessment response that does not progress to services ends part 2, even if a service follows', () => {
    const { response, service: part2 } = june([
      req('P1', '2025-01-10'), assessment('P1', '2025-01-20', '2025-01-25', { outcome: 'NFA: Support declined' }), community('P1', '2025-03-01', null),
      req('P2', '2025-01-10'), assessment('P2', '2025-01-20', '2025-01-25', { outcome: 'Continuation of support or services' }), community('P2', '2025-03-01', null), // 50
      req('P3', '2025-01-10'), assessment('P3', '2025-01-20', '2025-01-25', { outcome: 'Progress to assessment, review or reassessment' }), community('P3', '2025-03-01', null),
    ]);
    expect(response).toEqual(waits(10, 3));
    expect(part2).toEqual(waits(50, 1));
  });

  it('lines 400-402: a request made before the previous request\'s response or service is left out', () => {
    const { response, service: part2 } = june([
      req('P1', '2025-01-01'), req('P1', '2025-01-05'), assessment('P1', '2025-01-10', '2025-01-12'), community('P1', '2025-02-01', null), // only the first: 9 and 31
      req('P2', '2025-01-01'), assessment('P2', '2025-01-10', '2025-01-12'), req('P2', '2025-01-20'), assessment('P2', '2025-01-24', '2025-01-26'), // 9 and 4
      // P3's second request comes after the first's response but before its service: left out too.
      req('P3', '2025-01-01'), assessment('P3', '2025-01-10', '2025-01-12'), req('P3', '2025-01-15'), community('P3', '2025-02-01', null), // 9 and 31
    ]);
    expect(response).toEqual(waits(9, 4));
    expect(part2).toEqual(waits(31, 2));
  });

  it('lines 462 and 479: the band is the response\'s, from its latest age (end, first of the birth month), not the request\'s', () => {
    const { response, response25, service: part2, service25 } = june([
      req('P1', '2025-01-10'), assessment('P1', '2025-05-25', '2025-06-05'), // 64 at the request, 65 on 5 Jun 2025 from 1 Jun 1960: 65+
      community('P1', '2025-05-26', null), // open: its latest age is on the upload's period end, 30 Jun 2025: 65+
      req('P2', '2025-01-10'), assessment('P2', '2025-01-20', '2025-01-25'), // 25-64
    ], { P1: '1960-06-20', P2: '1980-01-01' });
    expect(response).toEqual(waits(135, 1));
    expect(part2).toEqual(waits(136, 1));
    expect(response25).toEqual(waits(10, 1));
    expect(service25).toEqual(waits(null, 0));
  });

  it('lines 442 and 460: a wait falls in the period its response starts in, whenever the request was made', () => {
    const { response } = june([
      req('P1', '2024-05-01'), assessment('P1', '2024-07-01', '2024-07-05'), // 61, response on the period start
      req('P2', '2024-05-01'), assessment('P2', '2024-06-30', '2024-07-05'), // response before the period
    ]);
    expect(response).toEqual(waits(61, 1));
  });

  it('an upload starting less than a year before the period has insufficient history', () => {
    const { response } = june([req('P1', '2025-01-10'), assessment('P1', '2025-01-20', '2025-01-25')], {}, '2023-07-03');
    expect(response).toEqual({ value: null, numerator: null, denominator: null, reason: 'insufficient history' });
  });
});
