/**
 * render's use case: `measures/<period>.json` was written. For each pack whose required uploads
 * are all present, render its current version unless that version's PDF already exists (a
 * repeated event or an unchanged re-upload renders nothing), check the PDF is whole, then write the
 * PDF and its manifest. The manifest is written last: it is what triggers distribution.
 */
import { renderPack } from '../cards/render-pack.ts';
import { packVersion, summarisePack } from '../cards/summary.ts';
import type { PackTemplate } from '../cards/pack-template.ts';
import type { MeasuresDocument } from '../measures/document.ts';
import { missingKinds } from './pack.ts';
import { checkPdfWhole } from './pdf-check.ts';
import { manifestKey, parseMeasuresKey, pdfKey, type Manifest } from './manifest.ts';
import type { Pipeline } from './pipeline.ts';
import { RunLog } from './run-log.ts';

/** Renders every ready pack from the measures document under `key`; the PDFs' keys (none when `key` is not a measures document's). */
export async function renderPacks(deps: Pipeline, key: string): Promise<string[]> {
  const period = parseMeasuresKey(key);
  if (!period) return [];
  const rendered: string[] = [];
  await RunLog.record(deps, 'render', key, async (run) => {
    const stored = await deps.measures.get(period);
    if (!stored) {
      run.note('the measures document is gone');
      return { outcome: 'skipped' as const };
    }
    if (!stored.document) throw new Error(`${key} is not a measures document`);
    const used = Object.keys(stored.uploads);
    for (const pack of await deps.templates.packs()) {
      const pdf = await renderOne(deps, run, key, stored.document, pack, used);
      if (pdf) rendered.push(pdf);
    }
    return { outcome: rendered.length ? ('ok' as const) : ('skipped' as const) };
  });
  return rendered;
}

async function renderOne(
  deps: Pipeline,
  run: RunLog,
  measuresKey: string,
  doc: MeasuresDocument,
  pack: PackTemplate,
  used: string[],
): Promise<string | null> {
  const missing = missingKinds(pack, used);
  if (missing.length) {
    run.note(`${pack.id}: not ready, waiting for ${missing.join(', ')}`);
    return null;
  }
  const version = packVersion(doc, pack);
  const pdf = pdfKey(doc.period, pack.id, version);
  const manifest = manifestKey(doc.period, pack.id, version);
  const existing = await deps.store.head(pdf);
  if (existing && (await deps.store.head(manifest))) {
    run.note(`${pack.id}: version ${version} already rendered`);
    return null;
  }
  const before = (await deps.manifests.ofPack(doc.period, pack.id)).filter((m) => m.version !== version);
  // Newest first: the version rendered last before this one.
  const earlier = before[0] ?? null;
  const generatedAt = deps.clock.now().toISOString();
  const revised = earlier !== null && earlier.version !== version;
  // A run that died between the PDF and its manifest is finished from the stored PDF.
  const bytes = existing
    ? ((await deps.store.getBytes(pdf)) ?? new Uint8Array())
    : await renderPack(doc, pack, { generatedAt, version, revised, contact: deps.contact, fonts: deps.fonts() });
  const summary = summarisePack(doc, pack);
  const pages = checkPdfWhole(bytes, 1 + summary.rows.length);
  const m: Manifest = {
    period: doc.period,
    packId: pack.id,
    packTitle: pack.title,
    committee: pack.committee,
    version,
    revised,
    // Each earlier version of the month is one revision before this one.
    revision: new Set(before.map((m) => m.version)).size,
    generatedAt,
    pdfKey: pdf,
    pdfBytes: bytes.byteLength,
    pages,
    measuresKey,
    summary: {
      rag: summary.ragCounts,
      // From the measures themselves (last month's value against its target), first pack included.
      changed: summary.ragChanges,
      compared: summary.ragCompared,
      rows: summary.rows.map(({ section, title, latest, lastYear, direction, target, rag }) => ({ section, title, latest, lastYear, direction, target, rag })),
    },
  };
  if (!existing) await deps.store.put(pdf, bytes, 'application/pdf');
  await deps.manifests.put(m);
  deps.metrics.count('PacksRendered');
  run.note(`${pack.id}: rendered ${version}${m.revised ? ' (revised)' : ''}, ${pages} pages, ${bytes.byteLength} bytes`);
  return pdf;
}
