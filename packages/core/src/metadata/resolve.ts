import type { LbxClient } from "../client/client.js";
import type { CallOptions } from "../client/request.js";
import type { DataRowCustomMetadataUpsertInput } from "../generated/operation-types.js";
import type { Issues } from "../validation/issues.js";
import { getMetadataOntology } from "./ontology.js";
import { type MetadataFieldInput, serializeMetadata, unknownSchemaRefs } from "./serialize.js";

/**
 * Serializes metadata fields against the client's cached ontology. A schema id or name the cache
 * does not know triggers one refresh first (it may have been created since), as in Python.
 */
export async function resolveMetadata(
  client: LbxClient,
  fields: readonly MetadataFieldInput[],
  path: string,
  issues: Issues,
  options: CallOptions,
): Promise<DataRowCustomMetadataUpsertInput[]> {
  let ontology = await getMetadataOntology(client, options);
  if (unknownSchemaRefs(fields, ontology).length > 0) {
    ontology = await getMetadataOntology(client, { ...options, refresh: true });
  }
  return serializeMetadata(fields, ontology, path, issues);
}
