/**
 * A 30-card pack rendered from a computed sample: the measures of the catalogue, cycled to 30 cards.
 * Input: a measures document JSON written by bench/run.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { measuresDocumentSchema } from '../../functions/core/measures/document.ts';
import { packTemplateSchema } from '../../functions/core/cards/pack-template.ts';
import { renderPack } from '../../functions/core/cards/render-pack.ts';
import { loadFonts } from '../../functions/adapters/fonts.ts';

export async function run([documentPath, outPath]: string[]): Promise<Record<string, unknown>> {
  const doc = measuresDocumentSchema.parse(JSON.parse(await readFile(documentPath, 'utf8')));
  const ids = doc.measures.map((m) => m.id);
  const cards = Array.from({ length: 30 }, (_, i) => ids[i % ids.length]);
  const pack = packTemplateSchema.parse({
    id: 'bench-30',
    title: 'Benchmark pack (30 cards)',
    committee: 'Benchmark Committee',
    council: 'Sample Metropolitan Borough Council',
    sections: [
      { title: 'First half', measures: cards.slice(0, 15) },
      { title: 'Second half', measures: cards.slice(15) },
    ],
    requires: ['events'],
    distribution: { lists: ['board'], previewList: 'performance-team', ownersList: 'owners', approval: 'auto', workingDay: 5, time: '09:00', reminderDay: 10 },
    disclosureControl: true,
  });
  const started = performance.now();
  // Reading the fonts stays inside the timing, as it was when renderPack read them itself.
  const pdf = await renderPack(doc, pack, { generatedAt: '2021-12-06T09:00:00Z', version: 'bench', fonts: loadFonts() });
  const renderSeconds = (performance.now() - started) / 1000;
  await writeFile(outPath, pdf);
  return { cards: cards.length, bytes: pdf.byteLength, renderSeconds };
}
