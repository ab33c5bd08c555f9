import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { NotFoundError } from "../errors/classes.js";
import { externalIdsToDataRowIdsPyApiDocument } from "../generated/documents.js";
import { chunks } from "../util/chunks.js";
import { checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";
import type { DataRowRecord } from "./data-row-record.js";
import { iterateDataRows } from "./iterate-data-rows.js";

/** External ids per request, as in the Python SDK. */
export const EXTERNAL_IDS_PER_REQUEST = 100;

/**
 * Python `client.get_data_row_ids_for_external_ids(ids)`: every data row id per external id
 * (external ids need not be unique). Ids with no row are absent from the map.
 */
export async function getDataRowIdsForExternalIds(
  client: LbxClient,
  externalIds: readonly string[],
  options: CallOptions = {},
): Promise<Map<string, string[]>> {
  const issues: Issues = [];
  if (!Array.isArray(externalIds)) issues.push({ path: "externalIds", message: "must be an array of strings" });
  else externalIds.forEach((id, i) => checkNonEmptyString(id, `externalIds[${i}]`, issues));
  throwIfIssues("getDataRowIdsForExternalIds", issues);
  const result = new Map<string, string[]>();
  for (const batch of chunks(externalIds, EXTERNAL_IDS_PER_REQUEST)) {
    const data = await execute(client, externalIdsToDataRowIdsPyApiDocument, { externalId_in: batch }, options);
    for (const { dataRowId, externalId } of data.externalIdsToDataRowIds) {
      if (externalId == null) continue;
      const ids = result.get(externalId) ?? [];
      ids.push(dataRowId);
      result.set(externalId, ids);
    }
  }
  return result;
}

/**
 * Python `dataset.data_rows_for_external_id(external_id, limit=10)`. Throws
 * {@link NotFoundError} when the dataset has no row with that external id.
 */
export async function dataRowsForExternalId(
  client: LbxClient,
  datasetId: string,
  externalId: string,
  options: CallOptions & { readonly limit?: number } = {},
): Promise<DataRowRecord[]> {
  const issues: Issues = [];
  checkNonEmptyString(datasetId, "datasetId", issues);
  checkNonEmptyString(externalId, "externalId", issues);
  throwIfIssues("dataRowsForExternalId", issues);
  const rows = await iterateDataRows(client, datasetId, { ...options, where: { externalId } }).toArray({ limit: options.limit ?? 10 });
  if (rows.length === 0) throw new NotFoundError(`No data row with external id ${JSON.stringify(externalId)} in dataset ${datasetId}`, { operationName: "DatasetDataRowsPyApi" });
  return rows;
}

/** Python `dataset.data_row_for_external_id(external_id)`: the first match (Python warns when there are more). */
export async function dataRowForExternalId(client: LbxClient, datasetId: string, externalId: string, options: CallOptions = {}): Promise<DataRowRecord> {
  const [row] = await dataRowsForExternalId(client, datasetId, externalId, { ...options, limit: 1 });
  return row as DataRowRecord;
}
