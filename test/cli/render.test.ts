/**
 * `report-cards render` end to end on the golden uploads (/work/shared/golden, the same files the
 * measures command is checked against): real validation, real measures, real PDFs read back.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../functions/cli/commands/render.ts';
import { captureCli } from '../support/cli.ts';
import { readPdf } from '../support/pdf-text.ts';
import { FIXTURE_PACKS_DIR } from '../support/project-files.ts';

const GOLDEN = '/work/shared/golden';
const EVENTS = ['--events', path.join(GOLDEN, 'events.csv'), '--population', path.join(GOLDEN, 'population.csv')];
/** The tests' own packs (test/fixtures/templates), so a pack added to templates/ changes nothing here. */
const INPUTS = ['--templates', FIXTURE_PACKS_DIR, ...EVENTS];

const capture = (args: string[]) => captureCli(run, args);

describe('report-cards render', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'render-cli-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('writes <period>-<pack>.pdf and its data appendix <period>-<pack>.csv for every pack and prints each path', async () => {
    const out = path.join(dir, 'all');
    const { code, stdout } = await capture(['--out', out, '--generated-at', '2021-12-07T09:00:00Z', ...INPUTS]);
    expect(code).toBe(0);
    const written = stdout.trim().split('\n');
    expect(written).toEqual(['2021-11-commissioning-finance.pdf', '2021-11-commissioning-finance.csv', '2021-11-scrutiny-board.pdf', '2021-11-scrutiny-board.csv'].map((f) => path.join(out, f)));
    expect((await readdir(out)).sort()).toEqual(written.map((f) => path.basename(f)).sort());
    const pdf = await readPdf(await readFile(path.join(out, '2021-11-scrutiny-board.pdf')));
    // Cover, the summary (two pages for 30 measures), contents, then the 30 cards and a page of
    // equity tables after each of the 4 cards scrutiny-board.json asks them for.
    const contents = pdf.pages.findIndex((p) => p.startsWith('Contents'));
    expect(contents).toBe(3);
    expect(pdf.pages).toHaveLength(contents + 1 + 30 + 4);
    expect(pdf.pages[0]).toContain('November 2021');
    expect(pdf.pages[0]).toContain('7 December 2021 at 09:00 UTC');
    expect(pdf.pages.at(-1)).toContain('Page 38 of 38');
    expect(pdf.pages.filter((p) => p.includes('equity breakdowns, November 2021'))).toHaveLength(4);
    // The appendix: a header, then the figures; FPOC November 2021 rests on 2 of 6 requests on the
    // golden pair, so it is withheld there as on the card, its 6 requests (1 to 7) with it.
    const csv = (await readFile(path.join(out, '2021-11-scrutiny-board.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv[0]).toBe('measure_id,ascof_code,breakdown,month,value,numerator,denominator,target,rag,direction');
    expect(csv.filter((l) => l.startsWith('FPOC,,,2021-11,'))).toEqual(['FPOC,,,2021-11,*,*,*,,,']);
    // The equity tables' figures, with their keys, for the card's month only.
    const ethnicity = csv.filter((l) => /^LTS_CLIENTS,,"?ethnicity:/.test(l));
    // The third field, unquoted (a group with a comma is quoted, RFC 4180).
    const key = (l: string) => /^LTS_CLIENTS,,(?:"([^"]*)"|([^,]*))/.exec(l)!.slice(1).find((k) => k !== undefined);
    expect(ethnicity.map(key)).toEqual(['White', 'Mixed or multiple', 'Asian or Asian British', 'Black, Black British, Caribbean or African', 'Other ethnic group', 'Not stated'].map((g) => `ethnicity:${g}`));
    expect(ethnicity.every((l) => l.includes(',2021-11,'))).toBe(true);
  });

  it('renders a pack added to the templates folder with no other change: a copy of a pack under a new id', async () => {
    const templates = path.join(dir, 'templates-plus-one');
    await cp(FIXTURE_PACKS_DIR, templates, { recursive: true });
    const pack = JSON.parse(await readFile(path.join(FIXTURE_PACKS_DIR, 'scrutiny-board.json'), 'utf8'));
    await writeFile(path.join(templates, 'audit-committee.json'), JSON.stringify({ ...pack, id: 'audit-committee', title: 'Audit Committee Report Cards' }));
    const out = path.join(dir, 'plus-one');
    const { code, stdout } = await capture(['--out', out, '--generated-at', '2021-12-07T09:00:00Z', '--templates', templates, ...EVENTS]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((f) => path.basename(f))).toEqual([
      '2021-11-audit-committee.pdf', '2021-11-audit-committee.csv',
      '2021-11-commissioning-finance.pdf', '2021-11-commissioning-finance.csv',
      '2021-11-scrutiny-board.pdf', '2021-11-scrutiny-board.csv',
    ]);
    const copy = await readPdf(await readFile(path.join(out, '2021-11-audit-committee.pdf')));
    const original = await readPdf(await readFile(path.join(out, '2021-11-scrutiny-board.pdf')));
    expect(copy.pages[0]).toContain('Audit Committee Report Cards');
    expect(copy.pages).toHaveLength(original.pages.length);
    expect(copy.pages.slice(1).join('\n').replaceAll('Audit Committee Report Cards', pack.title)).toBe(original.pages.slice(1).join('\n'));
    // The appendix is the measures', not the pack's title: the same figures.
    expect(await readFile(path.join(out, '2021-11-audit-committee.csv'), 'utf8')).toBe(await readFile(path.join(out, '2021-11-scrutiny-board.csv'), 'utf8'));
  });

  it('renders only the named pack with --pack', async () => {
    const out = path.join(dir, 'one');
    const { code, stdout } = await capture(['--pack', 'commissioning-finance', '--out', out, ...INPUTS]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([path.join(out, '2021-11-commissioning-finance.pdf'), path.join(out, '2021-11-commissioning-finance.csv')]);
    expect((await readdir(out)).sort()).toEqual(['2021-11-commissioning-finance.csv', '2021-11-commissioning-finance.pdf']);
  });

  it('exits 2 on usage errors: no --out, no --events, an unknown pack, an unreadable file', async () => {
    expect((await capture(INPUTS)).code).toBe(2);
    expect((await capture(['--out', dir])).code).toBe(2);
    const unknown = await capture(['--pack', 'no-such-pack', '--out', dir, ...INPUTS]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no pack 'no-such-pack'");
    expect((await capture(['--out', dir, '--events', path.join(dir, 'missing.csv')])).code).toBe(2);
  });

  it('exits 1 with the validation errors when an input is rejected, writing nothing', async () => {
    const bad = path.join(dir, 'bad-population.csv');
    await writeFile(bad, 'la_code,year,age_band,population\nE08000018,2021,18-64,lots\n');
    const out = path.join(dir, 'rejected');
    const { code, stderr } = await capture(['--out', out, '--events', path.join(GOLDEN, 'events.csv'), '--population', bad]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad-population\.csv:1:population: error:/);
    await expect(readdir(out)).rejects.toThrow();
  });
});
