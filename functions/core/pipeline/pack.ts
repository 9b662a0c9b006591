/**
 * What the pipeline needs to know about a pack template (the full schema belongs to cards/).
 * Structural, so the cards module's PackTemplate satisfies it without the pipeline depending on
 * the card layout.
 */
import type { UploadKind } from '../uploads/parsed.ts';

export interface PipelinePack {
  id: string;
  title: string;
  committee: string;
  requires: UploadKind[];
  distribution: {
    lists: string[];
    previewList: string;
    ownersList: string;
    approval: 'auto' | 'manual';
    /** Send to `lists` on this working day of the month (1 = first working day). */
    workingDay: number;
    /** `HH:MM` Europe/London; informational while the scheduler fires once each working morning. */
    time?: string;
    /** Remind the performance team on this working day when no events extract has arrived. */
    reminderDay?: number;
  };
}

/** A pack is ready when every kind it needs has a valid file among the uploads used. */
export function missingKinds(pack: Pick<PipelinePack, 'requires'>, usedKinds: Iterable<string>): UploadKind[] {
  const have = new Set(usedKinds);
  return pack.requires.filter((k) => !have.has(k));
}

export function isPackReady(pack: Pick<PipelinePack, 'requires'>, usedKinds: Iterable<string>): boolean {
  return missingKinds(pack, usedKinds).length === 0;
}
