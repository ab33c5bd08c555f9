import { execute, type LbxClient, MAX_DELETE_PER_CALL, RateLimitError } from "@lbx/core";
import { throwIfAborted } from "./abort.js";
import { deleteDataRowsDocument } from "./documents/delete-data-rows.js";
import { batchFailure, checkBatchSize, isFatal, ranges } from "./per-row.js";
import { withRetry } from "./retry.js";

/** What happened to one id passed to {@link bulkDeleteDataRows}. */
export type DeleteOutcome =
  | {
      readonly index: number;
      readonly dataRowId: string;
      readonly status: "deleted";
      /**
       * Set when the server's answer to an attempt that may have deleted this row was lost (a
       * dropped connection, a 5xx, a timeout) and the retry no longer found the row: it is gone, as
       * asked, but whether that attempt deleted it or it never existed cannot be told.
       */
      readonly unconfirmed?: true;
    }
  /** The server answered the first attempt that could have deleted this id: no such row, already deleted, or not visible to this key. */
  | { readonly index: number; readonly dataRowId: string; readonly status: "not_found" }
  | { readonly index: number; readonly dataRowId: string; readonly status: "failed"; readonly code: string; readonly message: string };

export interface BulkDeleteResult {
  readonly summary: { readonly total: number; readonly deleted: number; readonly notFound: number; readonly failed: number };
  /** One per input id, in input order. */
  readonly outcomes: readonly DeleteOutcome[];
}

export interface BulkDeleteOptions {
  readonly signal?: AbortSignal;
  /** Ids per call; at most (and by default) 4,000, Labelbox's limit. */
  readonly batchSize?: number;
  /** After each call, with how many ids have an outcome. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Attempts per call, the first included. Default 8. The transport does not repeat a delete by itself. */
  readonly retryAttempts?: number;
}

/**
 * Deletes any number of data rows (Python `DataRow.bulk_delete`), in calls of at most 4,000 ids,
 * and tells for each id whether it was deleted. An id that is empty or repeats an earlier one is
 * not sent (`failed`, `INVALID_ID` / `DUPLICATE_ID`); a call that fails for good marks its ids
 * `failed` and the next call goes on, unless the failure means none can succeed (authentication,
 * abort), which is thrown.
 *
 * Deleting twice deletes nothing more, so a call that failed is retried; but the server answers
 * with the rows *that attempt* deleted. When an earlier attempt may have run on the server (its
 * response was lost, a 5xx, a timeout; not a 429, which runs nothing), the ids the retry does not
 * list are reported `deleted` with `unconfirmed: true` rather than `not_found`: the row is gone,
 * which is what was asked, but an id that never existed looks the same afterwards. Telling the two
 * apart would take a lookup of every id before every call (the API has no lookup of many rows by
 * id: 4,000 `dataRow` queries per call) to guard against a rare failure, so it is not done. Ids in
 * calls answered at the first attempt are exact: `not_found` means the server had no such row.
 *
 * @example
 * const { summary, outcomes } = await bulkDeleteDataRows(client, ids);
 * for (const o of outcomes) if (o.status !== "deleted") console.log(o.index, o.dataRowId, o.status);
 */
export async function bulkDeleteDataRows(client: LbxClient, dataRowIds: readonly string[], options: BulkDeleteOptions = {}): Promise<BulkDeleteResult> {
  if (!Array.isArray(dataRowIds)) throw new TypeError("dataRowIds must be an array of data row ids");
  const size = checkBatchSize(options.batchSize ?? MAX_DELETE_PER_CALL, MAX_DELETE_PER_CALL);
  const { signal } = options;
  const outcomes: DeleteOutcome[] = new Array(dataRowIds.length);
  const first = new Map<string, number>();
  const toSend: number[] = [];
  dataRowIds.forEach((id, index) => {
    if (typeof id !== "string" || id.trim() === "") {
      outcomes[index] = { index, dataRowId: String(id), status: "failed", code: "INVALID_ID", message: "must be a non-empty string" };
      return;
    }
    const earlier = first.get(id);
    if (earlier !== undefined) {
      outcomes[index] = { index, dataRowId: id, status: "failed", code: "DUPLICATE_ID", message: `repeats input row ${earlier}` };
      return;
    }
    first.set(id, index);
    toSend.push(index);
  });
  const retry = { attempts: options.retryAttempts ?? 8, signal, clock: client.clock };
  let done = dataRowIds.length - toSend.length;
  for (const [from, to] of ranges(toSend.length, size)) {
    throwIfAborted(signal);
    const batch = toSend.slice(from, to);
    const ids = batch.map((i) => dataRowIds[i]!);
    // Whether an attempt that failed may have deleted rows on the server before its answer was lost.
    let mayHaveRun = false;
    try {
      // Not marked idempotent: the transport would repeat the call out of sight, and the retry's
      // answer alone is wrong about rows the lost attempt deleted. Repeated here, where that is known.
      const attempt = () =>
        execute(client, deleteDataRowsDocument(ids), {}, { signal }, false).catch((error: unknown) => {
          if (!(error instanceof RateLimitError)) mayHaveRun = true;
          throw error;
        });
      const data = await withRetry(attempt, retry);
      const deleted = new Set((data.deleteDataRows ?? []).map((r) => r.id));
      for (const index of batch) {
        const dataRowId = dataRowIds[index]!;
        outcomes[index] = deleted.has(dataRowId)
          ? { index, dataRowId, status: "deleted" }
          : mayHaveRun
            ? { index, dataRowId, status: "deleted", unconfirmed: true }
            : { index, dataRowId, status: "not_found" };
      }
    } catch (error) {
      if (isFatal(error)) throw error;
      const { code, message } = batchFailure(error);
      for (const index of batch) outcomes[index] = { index, dataRowId: dataRowIds[index]!, status: "failed", code, message };
    }
    done += batch.length;
    options.onProgress?.(done, dataRowIds.length);
  }
  const count = (status: DeleteOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  return { summary: { total: outcomes.length, deleted: count("deleted"), notFound: count("not_found"), failed: count("failed") }, outcomes };
}
