import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { getAllIntegrationsPyApiDocument } from "../generated/documents.js";
import type { GetAllIntegrationsPyApiQuery } from "../generated/operation-types.js";

/** A cloud-storage (AWS / GCP) delegated-access integration; datasets using it may hold bucket URLs as row data. */
export type IamIntegrationRecord = GetAllIntegrationsPyApiQuery["iamIntegrations"][number];

/** The organization's IAM integrations (Python `organization.get_iam_integrations()`). */
export async function getIamIntegrations(client: LbxClient, options: CallOptions = {}): Promise<IamIntegrationRecord[]> {
  return (await execute(client, getAllIntegrationsPyApiDocument, null, options)).iamIntegrations;
}
