import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { updateFieldsDocument } from "../documents/orm-templates.js";
import { DATASET_FIELDS } from "../documents/selections.js";
import { NotFoundError } from "../errors/classes.js";
import type { UpdateDatasetPyApiMutation } from "../generated/operation-types.js";
import { checkNonEmptyString, describe, type Issues, throwIfIssues } from "../validation/issues.js";
import type { DatasetRecord } from "./dataset-record.js";

export interface UpdateDatasetInput {
  readonly name?: string;
  readonly description?: string;
}

/** Python `dataset.update(name=..., description=...)`; only the fields given are sent. */
export async function updateDataset(client: LbxClient, datasetId: string, input: UpdateDatasetInput, options: CallOptions = {}): Promise<DatasetRecord> {
  const issues: Issues = [];
  checkNonEmptyString(datasetId, "datasetId", issues);
  const variables: Record<string, string> = {};
  for (const field of ["name", "description"] as const) {
    const value = input?.[field];
    if (value === undefined) continue;
    // A dataset needs a name; a description may be emptied.
    if (field === "name" ? checkNonEmptyString(value, field, issues) : typeof value === "string") variables[field] = value;
    else if (field === "description") issues.push({ path: field, message: `must be a string, got ${describe(value)}` });
  }
  if (Object.keys(variables).length === 0 && issues.length === 0) issues.push({ path: "", message: "give at least one of name, description" });
  throwIfIssues("updateDataset", issues);
  const document = updateFieldsDocument<UpdateDatasetPyApiMutation, Record<string, string>>("Dataset", Object.keys(variables), DATASET_FIELDS);
  // Setting fields to given values is safe to repeat.
  const data = await execute(client, document, { ...variables, DatasetId: datasetId }, options, true);
  if (!data.updateDataset) throw new NotFoundError(`Dataset ${datasetId} not found`, { operationName: "updateDatasetPyApi" });
  return data.updateDataset;
}
