import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { NotFoundError } from "../errors/classes.js";
import { GetDataRowPyApiDocument } from "../generated/documents.js";
import { checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";
import { type DataRowRecord, toDataRowRecord } from "./data-row-record.js";

/**
 * Python `client.get_data_row(id)`. Throws {@link NotFoundError} for an unknown or deleted id.
 *
 * @example
 * const row = await getDataRow(client, "ck...");
 */
export async function getDataRow(client: LbxClient, dataRowId: string, options: CallOptions = {}): Promise<DataRowRecord> {
  const issues: Issues = [];
  // An empty id would make the Python ORM drop `where` entirely (spec §9.1); refuse it instead.
  checkNonEmptyString(dataRowId, "dataRowId", issues);
  throwIfIssues("getDataRow", issues);
  const { dataRow } = await execute(client, GetDataRowPyApiDocument, { param_0: dataRowId }, options);
  if (!dataRow) throw new NotFoundError(`Data row ${dataRowId} not found`, { operationName: "GetDataRowPyApi" });
  return toDataRowRecord(dataRow);
}
