import { getDataset, type LbxClient } from "@lbx/core";
import { abortError, allowManyListeners } from "../abort.js";
import { RollingHash } from "../hash.js";
import { InputReadError } from "../errors.js";
import { asyncIteratorOf } from "../input.js";
import { RecentKeys } from "../key-set.js";
import { withRetry } from "../retry.js";
import type { DataRowInput, ImportOptions, ImportResult, RowSource } from "../types.js";
import { CheckpointWriter, freshState, resumeState } from "./checkpoint.js";
import { ImportContext, settingsOf } from "./context.js";
import { OutcomeSink } from "./emit.js";
import { type EncodedRow, RowEncoder } from "./encoder.js";
import { SpanPipeline } from "./pipeline.js";
import { ProgressTracker } from "./progress.js";
import { SpanBuilder } from "./span-builder.js";

/** Rows whose file uploads may be in flight at once while reading ahead. */
const ROWS_AHEAD = 16;

/**
 * Imports data rows into a dataset: validates every row, sends the valid ones in chunk files
 * and server tasks (spec §7.2; at most 150,000 rows a task, `concurrency` tasks at once), waits
 * for the tasks, and reports one outcome per input row in input order. Partial success is
 * normal: rows the server rejects are `failed` outcomes, not an exception. The promise rejects
 * only when the import cannot go on (authentication, a missing dataset, a task past its
 * deadline, an abort, a checkpoint from another input); with a checkpoint, running it again on
 * the same input then picks up where it stopped and imports every row exactly once. When the
 * source itself throws (a file whose syntax breaks halfway), the rows read before are imported
 * first, and the rejection is an {@link InputReadError} carrying their outcomes.
 *
 * Rows are read from `rows` one at a time, as the pipeline has room: an array, an iterable, or an
 * async iterable of any length. With `collectOutcomes: false` memory stays flat however many.
 *
 * @example
 * const { summary, outcomes } = await importDataRows(client, dataset.id, [
 *   { rowData: "https://example.com/1.jpg", globalKey: "img-1" },
 *   { rowData: "https://example.com/2.jpg", globalKey: "img-2", metadataFields: [{ name: "tag", value: "cat" }] },
 * ], { onDuplicate: "skip" });
 */
