/** The packed shared strings table gives back every text exactly as pushed, by index, whatever it holds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedStrings } from '../../../../functions/core/uploads/xlsx/shared-strings.ts';

describe('PackedStrings', () => {
  it('gives back each text as pushed: empty, accented, beyond the BMP, a lone surrogate, long', () => {
    const texts = ['', 'Service user', 'Zoë Ångström', '😀 carer', '\uD800 lone', 'x'.repeat(100_000), '€'];
    const table = new PackedStrings();
    for (const t of texts) table.push(t);
    expect(table.length).toBe(texts.length);
    expect(texts.map((_, i) => table.at(i))).toEqual(texts);
  });

  it('is undefined past its end, before its start and between indexes', () => {
    const table = new PackedStrings();
    table.push('a');
    expect([table.at(1), table.at(-1), table.at(0.5), table.at(Number.NaN)]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads any texts back in any order, across its cache slots and as its buffers grow (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 9000 }), fc.array(fc.nat(), { maxLength: 200 }), (texts, reads) => {
        const table = new PackedStrings();
        for (const t of texts) table.push(t);
        for (const r of reads) expect(table.at(r % texts.length)).toBe(texts[r % texts.length]);
        expect(table.at(texts.length - 1)).toBe(texts.at(-1));
      }),
      { numRuns: 50 },
    );
  });

  it('reads texts back across its 1 MB blocks, one text longer than a block among them', () => {
    const texts = Array.from({ length: 40_000 }, (_, i) => `${i}é`.padEnd(100, 'x'));
    texts.splice(20_000, 0, 'y'.repeat(1_500_000));
    const table = new PackedStrings();
    for (const t of texts) table.push(t);
    table.trim();
    const at = [0, 1, 10_484, 10_485, 10_486, 19_999, 20_000, 20_001, 30_000, 40_000];
    expect(at.map((i) => table.at(i))).toEqual(at.map((i) => texts[i]));
    expect(texts.every((t, i) => table.at(i) === t)).toBe(true);
  });
});
