/**
 * An unknown accommodation status deduced from the person's latest services
 * (Create_personal_details_table.sql, #Service_Row1 → #Unknowns_Services_Mapped): every Service row
 * of the person (any client type), DENSE_RANK by end DESC (open first), service-type hierarchy ASC
 * (nursing 1 … other short term 7, anything else 99), a component that names a setting first, start
 * DESC; of the rank-1 rows, the one useful service type and the one useful component (null when
 * none or several differ), then mapped: nursing → Registered nursing home, residential → Registered
 * care home, Shared Lives, extra care, supported living, community with home support → presumed at
 * home (settled), community without a useful component → presumed in community, prison → prison.
 */
import { foldLabel } from '../../../uploads/code-lists.ts';
import type { EventRow } from '../../../uploads/parsed.ts';
import { PRESUMED_AT_HOME, PRESUMED_IN_COMMUNITY, UNKNOWN } from './accommodation.ts';
import { serviceTypeHierarchy, UNRANKED_SERVICE } from './service-hierarchy.ts';
import { endOrOpen } from './window.ts';


const SETTING_COMPONENTS = new Map(
  ['Shared Lives', 'Community supported living', 'Extra care housing', 'Home support or domiciliary care'].map((c) => [foldLabel(c), c]),
);

function settingComponent(row: EventRow): string | null {
  return row.serviceComponent === null ? null : (SETTING_COMPONENTS.get(foldLabel(row.serviceComponent)) ?? null);
}

function rankKey(row: EventRow): [number, number, number, number] {
  // Larger is better in every position.
  return [endOrOpen(row.end), -serviceTypeHierarchy(row), settingComponent(row) === null ? 0 : 1, row.start];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

export function deducedFromServices(rows: readonly EventRow[]): string {
  let best: number[] | null = null;
  let top: EventRow[] = [];
  for (const row of rows) {
    if (row.eventType !== 'Service') continue;
    const key = rankKey(row);
    const cmp = best === null ? 1 : compareKeys(key, best);
    if (cmp < 0) continue;
    if (cmp > 0) {
      best = key;
      top = [];
    }
    top.push(row);
  }
  const types = new Set<string>();
  const components = new Set<string>();
  for (const row of top) {
    if (serviceTypeHierarchy(row) !== UNRANKED_SERVICE) types.add(row.serviceType as string);
    const component = settingComponent(row);
    if (component !== null) components.add(component);
  }
  const type = types.size === 1 ? [...types][0] : null;
  const component = components.size === 1 ? [...components][0] : null;
  if (type === 'Long term support: Nursing care') return 'Registered nursing home';
  if (type === 'Long term support: Residential care') return 'Registered care home';
  if (component === 'Shared Lives') return 'Shared Lives scheme';
  if (component === 'Extra care housing') return 'Sheltered housing, extra care housing or other sheltered housing';
  if (component === 'Community supported living') return 'Supported accommodation, supported lodgings or supported group home';
  if (type === 'Long term support: Community' && component === 'Home support or domiciliary care') return PRESUMED_AT_HOME;
  if (type === 'Long term support: Community' && component === null) return PRESUMED_IN_COMMUNITY;
  if (type === 'Long term support: Prison') return 'Prison, young offenders institution or detention centre';
  return UNKNOWN;
}
