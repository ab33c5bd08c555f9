import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { updateFieldsDocument } from "../documents/orm-templates.js";
import { DATA_ROW_FIELDS } from "../documents/selections.js";
import { NotFoundError } from "../errors/classes.js";
import type { UpdateDataRowPyApiMutation } from "../generated/operation-types.js";
import { checkGlobalKey } from "../validation/global-key.js";
import { checkNonEmptyString, describe, type Issues, throwIfIssues } from "../validation/issues.js";
import { checkRowDataReference } from "../validation/row-data.js";
import { type DataRowRecord, toDataRowRecord } from "./data-row-record.js";

export interface UpdateDataRowInput {
  /** A new URL or text, or a JSON object (sent as JSON text, as Python does). Upload files first with `uploadFile`. */
  readonly rowData?: string | Readonly<Record<string, unknown>>;
  readonly globalKey?: string;
  readonly externalId?: string;
}

const UPDATE_FIELDS = ["rowData", "globalKey", "externalId"];

/**
 * Python `data_row.update(row_data=..., global_key=..., external_id=...)`: only the fields given
 * are sent, and at least one is required (as in SDK 6.0).
 */
export async function updateDataRow(client: LbxClient, dataRowId: string, input: UpdateDataRowInput, options: CallOptions = {}): Promise<DataRowRecord> {
  const issues: Issues = [];
  checkNonEmptyString(dataRowId, "dataRowId", issues);
  const variables: Record<string, string> = {};
  const rowData = input?.rowData;
  if (rowData !== undefined) {
    if (checkRowDataReference(rowData, "rowData", issues)) variables["rowData"] = typeof rowData === "string" ? rowData : JSON.stringify(rowData);
  }
  if (input?.globalKey !== undefined && checkGlobalKey(input.globalKey, "globalKey", issues)) variables["globalKey"] = input.globalKey;
  if (input?.externalId !== undefined) {
    if (checkNonEmptyString(input.externalId, "externalId", issues)) variables["externalId"] = input.externalId;
  }
  // A misspelled field (`global_key`) would otherwise be dropped while the others are updated.
  for (const key of Object.keys(input ?? {})) {
    if (!UPDATE_FIELDS.includes(key)) issues.push({ path: key, message: `unknown field ${describe(key)}; updateDataRow takes ${UPDATE_FIELDS.join(", ")}` });
  }
  if (Object.keys(variables).length === 0 && issues.length === 0) {
    issues.push({ path: "", message: `give at least one of rowData, globalKey, externalId; got ${describe(input)}` });
  }
  throwIfIssues("updateDataRow", issues);
  const document = updateFieldsDocument<UpdateDataRowPyApiMutation, Record<string, string>>("DataRow", Object.keys(variables), DATA_ROW_FIELDS);
  // Setting fields to given values is safe to repeat.
  const data = await execute(client, document, { ...variables, DataRowId: dataRowId }, options, true);
  if (!data.updateDataRow) throw new NotFoundError(`Data row ${dataRowId} not found`, { operationName: "updateDataRowPyApi" });
  return toDataRowRecord(data.updateDataRow);
}
