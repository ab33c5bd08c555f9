import type { LbxClient } from "../client/client.js";
import type { CallOptions } from "../client/request.js";
import type { DataRowCustomMetadataUpsertInput } from "../generated/operation-types.js";
import { type Issues, throwIfIssues } from "../validation/issues.js";
import { getMetadataOntology } from "./ontology.js";
import { markResolved, type ResolvedMetadataFields } from "./resolved-fields.js";
import { checkMetadataShape, type MetadataFieldInput, serializeMetadata, unknownSchemaRefs } from "./serialize.js";

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

/**
 * Checks metadata fields (by name or schema id) against the organization's metadata ontology and
 * returns them in wire form, for {@link createDataRowClassic}'s `metadataFields`. The ontology is
 * fetched once per client (refreshed once when a field is unknown); an empty list sends nothing.
 * Every problem is reported at once as a {@link ValidationError}, each at `fields[i]`.
 *
 * Kept apart from the one-request create so that an app which never names metadata does not
 * bundle the ontology and the serializer.
 *
 * @example
 * const metadataFields = await resolveMetadataFields(client, [{ name: "tag", value: "cat" }, { name: "split", value: "train" }]);
 * await createDataRowClassic(client, dataset.id, { rowData: "https://example.com/cat.jpg", metadataFields });
 */
export async function resolveMetadataFields(client: LbxClient, fields: readonly MetadataFieldInput[], options: CallOptions = {}): Promise<ResolvedMetadataFields> {
  const issues: Issues = [];
  const entries =
    checkMetadataShape(fields, "fields", issues) && fields.length > 0 ? await resolveMetadata(client, fields, "fields", issues, options) : [];
  throwIfIssues("resolveMetadataFields", issues);
  return markResolved(entries);
}
