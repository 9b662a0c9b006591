import { describe, expect, it } from 'vitest';
import { packMeasureIds, packRequires, packTemplateSchema } from '../../../functions/core/cards/pack-template.ts';
import { CATALOGUE } from '../../../functions/core/measures/catalogue/index.ts';

const valid = {
  id: 'test-pack',
  title: 'Test pack',
  committee: 'Test Committee',
  council: 'Test Council',
  sections: [{ title: 'One', measures: ['REQ_NEW', 'FPOC'] }, { title: 'Two', measures: ['CARER_ASSESS'] }],
  requires: ['events', 'population'],
  distribution: { lists: ['board', 'clerks'], previewList: 'performance-team', ownersList: 'owners', approval: 'auto', workingDay: 5, time: '09:00', reminderDay: 10 },
};

describe('packTemplateSchema', () => {
  it('accepts a template and turns disclosure control on by default', () => {
    const pack = packTemplateSchema.parse(valid);
    expect(pack.disclosureControl).toBe(true);
    expect(packMeasureIds(pack)).toEqual(['REQ_NEW', 'FPOC', 'CARER_ASSESS']);
    expect(packTemplateSchema.parse({ ...valid, disclosureControl: false }).disclosureControl).toBe(false);
  });

  it('takes optional clerk details: none by default, meetings keyed by reporting month with real dates', () => {
    expect(packTemplateSchema.parse(valid).clerk).toEqual({ meetings: {} });
    const clerk = { author: 'Head of Performance', meetings: { '2021-11': { date: '2022-01-12', agendaItem: '7', appendix: 'Appendix A' } } };
    expect(packTemplateSchema.parse({ ...valid, clerk }).clerk).toEqual(clerk);
    expect(packTemplateSchema.safeParse({ ...valid, clerk: { meetings: { '2021-13': { date: '2022-01-12' } } } }).success).toBe(false);
    expect(packTemplateSchema.safeParse({ ...valid, clerk: { meetings: { '2021-11': { date: '2022-02-30' } } } }).success).toBe(false);
    expect(packTemplateSchema.safeParse({ ...valid, clerk: { room: 'Town Hall' } }).success).toBe(false);
  });

  it('rejects an email address where a list name belongs, and anywhere else in the template', () => {
    const inList = packTemplateSchema.safeParse({ ...valid, distribution: { ...valid.distribution, lists: ['chair@example.org'] } });
    expect(inList.success).toBe(false);
    expect(JSON.stringify(inList.error?.issues)).toContain('not an address');
    const inTitle = packTemplateSchema.safeParse({ ...valid, committee: 'Contact clerk@example.org' });
    expect(inTitle.success).toBe(false);
    expect(JSON.stringify(inTitle.error?.issues)).toContain('must not contain email addresses');
  });

  it('rejects unknown upload kinds, bad times, unknown fields and empty sections', () => {
    expect(packTemplateSchema.safeParse({ ...valid, requires: ['events', 'weather'] }).success).toBe(false);
    expect(packTemplateSchema.safeParse({ ...valid, distribution: { ...valid.distribution, time: '9am' } }).success).toBe(false);
    expect(packTemplateSchema.safeParse({ ...valid, distribution: { ...valid.distribution, approval: 'maybe' } }).success).toBe(false);
    expect(packTemplateSchema.safeParse({ ...valid, recipients: ['board'] }).success).toBe(false);
    expect(packTemplateSchema.safeParse({ ...valid, sections: [{ title: 'Empty', measures: [] }] }).success).toBe(false);
    expect(packTemplateSchema.safeParse({ ...valid, sections: [{ title: 'Bad id', measures: ['req new'] }] }).success).toBe(false);
  });

  it("rejects a measure id the catalogue does not hold, naming the id", () => {
    const result = packTemplateSchema.safeParse({ ...valid, sections: [{ title: 'One', measures: ['REQ_NEW', 'REQ_NEWW'] }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['sections.0.measures.1', "'REQ_NEWW' is not a measure in the catalogue (functions/core/measures/catalogue/)"],
    ]);
  });

  it("waits for the events extract, every kind its measures read and the kinds it adds; 'requires' may be left out", () => {
    // REQ_NEW is a rate (reads population); FPOC and CARER_ASSESS read the events alone.
    const { requires: _, ...bare } = valid;
    expect(packTemplateSchema.parse(bare).requires).toEqual(['events', 'population']);
    expect(packTemplateSchema.parse({ ...bare, sections: [{ title: 'One', measures: ['FPOC'] }] }).requires).toEqual(['events']);
    expect(packTemplateSchema.parse({ ...bare, sections: [{ title: 'One', measures: ['FPOC'] }], requires: ['targets'] }).requires).toEqual(['events', 'targets']);
    expect(packTemplateSchema.parse({ ...valid, requires: ['population', 'events'] }).requires).toEqual(['events', 'population']);
  });

  it("derives a pack's kinds from each measure's declared reads (so a pack of every measure waits for each kind any measure reads)", () => {
    const everyRead = new Set(CATALOGUE.flatMap((m) => m.reads));
    expect(packRequires(CATALOGUE.map((m) => m.id))).toEqual([...new Set(['events', ...everyRead])].sort());
    for (const m of CATALOGUE) expect(packRequires([m.id]), m.id).toEqual([...new Set(['events', ...m.reads])].sort());
  });

  it('takes per card the equity tables to show: none by default, only the six measures that carry them, known dimensions', () => {
    expect(packTemplateSchema.parse(valid).equity).toEqual({});
    const equity = { REQ_NEW: ['ethnicity', 'gender', 'primary_support_reason'] };
    expect(packTemplateSchema.parse({ ...valid, equity }).equity).toEqual(equity);
    const fpoc = packTemplateSchema.safeParse({ ...valid, equity: { FPOC: ['ethnicity'] } });
    expect(fpoc.success).toBe(false);
    expect(JSON.stringify(fpoc.error?.issues)).toContain('FPOC has no equity breakdowns');
    expect(packTemplateSchema.safeParse({ ...valid, equity: { REQ_NEW: ['religion'] } }).success).toBe(false);
    expect(packTemplateSchema.safeParse({ ...valid, equity: { REQ_NEW: [] } }).success).toBe(false);
  });
});
