/**
 * The render stage's manifest, `reports/<period>/<pack>/<version>.json`, written after the PDF it
 * describes; writing it is what triggers distribution.
 */
import { z } from 'zod';
import { OUTPUT_PREFIXES } from '../bucket-layout.ts';

export const manifestSchema = z.object({
  period: z.string().regex(/^\d{4}-\d{2}$/),
  packId: z.string(),
  packTitle: z.string(),
  committee: z.string(),
  version: z.string().regex(/^[A-Za-z0-9_-]+$/),
  revised: z.boolean(),
  /** 0 for the month's first version, N for its Nth revision (the attachment is named `…-revised-N.pdf`). */
  revision: z.number().int().min(0).default(0),
  generatedAt: z.string(),
  pdfKey: z.string(),
  pdfBytes: z.number().int().positive(),
  pages: z.number().int().positive(),
  measuresKey: z.string(),
  /** RAG counts and the measures whose RAG changed, for the email body. */
  summary: z.object({
    rag: z.object({ red: z.number(), amber: z.number(), green: z.number(), none: z.number() }),
    changed: z.array(z.object({ id: z.string(), title: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
    /** How many measures had a month before to compare RAG ratings with (null in older manifests). */
    compared: z.number().int().nullable().default(null),
    /**
     * The summary table as printed (disclosure control already applied), so the email's accessible
     * HTML body carries the same figures as the PDF's summary page.
     */
    rows: z
      .array(
        z.object({
          section: z.string(),
          title: z.string(),
          latest: z.string(),
          lastYear: z.string(),
          direction: z.string().nullable(),
          target: z.string(),
          rag: z.string().nullable(),
        }),
      )
      .default([]),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function reportBase(period: string, packId: string, version: string): string {
  return `${OUTPUT_PREFIXES.reports}${period}/${packId}/${version}`;
}

/**
 * The name a reader sees for the PDF (the email attachment): the pack, the month and, for a revised
 * version, which revision — `scrutiny-board-2021-11.pdf`, `scrutiny-board-2021-11-revised-2.pdf`.
 */
export function packFileName(packId: string, period: string, revision: number): string {
  return `${packId}-${period}${revision > 0 ? `-revised-${revision}` : ''}.pdf`;
}

export const pdfKey = (period: string, packId: string, version: string) => `${reportBase(period, packId, version)}.pdf`;
export const manifestKey = (period: string, packId: string, version: string) => `${reportBase(period, packId, version)}.json`;
export const approvalKey = (period: string, packId: string, version: string) =>
  `${OUTPUT_PREFIXES.approvals}${period}/${packId}/${version}.json`;

/** `reports/<period>/<pack>/<version>.json` → its parts, or null for any other key. */
export function parseManifestKey(key: string): { period: string; packId: string; version: string } | null {
  const m = /^reports\/(\d{4}-\d{2})\/([^/]+)\/([A-Za-z0-9_-]+)\.json$/.exec(key);
  return m ? { period: m[1], packId: m[2], version: m[3] } : null;
}

/** The measures document of a period, `measures/<period>.json` (written by ingest, triggers render). */
export const measuresKey = (period: string) => `${OUTPUT_PREFIXES.measures}${period}.json`;

/** `measures/<period>.json` → the period, or null. */
export function parseMeasuresKey(key: string): string | null {
  const m = /^measures\/(\d{4}-\d{2})\.json$/.exec(key);
  return m ? m[1] : null;
}
