/**
 * ingest's use case: one upload version arrived (S3 ObjectCreated under an upload prefix).
 * Validate it as a stream, record the verdict under validation/, report a rejection to the
 * performance team (the upload itself is never modified), then recompute the period's measures
 * from the files that count.
 */
import { plural } from '../plural.ts';
import { PERIOD_KIND } from '../uploads/kinds/index.ts';
import { validateUpload } from '../uploads/validate-upload.ts';
import { ERRORS_CSV_HEADER, errorsCsvLine, rejectionReport } from '../uploads/report.ts';
import { uploadKindOfKey } from '../bucket-layout.ts';
import type { EventsData, UploadKind } from '../uploads/parsed.ts';
import { monthIdOf } from '../calendar/days.ts';
import { keyProblem, sizeProblem } from './key-safety.ts';
import { filesThatCount, inUseSentence, rejectionKey, type ValidationRecord } from './uploads-state.ts';
import type { ErrorsFile, Pipeline } from './pipeline.ts';
import { RunLog } from './run-log.ts';
import { candidates, recompute } from './recompute-measures.ts';
import { guardRead } from './read-guard.ts';
import { emailRejection } from './rejection-mail.ts';

/** Judges the upload version an S3 event names; false when the key is refused or is no upload's. */
export async function ingestUpload(deps: Pipeline, ref: { key: string; versionId: string | null }): Promise<boolean> {
  const kind = uploadKindOfKey(ref.key);
  if (!kind) return false;
  const problem = keyProblem(ref.key);
  await RunLog.record(deps, 'ingest', ref.key, async (run) => {
    if (problem) {
      run.note(`refused: ${problem}`);
      deps.metrics.count('UploadsRejected');
      return { outcome: 'rejected' as const };
    }
    return { outcome: await ingestOne(deps, run, ref.key, ref.versionId, kind) };
  });
  return !problem;
}

/** `versionId`: the version the event names (versioned bucket): exactly that one is judged, even if overwritten since. */
async function ingestOne(deps: Pipeline, run: RunLog, key: string, versionId: string | null, kind: UploadKind): Promise<'ok' | 'rejected' | 'skipped'> {
  const obj = await deps.store.getStream(key, versionId);
  if (!obj) {
    run.note('the object is gone (deleted before ingest ran)');
    return 'skipped';
  }
  const base = { key, kind, lastModified: obj.lastModified.toISOString(), versionId: obj.versionId, size: obj.size, validatedAt: deps.clock.now().toISOString() };
  const tooBig = sizeProblem(obj.size, deps.maxUploadBytes);
  // Every error of a parsed file, as it is found, into a temporary file: the complete list.
  const fullCsv = tooBig ? null : deps.errorsFile(errorsCsvLine(kind));
  try {
    return await judge(deps, run, obj, base, tooBig, fullCsv);
  } finally {
    fullCsv?.dispose();
  }
}

async function judge(
  deps: Pipeline,
  run: RunLog,
  obj: { body: AsyncIterable<Uint8Array> },
  base: Omit<ValidationRecord, 'accepted' | 'rows' | 'errorCount' | 'warningCount' | 'errorCountsByRule' | 'refused' | 'period'>,
  tooBig: string | null,
  fullCsv: ErrorsFile | null,
): Promise<'ok' | 'rejected'> {
  const { key, kind } = base;
  const fileName = key.slice(key.lastIndexOf('/') + 1);
  let record: ValidationRecord;
  let report: { subject: string; text: string; errorsCsv: string };
  let data: unknown = null;
  if (tooBig) {
    // Never parse it: drain nothing, just let the stream go.
    (obj.body as { destroy?: () => void }).destroy?.();
    record = { ...base, accepted: false, rows: 0, errorCount: 1, warningCount: 0, errorCountsByRule: { 'file-size': 1 }, refused: tooBig, period: null };
    report = {
      subject: `Upload rejected: ${fileName}`,
      text: `${fileName} was not read: ${tooBig}. Nothing from this upload has been used. ${await inUseNow(deps, kind, key)} Split it or remove columns not in the specification, then upload it again.\n`,
      // The same columns as every errors CSV (report.ts), not a hand-written header.
      errorsCsv: `${ERRORS_CSV_HEADER}\r\n${errorsCsvLine(kind)({ row: 0, column: '', value: null, rule: 'file-size', message: tooBig, inPlace: true })}\r\n`,
    };
  } else {
    const read = guardRead(key, obj.body);
    const result = await validateUpload(kind, read.body, { fileName, onError: (issue) => fullCsv?.add(issue) });
    read.rethrow();
    const accepted = result.errorCount === 0 && result.data !== null;
    record = {
      ...base,
      accepted,
      rows: result.rows,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      errorCountsByRule: result.errorCountsByRule,
      refused: null,
      period: accepted && kind === 'events' ? eventsPeriod(result.data) : null,
    };
    report = accepted ? { subject: '', text: '', errorsCsv: '' } : rejectionReport(fileName, result, await inUseNow(deps, kind, key));
    data = result.data;
    if (accepted) run.note(`accepted ${result.rows} rows (${result.warningCount} warnings)`);
  }
  await deps.validations.put(record);
  deps.metrics.count(record.accepted ? 'UploadsAccepted' : 'UploadsRejected');
  if (!record.accepted) {
    run.note(`rejected: ${plural(record.errorCount, 'error')}${record.refused ? ` (${record.refused})` : ''}`);
    const fullCsvKey = rejectionKey(key, record.versionId);
    if (fullCsv) await fullCsv.putTo(deps.store, fullCsvKey);
    else await deps.store.put(fullCsvKey, report.errorsCsv, 'text/csv; charset=utf-8');
    await emailRejection(deps, run, record, { ...report, fullCsvKey, omitted: fullCsv?.omitted ?? 0 });
    return 'rejected';
  }
  const measures = await recompute(deps, run, { key, versionId: record.versionId, data });
  if (measures) run.note(`measures: ${measures}`);
  return 'ok';
}

/** Which file of this kind counts now (this upload is rejected, so it is not among them). */
async function inUseNow(deps: Pipeline, kind: UploadKind, key: string): Promise<string> {
  // No events extract, no measures (recompute-measures.ts): every pack waits. Otherwise those requiring the kind.
  const waiting = (await deps.templates.packs()).filter((p) => kind === PERIOD_KIND || p.requires.includes(kind)).map((p) => p.title);
  return inUseSentence(kind, filesThatCount(await candidates(deps, [kind]))[kind], key, waiting);
}

function eventsPeriod(data: unknown): string | null {
  const end = (data as Partial<EventsData> | null)?.reportingPeriodEnd;
  return typeof end === 'number' ? monthIdOf(end) : null;
}
