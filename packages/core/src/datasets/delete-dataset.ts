import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { NotFoundError } from "../errors/classes.js";
import { deleteDatasetPyApiDocument } from "../generated/documents.js";
import { checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";

/** Python `dataset.delete()`: a soft delete (`updateDataset(data: {deleted: true})`). */
export async function deleteDataset(client: LbxClient, datasetId: string, options: CallOptions = {}): Promise<void> {
  const issues: Issues = [];
  checkNonEmptyString(datasetId, "datasetId", issues);
  throwIfIssues("deleteDataset", issues);
  // Deleting twice leaves the same state: safe to retry.
  const data = await execute(client, deleteDatasetPyApiDocument, { DatasetId: datasetId }, options, true);
  if (!data.updateDataset) throw new NotFoundError(`Dataset ${datasetId} not found`, { operationName: "deleteDatasetPyApi" });
}
