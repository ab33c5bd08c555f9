import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { createDatasetDocument } from "../documents/orm-templates.js";
import { LabelboxError, ValidationError } from "../errors/classes.js";
import { setSignerForDatasetPyApiDocument, validateDatasetPyApiDocument } from "../generated/documents.js";
import type { CreateDatasetPyApiMutation } from "../generated/operation-types.js";
import { checkNonEmptyString, describe, type Issues, throwIfIssues } from "../validation/issues.js";
import type { DatasetRecord } from "./dataset-record.js";
import { deleteDataset } from "./delete-dataset.js";
import { getIamIntegrations, type IamIntegrationRecord } from "./iam-integrations.js";

export interface CreateDatasetInput {
  readonly name: string;
  readonly description?: string;
  /**
   * Cloud-storage access for row data in a private bucket (spec §3): `"default"` (the default) uses
   * the organization's default IAM integration if it has one, an integration id uses that one,
   * `null` uses none.
   */
  readonly iamIntegration?: "default" | (string & {}) | null;
}

/**
 * Python `client.create_dataset(name=..., description=..., iam_integration=...)`.
 *
 * The integration is looked up and checked *before* the dataset is created; if attaching it fails
 * afterwards, the new dataset is deleted again and the error thrown, as in Python.
 *
 * @example
 * const dataset = await createDataset(client, { name: "Cats", iamIntegration: null });
 */
export async function createDataset(client: LbxClient, input: CreateDatasetInput, options: CallOptions = {}): Promise<DatasetRecord> {
  const issues: Issues = [];
  checkNonEmptyString(input?.name, "name", issues);
  if (input?.description !== undefined && typeof input.description !== "string") {
    issues.push({ path: "description", message: `must be a string, got ${describe(input.description)}` });
  }
  const choice = input?.iamIntegration === undefined ? "default" : input.iamIntegration;
  if (choice !== null) checkNonEmptyString(choice, "iamIntegration", issues);
  throwIfIssues("createDataset", issues);

  const integration = choice === null ? undefined : await pickIntegration(client, choice, options);
  // The ORM declares one String! variable per field given, so the document depends on them.
  const variables: Record<string, string> = { name: input.name };
  if (input.description !== undefined) variables["description"] = input.description;
  const data = await execute(client, createDatasetDocument<CreateDatasetPyApiMutation, Record<string, string>>(Object.keys(variables)), variables, options);
  const dataset = data.createDataset;
  if (!dataset) throw new LabelboxError("BAD_RESPONSE", "createDataset returned no dataset", { operationName: "CreateDatasetPyApi" });
  if (!integration) return dataset;

  try {
    // Setting the same signer twice is harmless, and validating is a check: both may be retried.
    await execute(client, setSignerForDatasetPyApiDocument, { signerId: integration.id, datasetId: dataset.id }, options, true);
    const result = await execute(client, validateDatasetPyApiDocument, { id: dataset.id }, options, true);
    if (!result.validateDataset.valid) {
      const failed = result.validateDataset.checks.filter((c) => !c.success).map((c) => c.name);
      throw new LabelboxError("IAM_INTEGRATION_FAILED", `IAMIntegration was not successfully added to the dataset (failed checks: ${failed.join(", ") || "none reported"})`, {
        operationName: "validateDatasetPyApi",
      });
    }
  } catch (error) {
    // Not under the caller's signal: when it aborted (the likely reason we are here) the delete
    // would be refused at once and leave the dataset behind. The transport's timeout bounds it.
    await deleteDataset(client, dataset.id, { ...options, signal: undefined }).catch(() => undefined);
    throw error;
  }
  return dataset;
}

async function pickIntegration(client: LbxClient, choice: string, options: CallOptions): Promise<IamIntegrationRecord | undefined> {
  const integrations = await getIamIntegrations(client, options);
  const integration = choice === "default" ? integrations.find((i) => i.isOrgDefault) : integrations.find((i) => i.id === choice);
  if (choice !== "default" && !integration) {
    throw new ValidationError(`No IAM integration with id ${JSON.stringify(choice)} in this organization`, [{ path: "iamIntegration", message: "unknown integration id" }]);
  }
  if (integration && !integration.valid) {
    throw new ValidationError(`IAM integration ${integration.name ?? integration.id} is not valid; pick another or pass iamIntegration: null`, [
      { path: "iamIntegration", message: "integration is not valid" },
    ]);
  }
  return integration;
}
