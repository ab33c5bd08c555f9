import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { NotFoundError } from "../errors/classes.js";
import { GetDatasetPyApiDocument } from "../generated/documents.js";
import { checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";
import type { DatasetRecord } from "./dataset-record.js";

/** Python `client.get_dataset(id)`; throws {@link NotFoundError} for an unknown or deleted id. */
export async function getDataset(client: LbxClient, datasetId: string, options: CallOptions = {}): Promise<DatasetRecord> {
  const issues: Issues = [];
  checkNonEmptyString(datasetId, "datasetId", issues);
  throwIfIssues("getDataset", issues);
  const { dataset } = await execute(client, GetDatasetPyApiDocument, { param_0: datasetId }, options);
  if (!dataset) throw new NotFoundError(`Dataset ${datasetId} not found`, { operationName: "GetDatasetPyApi" });
  return dataset;
}
