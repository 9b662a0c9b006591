/**
 * providers: commissioned providers and their quality ratings, one month or many a file
 * (extract-spec.md "providers", "Snapshots and history").
 */
import { z } from 'zod';
import { monthIdOf } from '../../calendar/days.ts';
import { foldLabel, labelMatcher } from '../code-lists.ts';
import { QUALITY_RATINGS, type ProvidersData } from '../parsed.ts';
import type { RowReader } from '../row-reader.ts';
import { coded, optional, required, type KindDefinition, type RowParser } from './kind.ts';

const TIERS = ['1', '2', 'Specialist'] as const;
const matchTier = labelMatcher(TIERS);
const matchRating = labelMatcher(QUALITY_RATINGS);

export const providersSchema = z.object({
  rows: z.array(
    z.object({
      asAt: z.number().int(),
      providerId: z.string().min(1),
      providerName: z.string().min(1),
      framework: z.string().min(1),
      tier: z.enum(TIERS),
      qualityRating: z.enum(QUALITY_RATINGS),
      hoursPerWeek: z.string().regex(/^\d+(\.\d+)?$/).nullable(),
      area: z.string().min(1).nullable(),
    }),
  ),
}) satisfies z.ZodType<ProvidersData>;

export const providers = {
  prefix: 'extracts/providers/',
  snapshot: { rows: (data) => data.rows, monthOf: (row) => monthIdOf(row.asAt) },
  help: 'commissioned providers, one month or many (may be repeated, likewise)',
  columns: [
    ...required('as_at_date', 'provider_id', 'provider_name', 'framework'),
    coded('tier', true, matchTier),
    coded('quality_rating', true, matchRating),
    ...optional('hours_per_week', 'area'),
  ],
  schema: providersSchema,
  checkAtRuntime: true,
  createParser: () => new ProvidersParser(),
} satisfies KindDefinition<ProvidersData, ProvidersData['rows'][number]>;

class ProvidersParser implements RowParser<ProvidersData> {
  private readonly rows: ProvidersData['rows'] = [];
  /** `as_at_date|framework (folded)|provider_id` → first row: a provider appears once per framework and month end. */
  private readonly seen = new Map<string, number>();

  row(r: RowReader): void {
    const asAt = r.date('as_at_date', true);
    const providerId = r.requiredText('provider_id');
    const providerName = r.requiredText('provider_name');
    const framework = r.requiredText('framework');
    const tier = r.label('tier', matchTier, TIERS, true);
    const qualityRating = r.label('quality_rating', matchRating, QUALITY_RATINGS, true);
    const hoursPerWeek = r.decimal('hours_per_week', false);
    if (typeof asAt === 'number' && providerId !== null && framework !== null) {
      const key = `${asAt}|${foldLabel(framework)}|${providerId}`;
      const first = this.seen.get(key);
      if (first !== undefined) {
        r.error('provider_id', providerId, 'duplicate-provider', `provider_id appears twice in the same framework at the same month end (first on row ${first})`);
        return;
      }
      this.seen.set(key, r.row);
    }
    if (typeof asAt !== 'number' || providerId === null || providerName === null || framework === null || tier == null || qualityRating == null || hoursPerWeek === undefined) return;
    this.rows.push({ asAt, providerId, providerName, framework, tier, qualityRating, hoursPerWeek, area: r.text('area') });
  }

  finish(): ProvidersData {
    return { rows: this.rows };
  }
}
