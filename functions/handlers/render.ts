/**
 * render: `measures/<period>.json` was written. For each pack whose required uploads are all
 * present, render its current version unless that version's PDF already exists (a repeated event
 * or an unchanged re-upload renders nothing), check the PDF is whole, then write the PDF and its
 * manifest. The manifest is written last: it is what triggers distribution.
 */
import { loadFonts } from '../adapters/fonts.ts';
import { loadPackTemplates } from '../adapters/pack-templates.ts';
import { renderPack } from '../core/cards/render-pack.ts';
import { packVersion, summarisePack } from '../core/cards/summary.ts';
import type { PackTemplate } from '../core/cards/pack-template.ts';
import { measuresDocumentSchema, type MeasuresDocument } from '../core/measures/document.ts';
import { OUTPUT_PREFIXES } from '../core/bucket-layout.ts';
import { parseS3Event } from '../core/pipeline/s3-event.ts';
import { missingKinds } from '../core/pipeline/pack.ts';
import { checkPdfWhole } from '../core/pipeline/pdf-check.ts';
import { manifestKey, manifestSchema, parseMeasuresKey, pdfKey, type Manifest } from '../core/pipeline/manifest.ts';
import { z } from 'zod';
import { packsDir, type PipelineDeps } from './support/deps.ts';
import { RunLog } from './support/runs.ts';

const usedUploadsSchema = z.object({ uploads: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}) });

export function createRender(deps: PipelineDeps) {
  return async (event: unknown): Promise<{ rendered: string[] }> => {
    const rendered: string[] = [];
    for (const ref of parseS3Event(event)) {
      const period = parseMeasuresKey(ref.key);
      if (!period) continue;
      await RunLog.record(deps, 'render', ref.key, async (run) => {
        const bytes = await deps.store.getBytes(ref.key);
        if (!bytes) {
          run.note('the measures document is gone');
          return { outcome: 'skipped' as const };
        }
        const raw = JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
        const doc = measuresDocumentSchema.parse(raw);
        const used = Object.keys(usedUploadsSchema.parse(raw).uploads);
        const here: string[] = [];
        for (const pack of await loadPackTemplates(packsDir(deps))) {
          const key = await renderOne(deps, run, ref.key, doc, pack, used);
          if (key) here.push(key);
        }
        rendered.push(...here);
        return { outcome: here.length ? ('ok' as const) : ('skipped' as const) };
      });
    }
    return { rendered };
  };
}

async function manifests(deps: PipelineDeps, period: string, packId: string): Promise<Manifest[]> {
  const keys = (await deps.store.list(`${OUTPUT_PREFIXES.reports}${period}/${packId}/`)).filter((o) => o.key.endsWith('.json'));
  const out: Manifest[] = [];
  for (const o of keys) {
    const b = await deps.store.getBytes(o.key);
    const m = b ? manifestSchema.safeParse(JSON.parse(Buffer.from(b).toString('utf8'))) : null;
    if (m?.success) out.push(m.data);
  }
  return out;
}

async function renderOne(
  deps: PipelineDeps,
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
  const before = (await manifests(deps, doc.period, pack.id)).filter((m) => m.version !== version);
  const earlier = before.reduce<Manifest | null>((best, m) => (!best || m.generatedAt > best.generatedAt ? m : best), null);
  const generatedAt = deps.clock.now().toISOString();
  const revised = earlier !== null && earlier.version !== version;
  // A run that died between the PDF and its manifest is finished from the stored PDF.
  const bytes = existing
    ? ((await deps.store.getBytes(pdf)) ?? new Uint8Array())
    : await renderPack(doc, pack, { generatedAt, version, revised, contact: deps.contact, fonts: loadFonts(deps.fontsDir) });
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
  await deps.store.put(manifest, JSON.stringify(m, null, 2), 'application/json');
  run.note(`${pack.id}: rendered ${version}${m.revised ? ' (revised)' : ''}, ${pages} pages, ${bytes.byteLength} bytes`);
  return pdf;
}
