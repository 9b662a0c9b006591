/**
 * ingest: an upload arrived (S3 ObjectCreated under an upload prefix). Validate it as a stream,
 * record the verdict under validation/, report a rejection to the performance team (the upload
 * itself is never modified), then recompute the period's measures from the files that count.
 */
import { PERIOD_KIND } from '../core/uploads/kinds/index.ts';
import { validateUpload } from '../core/uploads/validate-upload.ts';
import { ERRORS_CSV_HEADER, errorsCsvLine, rejectionReport } from '../core/uploads/report.ts';
import { uploadKindOfKey } from '../core/bucket-layout.ts';
import { parseS3Event } from '../core/pipeline/s3-event.ts';
import { keyProblem, sizeProblem } from '../core/pipeline/key-safety.ts';
import { filesThatCount, inUseSentence, rejectionKey, validationKey, type ValidationRecord } from '../core/pipeline/uploads-state.ts';
import type { EventsData, UploadKind } from '../core/uploads/parsed.ts';
import { monthIdOf } from '../core/calendar/days.ts';
import { packsDir, type PipelineDeps } from './support/deps.ts';
import { loadPackTemplates } from '../adapters/pack-templates.ts';
import { RunLog } from './support/runs.ts';
import { candidates, recompute } from './support/recompute.ts';
import { guardRead } from './support/read-guard.ts';
import { ErrorsCsvFile } from './support/errors-csv.ts';
import { emailRejection } from './support/rejection-mail.ts';

export function createIngest(deps: PipelineDeps) {
  return async (event: unknown): Promise<{ processed: number }> => {
    let processed = 0;
    for (const ref of parseS3Event(event)) {
      const kind = uploadKindOfKey(ref.key);
      if (!kind) continue;
      const problem = keyProblem(ref.key);
      await RunLog.record(deps, 'ingest', ref.key, async (run) => {
        if (problem) {
          run.note(`refused: ${problem}`);
          return { outcome: 'rejected' as const };
        }
        return { outcome: await ingestOne(deps, run, ref.key, ref.versionId, kind) };
      });
      if (!problem) processed++;
    }
    return { processed };
  };
}

/** `versionId`: the version the event names (versioned bucket): exactly that one is judged, even if overwritten since. */
async function ingestOne(deps: PipelineDeps, run: RunLog, key: string, versionId: string | null, kind: UploadKind): Promise<'ok' | 'rejected' | 'skipped'> {
  const obj = await deps.store.getStream(key, versionId);
  if (!obj) {
    run.note('the object is gone (deleted before ingest ran)');
    return 'skipped';
  }
  const fileName = key.slice(key.lastIndexOf('/') + 1);
  const base = { key, kind, lastModified: obj.lastModified.toISOString(), versionId: obj.versionId, size: obj.size, validatedAt: deps.clock.now().toISOString() };
  const tooBig = sizeProblem(obj.size, deps.maxUploadBytes);
  // Every error of a parsed file, as it is found, into a temporary file: the complete list.
  const fullCsv = tooBig ? null : new ErrorsCsvFile(errorsCsvLine(kind));
  try {
    return await judge(deps, run, obj, base, tooBig, fullCsv);
  } finally {
    fullCsv?.dispose();
  }
}

async function judge(
  deps: PipelineDeps,
  run: RunLog,
  obj: { body: AsyncIterable<Uint8Array> },
  base: Omit<ValidationRecord, 'accepted' | 'rows' | 'errorCount' | 'warningCount' | 'errorCountsByRule' | 'refused' | 'period'>,
  tooBig: string | null,
  fullCsv: ErrorsCsvFile | null,
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
  await deps.store.put(validationKey(key, record.versionId), JSON.stringify(record, null, 2), 'application/json');
  if (!record.accepted) {
    run.note(`rejected: ${record.errorCount} error(s)${record.refused ? ` (${record.refused})` : ''}`);
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
async function inUseNow(deps: PipelineDeps, kind: UploadKind, key: string): Promise<string> {
  // No events extract, no measures (recompute.ts): every pack waits. Otherwise those requiring the kind.
  const waiting = (await loadPackTemplates(packsDir(deps))).filter((p) => kind === PERIOD_KIND || p.requires.includes(kind)).map((p) => p.title);
  return inUseSentence(kind, filesThatCount(await candidates(deps, [kind]))[kind], key, waiting);
}

function eventsPeriod(data: unknown): string | null {
  const end = (data as Partial<EventsData> | null)?.reportingPeriodEnd;
  return typeof end === 'number' ? monthIdOf(end) : null;
}
