/**
 * The registry of upload kinds: the one list of what officers may upload. Everything else that
 * enumerates kinds (bucket prefixes, the CLI's options and help, which kinds are snapshots, the
 * measures' inputs, the kinds a pack template may name) is read from here, so adding a kind is a
 * module in this folder and one line below.
 */
import { benchmarks } from './benchmarks.ts';
import { commentary } from './commentary.ts';
import { events } from './events.ts';
import { finance } from './finance.ts';
import type { KindDefinition, RowParser } from './kind.ts';
import { population } from './population.ts';
import { providers } from './providers.ts';
import { targets } from './targets.ts';
import { waiting } from './waiting.ts';

/** In this order wherever kinds are listed (validate's help, the bucket listing, the CLI's options). */
export const KINDS = {
  events,
  waiting,
  finance,
  providers,
  population,
  targets,
  benchmarks,
  commentary,
} as const;

export type UploadKind = keyof typeof KINDS;

/** What a valid upload of each kind parses to (parsed.ts holds the shapes). */
export type ParsedUpload = { [K in UploadKind]: (typeof KINDS)[K] extends { createParser(): RowParser<infer T> } ? T : never };

/** Kinds holding month-end snapshots: a file may hold many months, and the newest file wins a month. */
export type SnapshotKind = { [K in UploadKind]: (typeof KINDS)[K] extends { snapshot: object } ? K : never }[UploadKind];

/** The kind that sets the reporting period: measures wait for it, every pack needs it. */
export type PeriodKind = { [K in UploadKind]: (typeof KINDS)[K] extends { setsPeriod: true } ? K : never }[UploadKind];

export const UPLOAD_KINDS = Object.keys(KINDS) as [UploadKind, ...UploadKind[]];

export const isSnapshotKind = (kind: UploadKind): kind is SnapshotKind => 'snapshot' in KINDS[kind];

export const SNAPSHOT_KINDS: readonly SnapshotKind[] = UPLOAD_KINDS.filter(isSnapshotKind);

/** A kind's definition with its data type kept (indexing KINDS by a union widens it). */
export const kindDefinition = <K extends UploadKind>(kind: K) => KINDS[kind] as unknown as KindDefinition<ParsedUpload[K], unknown>;

export const PERIOD_KIND = UPLOAD_KINDS.find((k) => 'setsPeriod' in KINDS[k]) as PeriodKind;
