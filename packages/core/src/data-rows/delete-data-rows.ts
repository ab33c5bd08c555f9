import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { deleteDataRowsDocument } from "../documents/orm-templates.js";
import { chunks } from "../util/chunks.js";
import { checkNonEmptyArray, checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";

/** Most data rows one delete call may name (Labelbox's documented `bulk_delete` limit). */
export const MAX_DELETE_PER_CALL = 4000;

export interface DeleteDataRowsOptions extends CallOptions {
  /** Called after each call of at most 4,000 rows succeeds, with how many are deleted so far. */
  readonly onProgress?: (deleted: number, total: number) => void;
}

/**
 * Python `DataRow.bulk_delete(rows)`: permanently deletes data rows (and their labels), in calls of
 * at most 4,000 ids, one after another. If a call fails, the calls before it stay done and the
 * error is thrown; `onProgress` tells how far it got. Deleting frees the rows' global keys.
 */
export async function deleteDataRows(client: LbxClient, dataRowIds: readonly string[], options: DeleteDataRowsOptions = {}): Promise<void> {
  const issues: Issues = [];
  if (checkNonEmptyArray(dataRowIds, "dataRowIds", issues)) {
    dataRowIds.forEach((id, i) => checkNonEmptyString(id, `dataRowIds[${i}]`, issues));
  }
  throwIfIssues("deleteDataRows", issues);
  let deleted = 0;
  for (const ids of chunks(dataRowIds, MAX_DELETE_PER_CALL)) {
    // Deleting already-deleted rows changes nothing more: safe to retry.
    await execute(client, deleteDataRowsDocument(ids), {}, options, true);
    deleted += ids.length;
    options.onProgress?.(deleted, dataRowIds.length);
  }
}

/** Python `data_row.delete()`. */
export function deleteDataRow(client: LbxClient, dataRowId: string, options: CallOptions = {}): Promise<void> {
  return deleteDataRows(client, [dataRowId], options);
}
