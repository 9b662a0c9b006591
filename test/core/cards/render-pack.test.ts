/**
 * The PDF read back with pdfjs-dist: what a board member would read on each page. Expected figures
 * come from the fixture document, formatted here independently of the renderer's own formatting.
 */
import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FontSet } from '../../../functions/core/cards/fonts.ts';
import { packTemplateSchema, type PackTemplate } from '../../../functions/core/cards/pack-template.ts';
import { renderPack } from '../../../functions/core/cards/render-pack.ts';
import type { MeasureResult, MeasuresDocument } from '../../../functions/core/measures/document.ts';
import { publishMeasure } from '../../../functions/core/disclosure/published-view.ts';
import { fixtureDocument } from './fixture-document.ts';
import { readPdf, type ReadPdf } from '../../support/pdf-text.ts';
import { bundledFonts, fixturePacks } from '../../support/project-files.ts';

const OPTIONS = { generatedAt: '2021-12-07T09:00:00Z', version: 'abc123def4567890', fonts: bundledFonts() };

/** The figure a card prints, written out by hand per unit. */
function expectedValue(m: MeasureResult, v: number): string {
  const grouped = (x: number, dp: number) => x.toFixed(dp).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  switch (m.unit) {
    case 'percent': return `${grouped(v, 1)}%`;
    case 'per100k': return `${grouped(v, 1)} per 100,000`;
    case 'days': return `${grouped(v, 1)} days`;
    case 'count': return grouped(v, 0);
    case 'gbp': return `${v < 0 ? '−' : ''}£${grouped(Math.abs(v), 0)}`;
    case 'hours': return `${grouped(v, Number.isInteger(v) ? 0 : 1)} hours`;
  }
}

const RAG_WORD = { green: 'Green: meets target', amber: 'Amber: within 10% of target', red: 'Red: misses target by more than 10%' } as const;
const withheld = (m: MeasureResult) => {
  const n = m.series.at(-1)!.numerator;
  return m.unit !== 'gbp' && m.unit !== 'hours' && n != null && n >= 1 && n <= 7;
};

