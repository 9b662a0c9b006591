/**
 * Each measure declares the upload kinds it reads (`reads`), and packs are made ready from those
 * declarations, so they must be exactly right. Checked on a generated council holding every kind:
 * taking away a kind a measure does not declare leaves its figures unchanged, and taking away one
 * it declares changes them (so no declaration is there for show).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../../functions/core/measures/catalogue/index.ts';
import { buildContext } from '../../../../functions/core/measures/context.ts';
import { assembleInputs } from '../../../../functions/core/measures/inputs.ts';
import { PERIOD_KIND, UPLOAD_KINDS, type UploadKind } from '../../../../functions/core/uploads/kinds/index.ts';
import type { MeasureInputs } from '../../../../functions/core/uploads/parsed.ts';
import { sampleBytes, validateAll } from '../../sample/fixture.ts';

const OPTIONAL = UPLOAD_KINDS.filter((k) => k !== PERIOD_KIND);

let full: MeasureInputs;
/** Per measure, its computed figures (series and breakdowns) as JSON, with every input and without each kind. */
const figures = new Map<UploadKind | 'all', Map<string, string>>();

function compute(inputs: MeasureInputs): Map<string, string> {
  const ctx = buildContext(inputs);
  return new Map(CATALOGUE.map((m) => [m.id, JSON.stringify(m.compute(ctx))]));
}

beforeAll(async () => {
  const r = await validateAll(sampleBytes({ seed: 3, people: 600 }));
  full = assembleInputs(UPLOAD_KINDS.map((kind) => ({ kind, name: kind, data: r[kind].data })))!.inputs;
  figures.set('all', compute(full));
  for (const kind of OPTIONAL) figures.set(kind, compute({ ...full, [kind]: undefined }));
}, 120_000);

describe('what each measure reads', () => {
  it('the sample holds every kind, so taking one away can show', () => {
    for (const kind of UPLOAD_KINDS) expect((full as Record<string, unknown>)[kind], kind).toBeTruthy();
  });

  for (const m of CATALOGUE) {
    it(`${m.id} reads exactly the kinds it declares (${m.reads.join(', ')})`, () => {
      const all = figures.get('all')!.get(m.id);
      const changedBy = OPTIONAL.filter((k) => figures.get(k)!.get(m.id) !== all);
      expect([...changedBy].sort()).toEqual(m.reads.filter((k) => k !== PERIOD_KIND).sort());
    });
  }
});
