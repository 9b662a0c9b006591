/**
 * Every sentence a card says about its statistics, on hand-made measures: each one must be true
 * for the data beside it.
 */
import { describe, expect, it } from 'vitest';
import { assuranceWords, noSpcNote, shownAssurance, statsLines, trendHeading, variationWords } from '../../../functions/core/cards/spc-words.ts';
import type { MeasureResult, Spc } from '../../../functions/core/measures/document.ts';

const spc = (over: Partial<Spc> = {}): Spc => ({
  from: '2019-12', to: '2021-11', mean: 80, lower: 75, upper: 85, variation: 'common cause', assurance: 'hit and miss', assuranceNote: null, rebase: null, specialCauses: [], ...over,
});

function measure(over: Partial<MeasureResult> = {}): MeasureResult {
  return {
    id: 'SETTLED_ACCOM', title: 'Settled', unit: 'percent', polarity: 'high', basis: 'snapshot', series: [], breakdowns: {},
    latest: { month: '2021-11', value: 81, target: 80, rag: 'green', direction: null }, spc: spc(), spcNote: null, ...over,
  };
}

describe('the chart heading', () => {
  const months = (first: number, n: number) => Array.from({ length: n }, (_, i) => `2021-${String(first + i).padStart(2, '0')}`);
  it('names the kind of chart and its months truthfully', () => {
    expect(trendHeading(measure(), months(1, 11))).toBe('Trend: the last 11 months (XmR chart)');
    expect(trendHeading(measure({ spc: null, spcNote: 'rolling window', basis: 'rolling12' }), months(1, 11))).toBe('Trend: the last 11 months (line chart; no process limits on a rolling 12-month figure)');
    expect(trendHeading(measure({ spc: null, spcNote: 'fewer than 12 points' }), ['2021-11'])).toBe('Trend: the latest month (line chart)');
  });

  it('does not call months with gaps "the last N months"', () => {
    expect(trendHeading(measure({ spc: null, spcNote: 'fewer than 12 points' }), ['2021-01', '2021-02', '2021-06'])).toBe('Trend: 3 months, Jan 21 to Jun 21 (line chart)');
  });
});

describe('variation', () => {
  it('says why there is no assessment', () => {
    expect(variationWords(measure({ spc: null, spcNote: 'rolling window' }))).toBe('Variation: not assessed (each point is a rolling 12-month figure overlapping the ones before, so process limits would give false signals)');
    expect(variationWords(measure({ spc: null, spcNote: 'fewer than 12 points' }))).toBe('Variation: not assessed (fewer than 12 points, so no process limits or signals yet)');
    expect(variationWords(measure({ spc: null, spcNote: 'statistics withheld: small numbers' }))).toBe('Variation: not assessed (statistics withheld: small numbers)');
    expect(variationWords(measure({ spc: null, spcNote: 'no data' }))).toBe('Variation: not assessed (no values to assess)');
  });
  it('names the special cause when there is one', () => {
    expect(variationWords(measure({ spc: spc({ variation: 'concern' }) }))).toBe('Variation: special cause — concern');
  });
});

describe('assurance beside the RAG rating', () => {
  it('never shows "consistently miss" beside a met target (SETTLED_ACCOM\'s F beside Green)', () => {
    // Limits 75–85 under a target of 90 give "consistently fail"; a green latest value must be beyond the upper limit.
    const m = measure({ latest: { month: '2021-11', value: 91, target: 90, rag: 'green', direction: null }, spc: spc({ assurance: 'consistently fail', variation: 'improvement' }) });
    expect(shownAssurance(m.spc, 'green')).toBeNull();
    expect(assuranceWords(m, 'green')).toBe("Assurance: not judged — this month's value is beyond the process limits, so the process may have changed; the limits need re-basing before assurance can be judged");
    expect(shownAssurance(m.spc, 'red')).toBe('consistently fail');
    expect(assuranceWords(m, 'red')).toBe('Assurance: will consistently miss the target without change');
  });

  it('never shows "consistently meet" beside a missed target', () => {
    const m = measure({ spc: spc({ assurance: 'consistently pass' }) });
    expect(shownAssurance(m.spc, 'amber')).toBeNull();
    expect(shownAssurance(m.spc, 'red')).toBeNull();
    expect(shownAssurance(m.spc, 'green')).toBe('consistently pass');
    // No RAG (a withheld value): nothing contradicts it.
    expect(shownAssurance(m.spc, null)).toBe('consistently pass');
  });

  it('while the process is moving, says the limits need re-basing, with the month it began', () => {
    const m = measure({ spc: spc({ assurance: null, assuranceNote: 'process changing since 2021-03' }) });
    expect(assuranceWords(m, 'green')).toBe('Assurance: not judged — the process has been changing since March 2021; the limits need re-basing before assurance can be judged');
    expect(shownAssurance(m.spc, 'green')).toBeNull();
  });

  it('says none for a neutral measure or no target, and why not assessed without SPC', () => {
    expect(assuranceWords(measure({ polarity: 'neutral', spc: spc({ assurance: null }) }), null)).toBe('Assurance: none (neither high nor low is better)');
    expect(assuranceWords(measure({ latest: { month: '2021-11', value: 81, target: null, rag: null, direction: null }, spc: spc({ assurance: null }) }), null)).toBe('Assurance: none (no target)');
    expect(assuranceWords(measure({ spc: null, spcNote: 'statistics withheld: small numbers' }), null)).toBe('Assurance: not assessed (statistics withheld: small numbers)');
  });
});

describe('mean, limits and re-basing', () => {
  it('prints the clipped limits and the months they come from', () => {
    expect(statsLines(measure({ spc: spc({ mean: 2.5, lower: 0, upper: 9.4 }) }))).toEqual(['Mean 2.5%; process limits 0.0% to 9.4%; from the values of Dec 19 to Nov 21.']);
  });

  it('prints the re-basing with its reason, also when too few points follow it for limits', () => {
    const rebase = { from: '2021-04', reason: 'New triage model' };
    expect(statsLines(measure({ spc: spc({ from: '2021-04', rebase }), rebase }))).toEqual([
      'Mean 80.0%; process limits 75.0% to 85.0%; from the values of Apr 21 to Nov 21.',
      'Limits re-based from April 2021: New triage model.',
    ]);
    expect(statsLines(measure({ spc: null, spcNote: 'fewer than 12 points', rebase: { from: '2021-09', reason: null } }))).toEqual(['Limits re-based from September 2021 (no reason given).']);
  });

  it('explains a chart without limits in the data notes', () => {
    expect(noSpcNote(measure())).toBeNull();
    expect(noSpcNote(measure({ spc: null, spcNote: 'rolling window' }))).toMatch(/^Each value covers the 12 months to its month end/);
    expect(noSpcNote(measure({ spc: null, spcNote: 'statistics withheld: small numbers' }))).toMatch(/^Some values in the chart's months are withheld \(small numbers\), so no mean, process limits, variation or assurance are shown/);
    expect(noSpcNote(measure({ spc: null, spcNote: 'fewer than 12 points' }))).toBe('Fewer than 12 values so far: the chart has no process limits and no special-cause signals yet.');
  });
});