describe('renderPack', () => {
  let doc: MeasuresDocument;
  let packs: PackTemplate[];
  let scrutiny: PackTemplate;
  let pdf: ReadPdf;
  let bytes: Uint8Array;

  beforeAll(async () => {
    doc = fixtureDocument();
    packs = await fixturePacks();
    scrutiny = packs.find((p) => p.id === 'scrutiny-board')!;
    bytes = await renderPack(doc, scrutiny, OPTIONS);
    pdf = await readPdf(bytes);
  });

  const cardIds = () => scrutiny.sections.flatMap((s) => s.measures);
  // The summary table may take more than one page: the contents page follows it, then the cards.
  const contentsAt = () => pdf.pages.findIndex((p) => p.startsWith('Contents'));
  // A card the pack asks equity tables for is followed by a page of them (equity-tables.ts).
  const equityPagesBefore = (id: string) => cardIds().slice(0, cardIds().indexOf(id)).filter((c) => scrutiny.equity[c]).length;
  const cardPageIndex = (id: string) => contentsAt() + 1 + cardIds().indexOf(id) + equityPagesBefore(id);
  const cardPage = (id: string) => pdf.pages[cardPageIndex(id)];

  it('names ASCOF measures by their code on the summary and their card, with each financial year\'s figure', () => {
    const m = doc.measures.find((x) => x.id === 'ASCOF_2E_65')!;
    expect(pdf.pages[1]).toContain('ASCOF 2E (65+)');
    const page = cardPage('ASCOF_2E_65');
    expect(page).toContain('ASCOF 2E (65+)');
    const years = m.annual!.map((a) => `${a.year}: ${a.value === null ? '–' : `${a.value.toFixed(1)}%`}`).join(' · ');
    expect(page).toContain(`Financial years (April to March, as ASCOF is published): ${years}`);
    expect(cardPage('SDS')).not.toContain('Financial years');
  });

  it('is a whole A4 PDF: cover, summary, contents, one page per card and one per card\'s equity tables, each numbered "n of m"', () => {
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
    expect(contentsAt()).toBeGreaterThanOrEqual(2);
    const total = contentsAt() + 1 + cardIds().length + Object.keys(scrutiny.equity).length;
    expect(pdf.pages).toHaveLength(total);
    pdf.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${total}`));
    // Running header with pack and month on every page but the cover.
    pdf.pages.slice(1).forEach((page) => expect(page).toContain(`${scrutiny.title} · November 2021`));
    expect(pdf.pages[0]).not.toContain(`${scrutiny.title} · November 2021`);
  });

  it('carries title, author, subject, keywords, language and the given creation date', () => {
    expect(pdf.info).toMatchObject({
      Title: `${scrutiny.title} — November 2021`,
      Author: `${scrutiny.clerk.author}, ${scrutiny.council}`,
      Language: 'en-GB',
      CreationDate: 'D:20211207090000Z',
    });
    expect(pdf.info.Subject).toContain(scrutiny.committee);
    expect(pdf.info.Keywords).toContain('scrutiny-board');
    expect(pdf.info.Keywords).toContain('2021-11');
  });

  it('puts council, committee, meeting, agenda, month, data as at, author and produced time on the cover', () => {
    const cover = pdf.pages[0];
    // scrutiny-board.json names the November 2021 meeting, its agenda item and appendix, and the author.
    for (const words of [scrutiny.council, scrutiny.committee, 'Meeting 12 January 2022', 'Agenda Agenda item 7 · Appendix A', 'November 2021',
      'Data as at 30 November 2021', 'Report author Head of Performance and Quality, Adult Care, Housing and Public Health', 'Produced 7 December 2021 at 09:00 UTC']) {
      expect(cover).toContain(words);
    }
    expect(cover).not.toContain('Contact');
    expect(cover).not.toContain('REVISED');
  });

  it('keeps the version out of every page (metadata only) and prints the agenda item and appendix in every footer', () => {
    pdf.pages.forEach((page) => expect(page).not.toContain('abc123def4567890'));
    expect(pdf.info.Keywords).toContain('version abc123def4567890');
    expect((pdf.info.Custom as Record<string, string>).PackVersion).toBe('abc123def4567890');
    pdf.pages.forEach((page) => expect(page).toContain('Agenda item 7 · Appendix A'));
  });

  it('leaves out clerk details a pack does not give, and prints the deployment contact when given', async () => {
    const finance = packs.find((p) => p.id === 'commissioning-finance')!;
    const read = await readPdf(await renderPack(doc, finance, { ...OPTIONS, contact: 'performance@example.org' }));
    expect(read.pages[0]).toContain('Contact performance@example.org');
    for (const absent of ['Meeting', 'Agenda', 'Report author', 'abc123def4567890']) expect(read.pages[0]).not.toContain(absent);
    expect(read.pages.at(-1)).not.toContain('Agenda item');
  });

  it('summarises RAG counts, every measure with its figures, and where we stand', () => {
    const summary = pdf.pages.slice(1, contentsAt()).join(' ');
    expect(pdf.pages[1]).toContain('Summary — November 2021');
    const counts = { green: 0, amber: 0, red: 0, none: 0 };
    const measures = cardIds().map((id) => doc.measures.find((m) => m.id === id)!);
    for (const m of measures) counts[withheld(m) ? 'none' : (m.latest.rag ?? 'none')] += 1;
    expect(summary).toContain(`RAG counts: ${counts.green} green, ${counts.amber} amber, ${counts.red} red, ${counts.none} without a RAG rating.`);
    for (const m of measures) {
      if (m.id !== 'ADMISSIONS_18_64' && m.id !== 'ADMISSIONS_65P') expect(summary).toContain(m.title);
      expect(summary).not.toContain(m.id);
      if (!withheld(m) && m.unit === 'percent') expect(summary).toContain(`${m.latest.value!.toFixed(1)}%`);
    }
    expect(summary).toMatch(/Where we stand: of 6 measures with benchmark quartiles, 2 are in the top quartile \(.+; .+\) and 1 in the bottom quartile \(.+\)/);
    expect(summary).toContain('Region');
    expect(summary).toContain('England');
    expect(summary).toContain('498.2'); // England's ADMISSIONS_65P benchmark
  });

  it('lists every card in the contents with the page it is on', () => {
    const contents = pdf.pages[contentsAt()];
    expect(contents).toContain(`Long term clients reviewed in the last 12 months ${cardPageIndex('REVIEWS_UTD') + 1}`);
    for (const s of scrutiny.sections) expect(contents).toContain(s.title);
  });

  it('prints each card: latest with unit, target, RAG word, direction word, chart, icons and notes', () => {
    for (const id of cardIds()) {
      const m = doc.measures.find((x) => x.id === id)!;
      const published = publishMeasure(m);
      const page = cardPage(id);
      // Titles, never internal ids, on the page.
      expect(page).toContain(m.title);
      expect(page).not.toContain(id);
      expect(page).toContain('Latest: November 2021');
      if (published.spc) {
        expect(page).toContain('Trend: the last 24 months (XmR chart)');
        expect(page).toMatch(/Variation: (common cause|special cause)/);
        expect(page).toMatch(/Mean .*; process limits .* to .*; from the values of Dec 19 to Nov 21\./);
      } else if (m.basis === 'rolling12') {
        expect(page).toContain('Trend: the last 24 months (line chart; no process limits on a rolling 12-month figure)');
        expect(page).toContain('Variation: not assessed (each point is a rolling 12-month figure');
        expect(page).not.toMatch(/Mean .*process limits/);
        expect(page).toContain('Each value covers the 12 months to its month end');
      } else {
        expect(page).toContain('Trend: the last 24 months (line chart)');
        expect(page).toContain(`Variation: not assessed (${published.spcNote === 'statistics withheld: small numbers' ? 'statistics withheld: small numbers' : 'fewer than 12 points'}`);
        expect(page).not.toMatch(/Mean .*process limits/);
      }
      expect(page).toContain('Assurance:');
      expect(page).toContain('Data notes');
      if (withheld(m)) continue;
      const latest = expectedValue(m, m.latest.value!);
      // The headline prints the number large and the unit small, as separate runs.
      expect(page.replace(/ (per 100,000|days|hours)/g, '$1')).toContain(latest.replace(/ (per 100,000|days|hours)/g, '$1'));
      if (m.latest.rag) expect(page).toContain(RAG_WORD[m.latest.rag]);
      else if (m.polarity === 'neutral') expect(page).toContain('Not rated: neither high nor low is better');
      else if (m.latest.target == null) expect(page).toContain('No RAG: no target set');
      if (m.latest.direction) expect(page).toContain(m.latest.direction.charAt(0).toUpperCase() + m.latest.direction.slice(1));
      if (m.latest.target != null) expect(page.replace(/ per 100,000/g, 'per 100,000')).toContain(expectedValue(m, m.latest.target).replace(/ per 100,000/g, 'per 100,000'));
    }
  });

  it('prints the officers’ commentary, breakdowns, benchmarks, year to date and null reasons', () => {
    const reviews = cardPage('REVIEWS_UTD');
    const c = doc.measures.find((m) => m.id === 'REVIEWS_UTD')!.latest.commentary!;
    expect(reviews).toContain(`What is working well: ${c.workingWell}`);
    expect(reviews).toContain(`What we are worried about: ${c.worriedAbout}`);
    expect(reviews).toContain(`Next steps: ${c.nextSteps}`);
    expect(reviews).toContain(`Lead officer: ${c.leadOfficer}`);
    expect(cardPage('REQ_NEW')).toContain('No commentary was supplied for this month.');
    const lts = cardPage('LTS_CLIENTS');
    expect(lts).toContain('Breakdowns');
    expect(lts).toContain('Residential');
    expect(lts).toContain('Community');
    const adm = cardPage('ADMISSIONS_65P');
    expect(adm).toMatch(/England 2020\/21 498\.2 per 100,000 Top/);
    expect(adm).toMatch(/Dec 19 – Oct 20: no value \(insufficient history\)/);
    const assess = doc.measures.find((m) => m.id === 'ASSESS_LT')!.series.at(-1)!.ytd!;
    expect(cardPage('ASSESS_LT')).toContain(`Financial year to date (2021/22): ${assess.numerator!.toLocaleString('en-GB')} (${assess.value!.toFixed(1)} per 100,000)`);
    expect(cardPage('REQ_TO_ASSESS')).toMatch(/Revised since earlier packs .*: September 2021/);
  });

  it('follows a card the pack asks equity tables for with a page of them: group, number, value, * where withheld', () => {
    expect(Object.keys(scrutiny.equity)).toEqual(expect.arrayContaining(['LTS_CLIENTS', 'DIRECT_PAYMENTS']));
    const equityPage = (id: string) => pdf.pages[cardPageIndex(id) + 1];
    const lts = equityPage('LTS_CLIENTS');
    expect(lts).toContain('People receiving long term support: equity breakdowns, November 2021');
    // The fixture's groups are shares of the latest count (4,159 people): White 91%, Other ethnic group 0.2% (8), Female 57%.
    const n = doc.measures.find((m) => m.id === 'LTS_CLIENTS')!.series.at(-1)!.numerator!;
    expect(lts).toContain(`White ${Math.round(0.91 * n).toLocaleString('en-GB')}`);
    expect(lts).toContain(`Female ${Math.round(0.57 * n).toLocaleString('en-GB')}`);
    expect(lts).toContain('Primary support reason Number');
    expect(lts).toContain('Physical support: Personal care support');
    expect(lts).not.toContain('Rates use the 18+ population');
    // A rate: each group's number and its rate on the whole area's adults, and the note that says so.
    const req = equityPage('REQ_NEW');
    const r = doc.measures.find((m) => m.id === 'REQ_NEW')!.series.at(-1)!;
    const white = Math.round(0.91 * r.numerator!);
    expect(req).toContain(`White ${white.toLocaleString('en-GB')} ${((white * 100_000) / r.denominator!).toFixed(1)}`);
    expect(req).toContain('Rates use the 18+ population of the whole area');
    // Other ethnic group (0.2% of the requests) is 1 to 7: withheld, and the key says what * means.
    expect(req).toMatch(/Other ethnic group \* \*/);
    expect(req).toContain('* Withheld (disclosure control)');
    // A percentage: N of D per group.
    expect(equityPage('DIRECT_PAYMENTS')).toMatch(/White [\d,]+ of [\d,]+ \d+\.\d/);
    expect(equityPage('DIRECT_PAYMENTS')).toContain('Each group\'s percentage is of that group\'s own people.');
    // A card the pack does not ask for has no equity page; the next page is the next card.
    expect(pdf.pages[cardPageIndex('SDS') + 1]).toContain('Direct payments');
    expect(pdf.pages.join(' ')).not.toContain('Self-directed support: equity breakdowns');
  });

  it('withholds small counts as * with a footnote, and prints them when the pack turns control off', async () => {
    const carers = cardPage('CARER_ASSESS');
    expect(carers).toContain('Latest: November 2021 *');
    expect(carers).toContain('Not rated: figure withheld');
    expect(carers).toContain('1 to 7 people or events');
    // A withheld breakdown prints * with * for its count.
    expect(cardPage('REVIEWS_REDUCED')).toMatch(/18-64 \* \(\* of [\d,]+\) \* \(\* of [\d,]+\)/);
    // A withheld point in the chart's months: no statistics derived from it.
    expect(carers).toContain('Variation: not assessed (statistics withheld: small numbers)');
    expect(carers).not.toMatch(/Mean .* process limits/);
    const open = packTemplateSchema.parse({ ...scrutiny, disclosureControl: false, sections: [{ title: 'Carers', measures: ['CARER_ASSESS'] }] });
    const page = (await readPdf(await renderPack(doc, open, OPTIONS))).pages[3];
    expect(page).toContain('Latest: November 2021 5');
    expect(page).not.toContain('1 to 7 people or events');
  });

  it('says "not available" for a measure the document lacks, and marks a revised pack', async () => {
    // A document made before a measure was added lacks it; the schema refuses ids the catalogue lacks, so made directly.
    const odd: PackTemplate = { ...scrutiny, sections: [{ title: 'Odd', measures: ['NOT_A_MEASURE', 'FPOC'] }] };
    const read = await readPdf(await renderPack(doc, odd, { ...OPTIONS, revised: true }));
    expect(read.pages).toHaveLength(5);
    expect(read.pages[3]).toContain('Not available: this measure is not in the measures document');
    expect(read.pages[1]).toContain('A measure this pack names that the catalogue does not hold: not available');
    expect(read.pages.join(' ')).not.toContain('NOT_A_MEASURE');
    expect(read.pages[0]).toContain('REVISED — this version replaces an earlier one');
    expect(read.pages[4]).toContain('November 2021 · REVISED');
    expect(read.info.Subject).toContain('(revised)');
  });

  it('gives the same bytes for the same inputs (no clock inside)', async () => {
    const again = await renderPack(doc, scrutiny, OPTIONS);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('renders the finance pack: money, hours and a short snapshot series without limits', async () => {
    const finance = packs.find((p) => p.id === 'commissioning-finance')!;
    const read = await readPdf(await renderPack(doc, finance, OPTIONS));
    const ids = finance.sections.flatMap((s) => s.measures);
    const budget = doc.measures.find((m) => m.id === 'BUDGET_VARIANCE')!;
    const page = read.pages[3 + ids.indexOf('BUDGET_VARIANCE')];
    expect(page).toContain(expectedValue(budget, budget.latest.value!));
    expect(page).toContain('Trend: the last 8 months');
    expect(page).toContain('Variation: not assessed (fewer than 12 points');
    expect(page).toContain('Fewer than 12 values so far');
    const waiting = doc.measures.find((m) => m.id === 'WAITING_ASSESS')!.series.at(-1)!;
    expect(read.pages[3 + ids.indexOf('WAITING_ASSESS')]).toContain(`Median time waiting: ${waiting.medianDays!.toFixed(1)} days`);
    const hours = doc.measures.find((m) => m.id === 'HOMECARE_HOURS')!;
    expect(read.pages[3 + ids.indexOf('HOMECARE_HOURS')].replace(/ hours/g, 'hours')).toContain(expectedValue(hours, hours.latest.value!).replace(' hours', 'hours'));
  });

  it('sets the pack in the font bytes it is given, plain Uint8Arrays as well as Buffers', async () => {
    const plain = Object.fromEntries(Object.entries(OPTIONS.fonts).map(([face, b]) => [face, new Uint8Array(b)])) as unknown as FontSet;
    const again = await renderPack(doc, scrutiny, { ...OPTIONS, fonts: plain });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('leaves pdfmake unable to read a file or fetch a URL, whatever a document asks for (CVE-2026-26801)', async () => {
    await renderPack(doc, scrutiny, OPTIONS);
    const asking = (content: Content[], images?: Record<string, string>) => pdfmake.createPdf({ content, images, defaultStyle: { font: 'Roboto' } }).getBuffer();
    await expect(asking([{ image: '/etc/hostname' }])).rejects.toThrow(/Access to local file denied/);
    await expect(asking([{ image: 'remote' }], { remote: 'https://example.org/a.png' })).rejects.toThrow(/Access to URL denied/);
  });
});
