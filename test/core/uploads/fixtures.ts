/**
 * Small, hand-readable upload fixtures built in code. `eventRow` is one valid CLD event row;
 * tests override the fields a rule is about, so each test shows only what it checks.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateUpload, type UploadResult } from '../../../functions/core/uploads/validate-upload.ts';
import type { UploadKind } from '../../../functions/core/uploads/parsed.ts';

export const EVENT_COLUMNS = [
  'la_code',
  'reporting_period_start_date',
  'reporting_period_end_date',
  'la_person_unique_identifier',
  'nhs_number',
  'date_of_birth',
  'date_of_death',
  'gender',
  'client_type',
  'accommodation_status',
  'event_type',
  'event_reference',
  'event_start_date',
  'event_end_date',
  'event_outcome',
  'request_route_of_access',
  'assessment_type',
  'service_type',
  'service_component',
  'delivery_mechanism',
  'planned_units_per_week',
  'unit_cost',
  'review_reason',
] as const;
export type EventColumn = (typeof EVENT_COLUMNS)[number];
export type EventFields = Partial<Record<EventColumn, string>>;

/** A completed Request of person P1: valid on its own. */
export const BASE_EVENT: Record<EventColumn, string> = {
  la_code: 'E08000018',
  reporting_period_start_date: '2020-12-01',
  reporting_period_end_date: '2021-11-30',
  la_person_unique_identifier: 'P1',
  nhs_number: '943 476 5919',
  date_of_birth: '1950-03-04',
  date_of_death: '',
  gender: 'Female',
  client_type: 'Service user',
  accommodation_status: 'Tenant',
  event_type: 'Request',
  event_reference: 'EV1',
  event_start_date: '2021-05-01',
  event_end_date: '2021-05-03',
  event_outcome: 'NFA: Information and advice or signposting',
  request_route_of_access: 'Community / Other route',
  assessment_type: '',
  service_type: '',
  service_component: '',
  delivery_mechanism: '',
  planned_units_per_week: '',
  unit_cost: '',
  review_reason: '',
};

/** Ready-made valid rows of the other event types (merge over BASE_EVENT). */
export const SERVICE: EventFields = {
  event_type: 'Service',
  event_end_date: '',
  event_outcome: '',
  service_type: 'Long term support: Community',
  service_component: 'Home support',
  delivery_mechanism: 'Direct payment',
  planned_units_per_week: '10',
  unit_cost: '21.50',
};
export const ASSESSMENT: EventFields = { event_type: 'Assessment', assessment_type: 'Long term assessment', event_outcome: 'Progress to support planning or services' };

/** The shared golden uploads (an events extract and its population), beside the repository. */
export const GOLDEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/golden');

/** RFC 4180 quoting where needed. */
export function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(header: readonly string[], rows: readonly (readonly string[])[], eol = '\n'): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join(eol) + eol;
}

export function eventsCsv(rows: EventFields[], eol = '\n'): string {
  return csvText(
    EVENT_COLUMNS,
    rows.map((r) => EVENT_COLUMNS.map((c) => r[c] ?? BASE_EVENT[c])),
    eol,
  );
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

export function validateText<K extends UploadKind>(kind: K, text: string): Promise<UploadResult<K>> {
  return validateUpload(kind, bytes(text), { fileName: `test-${kind}.csv` });
}

/** `rule@row:column` for each error: compact to assert on. */
export const errorKeys = (r: UploadResult) => r.errors.map((e) => `${e.rule}@${e.row}:${e.column}`);
export const warningKeys = (r: UploadResult) => r.warnings.map((e) => `${e.rule}@${e.row}:${e.column}`);

/** Yields `data` in chunks of the given sizes (cycled): tests chunk-boundary handling. */
export async function* chunked(data: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let i = 0; at < data.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]);
    yield data.subarray(at, at + size);
    at += size;
  }
}
