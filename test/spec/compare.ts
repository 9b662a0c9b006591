/**
 * Field-by-field comparison of a measures document (cli.md) with the reference's measures:
 * every series and breakdown entry's month, value, numerator, denominator, reason and ytd.
 * Differences come back as readable lines, so a failing test says which measure-month differs.
 */
import type { MeasuresDocument } from '../../functions/core/measures/document.ts';
import type { RefMeasure, RefPoint } from './reference/index.ts';

const FIELDS = ['month', 'value', 'numerator', 'denominator', 'reason'] as const;

type AnyPoint = Pick<RefPoint, (typeof FIELDS)[number]> & { ytd?: { numerator: number | null; value: number | null; reason: string | null } };

function pointDifferences(where: string, a: AnyPoint | undefined, b: AnyPoint | undefined, withYtd: boolean): string[] {
  if (!a || !b) return [`${where}: ${a ? 'only in engine' : 'only in reference'}`];
  const out: string[] = [];
  for (const f of FIELDS) if (a[f] !== b[f]) out.push(`${where} ${f}: engine ${JSON.stringify(a[f])}, reference ${JSON.stringify(b[f])}`);
  if (withYtd) {
    const ya = a.ytd ? { numerator: a.ytd.numerator, value: a.ytd.value, reason: a.ytd.reason } : undefined;
    const yb = b.ytd ? { numerator: b.ytd.numerator, value: b.ytd.value, reason: b.ytd.reason } : undefined;
    if (JSON.stringify(ya) !== JSON.stringify(yb)) out.push(`${where} ytd: engine ${JSON.stringify(ya)}, reference ${JSON.stringify(yb)}`);
  }
  return out;
}

function seriesDifferences(where: string, a: AnyPoint[], b: AnyPoint[], withYtd: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    out.push(...pointDifferences(`${where} ${(a[i] ?? b[i]).month}`, a[i], b[i], withYtd));
  }
  return out;
}

/**
 * Every difference between the engine's document and the reference, for the reference's measures.
 * `docKeysOnly`: compare only the breakdowns the document holds (a golden file made before the
 * equity breakdowns holds fewer; its contract is agreement on what it holds).
 */
export function differences(doc: Pick<MeasuresDocument, 'measures'>, reference: Record<string, RefMeasure>, docKeysOnly = false): string[] {
  const out: string[] = [];
  for (const [id, ref] of Object.entries(reference)) {
    const mine = doc.measures.find((m) => m.id === id);
    if (!mine) {
      out.push(`${id}: missing from the engine's document`);
      continue;
    }
    out.push(...seriesDifferences(id, mine.series, ref.series, id === 'ASSESS_LT'));
    const keys = [...new Set([...Object.keys(mine.breakdowns), ...(docKeysOnly ? [] : Object.keys(ref.breakdowns))])].sort();
    for (const k of keys) out.push(...seriesDifferences(`${id}[${k}]`, mine.breakdowns[k] ?? [], ref.breakdowns[k] ?? [], id === 'ASSESS_LT'));
  }
  return out;
}
