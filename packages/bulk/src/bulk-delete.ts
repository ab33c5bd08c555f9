import { execute, type LbxClient, MAX_DELETE_PER_CALL } from "@lbx/core";
import { throwIfAborted } from "./abort.js";
import { deleteDataRowsDocument } from "./documents/delete-data-rows.js";
import { batchFailure, checkBatchSize, isFatal, ranges } from "./per-row.js";
import { withRetry } from "./retry.js";

/** What happened to one id passed to {@link bulkDeleteDataRows}. */
export type DeleteOutcome =
  | { readonly index: number; readonly dataRowId: string; readonly status: "deleted" }
  /** The server deleted nothing for this id: no such row, already deleted, or not visible to this key. */
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
  /** Attempts per call, on top of the transport's retries. Default 8. */
  readonly retryAttempts?: number;
}

/**
 * Deletes any number of data rows (Python `DataRow.bulk_delete`), in calls of at most 4,000 ids,
 * and tells for each id whether it was deleted. Deleting is safe to repeat, so calls are retried.
 * An id that is empty or repeats an earlier one is not sent (`failed`, `INVALID_ID` /
 * `DUPLICATE_ID`); a call that fails for good marks its ids `failed` and the next call goes on,
 * unless the failure means none can succeed (authentication, abort), which is thrown.
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
    try {
      const data = await withRetry(() => execute(client, deleteDataRowsDocument(ids), {}, { signal }, true), retry);
      const deleted = new Set((data.deleteDataRows ?? []).map((r) => r.id));
      for (const index of batch) {
        const dataRowId = dataRowIds[index]!;
        outcomes[index] = { index, dataRowId, status: deleted.has(dataRowId) ? "deleted" : "not_found" };
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