export async function importDataRows(client: LbxClient, datasetId: string, rows: RowSource, options: ImportOptions = {}): Promise<ImportResult> {
  if (typeof datasetId !== "string" || datasetId.trim() === "") throw new TypeError("datasetId must be a non-empty string");
  const settings = settingsOf(options);
  const controller = new AbortController();
  allowManyListeners(controller.signal);

  // What a resumed run must share with the killed one. Not `firstTaskRows` (nor `expectedTotal`):
  // they size only spans not yet recorded, which were never sent, so they may differ on resume.
  const { firstTaskRows: _notFingerprinted, ...sized } = settings.limits;
  const fingerprint = JSON.stringify({
    datasetId,
    onDuplicate: settings.onDuplicate,
    limits: sized,
    maxLocalsPerSpan: settings.maxLocalsPerSpan,
    maxRowBytes: settings.maxRowBytes,
  });
  const initial = new RollingHash();
  const loaded = options.checkpoint ? await options.checkpoint.load() : undefined;
  const state = loaded === undefined || loaded === null ? freshState(fingerprint, initial.toString()) : resumeState(loaded, fingerprint);
  const resumedAt = state.doneBefore;
  const countsBefore = state.counts;
  const progress = new ProgressTracker(
    client.clock,
    options.onProgress,
    options.expectedTotal,
    countsBefore.created + countsBefore.updated + countsBefore.skipped + countsBefore.failed,
    countsBefore.failed,
  );
  const checkpoint = new CheckpointWriter(state, options.checkpoint);
  const ctx = new ImportContext(client, datasetId, settings, options, checkpoint, progress, controller);
  const sink = new OutcomeSink({ ...state.counts }, ctx);
  const pipeline = new SpanPipeline(ctx, sink);
  const builder = new SpanBuilder(ctx, state, initial, (span) => pipeline.push(span));
  const encoder = new RowEncoder({
    client,
    datasetId,
    onDuplicate: settings.onDuplicate,
    retry: ctx.retry,
    keys: new RecentKeys(),
    fingerprint: options.checkpoint !== undefined,
    maxRowBytes: settings.maxRowBytes,
  });
  const iterator = asyncIteratorOf(rows);
  let exhausted = false;
  // Set while the loop waits for the source's next row: an abort must not wait for the source.
  let waiting: ((step: typeof ABORTED) => void) | undefined;
  let nextPending = false;
  ctx.signal.addEventListener("abort", () => waiting?.(ABORTED), { once: true });
  // What the source threw: the rows read before it are imported, then it is reported.
  let sourceFailure: { error: unknown; rowsRead: number } | undefined;
  // The caller's abort is a fatal error like any other: recorded, and everything in flight stops.
  const outer = options.signal;
  const forward = () => ctx.fail(abortError(outer!));
  if (outer?.aborted) forward();
  outer?.addEventListener("abort", forward, { once: true });

  try {
    // Fail fast, before reading anything, on a wrong key or dataset id.
    await withRetry(() => getDataset(client, datasetId, { signal: ctx.signal }), ctx.retry);
    const ahead: Array<EncodedRow | Promise<EncodedRow>> = [];
    for (let index = 0; ; index++) {
      ctx.throwIfFailed();
      let step: IteratorResult<unknown> | typeof ABORTED;
      try {
        const next = iterator.next();
        if (next instanceof Promise) {
          nextPending = true;
          step = await new Promise<IteratorResult<unknown> | typeof ABORTED>((resolve, reject) => {
            waiting = resolve;
            next.then(resolve, reject);
          });
          nextPending = step === ABORTED;
          waiting = undefined;
        } else step = next;
      } catch (error) {
        // A source that threw is finished (as a generator is); nothing to close.
        exhausted = true;
        nextPending = false;
        sourceFailure = { error, rowsRead: index };
        break;
      }
      if (step === ABORTED) throw ctx.error!.error;
      if (step.done) {
        exhausted = true;
        break;
      }
      let prepared = encoder.prepare(step.value as DataRowInput, index);
      if (prepared instanceof Promise) prepared = await prepared;
      const encoded = encoder.complete(prepared, builder.willSend(index));
      if (ahead.length === 0 && !(encoded instanceof Promise)) {
        const added = builder.add(encoded);
        if (added) await added;
        continue;
      }
      if (encoded instanceof Promise) encoded.catch(() => undefined); // awaited below, in order
      ahead.push(encoded);
      // Hand rows to the builder in input order; let up to ROWS_AHEAD file uploads overlap.
      while (ahead.length > 0 && (!(ahead[0] instanceof Promise) || ahead.length > ROWS_AHEAD)) await builder.add(await ahead.shift()!);
    }
    for (const encoded of ahead) await builder.add(await encoded);
    await builder.finish();
    await pipeline.finish();
    ctx.throwIfFailed();
  } catch (error) {
    ctx.fail(error);
  } finally {
    outer?.removeEventListener("abort", forward);
    // An async generator runs `return()` only after the `next()` it is still working on: asked,
    // not awaited, so that an abort does not wait for a source that may never yield again.
    if (nextPending) void closeQuietly(iterator);
    else if (!exhausted) await closeQuietly(iterator);
  }

  if (ctx.error) {
    // Nothing this import started keeps running after it rejects.
    await Promise.all([pipeline.settle(), builder.settle()]);
    throw ctx.error.error;
  }
  // The checkpoint is kept when the input could not be read to its end: a run on the mended
  // input resumes after the rows imported here.
  if (!sourceFailure) await checkpoint.clear();
  progress.report(true);
  const counts = sink.counts;
  const result: ImportResult = {
    summary: {
      total: counts.created + counts.updated + counts.skipped + counts.failed,
      created: counts.created,
      updated: counts.updated,
      skipped: counts.skipped,
      failed: counts.failed,
      taskIds: [...state.taskIds],
      seconds: Math.round(progress.elapsedSeconds() * 1000) / 1000,
      ...(resumedAt > 0 ? { resumedAt } : {}),
      unmatchedResults: state.unmatchedResults,
    },
    outcomes: sink.collected ?? [],
  };
  if (sourceFailure) throw new InputReadError(sourceFailure.error, sourceFailure.rowsRead, result);
  return result;
}

/** What the loop gets instead of a row when the import fails while it waits for the source. */
const ABORTED = Symbol("aborted");

async function closeQuietly(iterator: AsyncIterator<unknown> | Iterator<unknown>): Promise<void> {
  try {
    await iterator.return?.();
  } catch {
    // The import already failed; a source that cannot close must not hide why.
  }
}

type Mode = Omit<ImportOptions, "onDuplicate">;

/**
 * Python `dataset.create_data_rows(items)`: {@link importDataRows} that creates new rows. A row
 * whose global key already exists fails with `DUPLICATE_GLOBAL_KEY`, or, with
 * `onDuplicate: "skip"`, is not sent and reported `skipped`.
 */
export function createDataRows(client: LbxClient, datasetId: string, rows: RowSource, options: Mode & { readonly onDuplicate?: "fail" | "skip" } = {}): Promise<ImportResult> {
  return importDataRows(client, datasetId, rows, { ...options, onDuplicate: options.onDuplicate ?? "fail" });
}

/**
 * Python `dataset.upsert_data_rows(items)` keyed by global key: rows whose key exists are
 * updated (`updated`), the others created (`created`). Rows without a global key are created.
 * Running it twice on the same input changes nothing the second time.
 */
export function upsertDataRows(client: LbxClient, datasetId: string, rows: RowSource, options: Mode = {}): Promise<ImportResult> {
  return importDataRows(client, datasetId, rows, { ...options, onDuplicate: "update" });
}
