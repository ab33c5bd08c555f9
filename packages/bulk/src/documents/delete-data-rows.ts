import type { TypedDocumentString } from "@lbx/core";

/** Result of {@link deleteDataRowsDocument}: the rows the server deleted. */
export interface DeleteDataRowsResult {
  deleteDataRows: Array<{ id: string }> | null;
}

/**
 * Python `DataRow.bulk_delete(rows)`'s document: ids inlined as a `json.dumps` list, no variables
 * (spec §9.5). `@lbx/core` builds the same text but does not return which rows were deleted, and
 * per-row results need that, so bulk builds it here.
 */
export function deleteDataRowsDocument(ids: readonly string[]): TypedDocumentString<DeleteDataRowsResult, Record<string, never>> {
  const list = ids.map(pythonJsonString).join(", ");
  return `mutation deleteDataRowsPyApi{deleteDataRows(where: {dataRowIds: [${list}]}){id}}` as TypedDocumentString<DeleteDataRowsResult, Record<string, never>>;
}

/** A string as Python's `json.dumps` writes it (ensure_ascii): only printable ASCII stays literal. */
function pythonJsonString(value: string): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
