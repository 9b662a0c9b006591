/**
 * A committee pack template (templates/packs/<id>.json): which measures a committee sees, in which
 * sections, what must be uploaded before it renders, and who gets it. Templates name distribution
 * LISTS only; the addresses behind them are deployment configuration, never in the repo, so a
 * template that carries an email address is rejected here rather than leaking one into git.
 * Every measure id must be the catalogue's, so a misspelt one fails here (and so at `cdk synth`,
 * which parses the templates) rather than printing an empty card on distribution day.
 */
import { z } from 'zod';
import { CATALOGUE } from '../measures/catalogue/index.ts';
import { EQUITY_DIMENSIONS, EQUITY_MEASURES } from '../measures/equity.ts';
import { PERIOD_KIND, UPLOAD_KINDS, type UploadKind } from '../uploads/kinds/index.ts';

const listName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'a list name (lower-case letters, digits, hyphens), not an address');

const READS = new Map(CATALOGUE.map((m) => [m.id, m.reads]));

const measureId = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'a measure id such as REVIEWS_UTD')
  .refine((id) => READS.has(id), { error: (issue) => `'${String(issue.input)}' is not a measure in the catalogue (functions/core/measures/catalogue/)` });

/**
 * The upload kinds a pack waits for: the one that sets the period, every kind its measures read
 * (each catalogue entry's `reads`), and any the template adds (`requires`, for kinds no measure
 * reads but the pack shows, such as targets for RAG ratings); sorted by name.
 */
export function packRequires(measureIds: readonly string[], extra: readonly UploadKind[] = []): UploadKind[] {
  const kinds = new Set<UploadKind>([PERIOD_KIND, ...extra]);
  for (const id of measureIds) for (const kind of READS.get(id) ?? []) kinds.add(kind);
  return [...kinds].sort();
}

export const distributionSchema = z.strictObject({
  /** Lists that receive the approved pack on the distribution day. */
  lists: z.array(listName).min(1),
  /** List that receives every new version as a preview. */
  previewList: listName,
  /** List told about anything that did not go (unknown send outcome, oversize PDF). */
  ownersList: listName,
  approval: z.enum(['auto', 'manual']),
  /** The Nth working day of the month after the period (bank holidays skipped). */
  workingDay: z.number().int().min(1).max(23),
  /** Europe/London wall-clock time, HH:MM. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM'),
  /** Working day on which performance-team is reminded when no events extract has arrived. */
  reminderDay: z.number().int().min(1).max(23),
});
export type Distribution = z.infer<typeof distributionSchema>;

/**
 * What the committee clerk would otherwise add by hand: the report's author and, per reporting
 * month, the meeting it goes to with its agenda item and appendix label. All optional: the cover
 * prints what is given. A contact address is deployment configuration (no addresses in templates).
 */
export const clerkSchema = z.strictObject({
  /** As the agenda names the report's author, e.g. "Head of Performance and Quality". */
  author: z.string().min(1).optional(),
  /** Reporting month `YYYY-MM` → the meeting that month's pack goes to. */
  meetings: z
    .record(
      z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a reporting month YYYY-MM'),
      z.strictObject({
        date: z.iso.date(),
        /** The agenda item number or label, e.g. "7" or "7b". */
        agendaItem: z.string().min(1).optional(),
        /** e.g. "Appendix A". */
        appendix: z.string().min(1).optional(),
      }),
    )
    .default({}),
});
export type Clerk = z.infer<typeof clerkSchema>;

export const packSectionSchema = z.strictObject({
  title: z.string().min(1),
  measures: z.array(measureId).min(1),
});

export const packTemplateSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a pack id (lower-case letters, digits, hyphens)'),
    title: z.string().min(1),
    committee: z.string().min(1),
    council: z.string().min(1),
    sections: z.array(packSectionSchema).min(1),
    /**
     * Upload kinds (extract-spec.md) the pack waits for besides those its measures read; after
     * parsing, every kind it waits for (packRequires).
     */
    requires: z.array(z.enum(UPLOAD_KINDS)).default([]),
    distribution: distributionSchema,
    /** Small counts print as `*` (measures.md "Disclosure control"); on unless a pack turns it off. */
    disclosureControl: z.boolean().default(true),
    clerk: clerkSchema.default({ meetings: {} }),
    /**
     * Per card (measure id), the equity tables it shows (measures.md "Breakdowns for equity"), e.g.
     * `"LTS_CLIENTS": ["ethnicity", "gender", "primary_support_reason"]`. None unless asked.
     */
    equity: z.record(measureId, z.array(z.enum(EQUITY_DIMENSIONS)).min(1)).default({}),
  })
  .refine((p) => !JSON.stringify(p).includes('@'), {
    message: 'a pack template must not contain email addresses: name a distribution list instead',
  })
  // A measure the pack does not show is simply not drawn (packs are derived by dropping sections).
  .superRefine((p, ctx) => {
    for (const id of Object.keys(p.equity)) {
      if (!EQUITY_MEASURES.has(id)) ctx.addIssue({ code: 'custom', path: ['equity', id], message: `${id} has no equity breakdowns (they are on ${[...EQUITY_MEASURES].join(', ')})` });
    }
  })
  .transform((p) => ({ ...p, requires: packRequires(packMeasureIds(p), p.requires) }));
export type PackTemplate = z.infer<typeof packTemplateSchema>;

/** The pack's measure ids in reading order (a measure may appear in more than one section). */
export function packMeasureIds(pack: { sections: readonly { measures: readonly string[] }[] }): string[] {
  return pack.sections.flatMap((s) => s.measures);
}
