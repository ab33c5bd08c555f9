import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { dataRowCustomMetadataPyApiDocument, DeleteDataRowMetadataBetaPyApiDocument, UpsertDataRowMetadataBetaPyApiDocument } from "../generated/documents.js";
import type {
  DataRowCustomMetadataBatchUpsertInput,
  DataRowIdentifierCustomMetadataBatchDeleteInput,
  DeleteDataRowMetadataBetaPyApiMutation,
  UpsertDataRowMetadataBetaPyApiMutation,
} from "../generated/operation-types.js";
import { chunks } from "../util/chunks.js";
import { checkNonEmptyArray, checkNonEmptyString, describe, type Issues, throwIfIssues } from "../validation/issues.js";
import { findMetadataSchema, getMetadataOntology, type MetadataOntology } from "./ontology.js";
import { resolveMetadata } from "./resolve.js";
import { checkMetadataShape, type MetadataFieldInput } from "./serialize.js";

/** Rows per metadata request, as in the Python SDK. */
export const METADATA_BATCH_SIZE = 50;

/** Names one data row: by id or by global key (exactly one). */
export type DataRowIdentifier = { readonly dataRowId: string; readonly globalKey?: undefined } | { readonly globalKey: string; readonly dataRowId?: undefined };

/** A row the server could not update, with its reason. */
export type MetadataUpsertFailure = UpsertDataRowMetadataBetaPyApiMutation["upsertDataRowCustomMetadata"][number];
export type MetadataDeleteFailure = DeleteDataRowMetadataBetaPyApiMutation["deleteDataRowCustomMetadata"][number];

/**
 * Python `mdo.bulk_upsert([...])`: sets metadata fields on existing rows, 50 rows per request.
 * Fields are validated against the ontology first (all problems at once). Returns the rows the
 * server rejected; an empty array means every row was updated.
 *
 * @example
 * await upsertDataRowMetadata(client, [{ globalKey: "gk-1", fields: [{ name: "tag", value: "reviewed" }] }]);
 */
export async function upsertDataRowMetadata(
  client: LbxClient,
  items: readonly (DataRowIdentifier & { readonly fields: readonly MetadataFieldInput[] })[],
  options: CallOptions = {},
): Promise<MetadataUpsertFailure[]> {
  const issues: Issues = [];
  const shaped = checkItems(items, issues, (item, path) => checkMetadataShape(item["fields"], `${path}.fields`, issues));
  const wire: DataRowCustomMetadataBatchUpsertInput[] = [];
  if (shaped) {
    for (const [i, item] of items.entries()) {
      const fields = await resolveMetadata(client, item.fields, `items[${i}].fields`, issues, options);
      // Both keys, null for the one not used: what SDK 6.0 sends.
      wire.push({ globalKey: item.globalKey ?? null, dataRowId: item.dataRowId ?? null, fields });
    }
  }
  throwIfIssues("upsertDataRowMetadata", issues);
  const failures: MetadataUpsertFailure[] = [];
  for (const metadata of chunks(wire, METADATA_BATCH_SIZE)) {
    // An upsert sets fields to given values: safe to repeat.
    const data = await execute(client, UpsertDataRowMetadataBetaPyApiDocument, { metadata }, options, true);
    failures.push(...data.upsertDataRowCustomMetadata.filter((r) => r.error));
  }
  return failures;
}

/**
 * Python `mdo.bulk_delete([...])`: removes metadata fields (by schema id or name) from rows,
 * 50 rows per request. Returns the rows the server could not change.
 */
export async function deleteDataRowMetadata(
  client: LbxClient,
  items: readonly (DataRowIdentifier & { readonly fields: readonly string[] })[],
  options: CallOptions = {},
): Promise<MetadataDeleteFailure[]> {
  const issues: Issues = [];
  const shaped = checkItems(items, issues, (item, path) => {
    if (checkNonEmptyArray(item["fields"], `${path}.fields`, issues)) {
      item["fields"].forEach((f, j) => checkNonEmptyString(f, `${path}.fields[${j}]`, issues));
    }
  });
  const wire: DataRowIdentifierCustomMetadataBatchDeleteInput[] = [];
  if (shaped && issues.length === 0) {
    let ontology = await getMetadataOntology(client, options);
    if (items.some((item) => item.fields.some((f) => !findMetadataSchema(ontology, f)))) ontology = await getMetadataOntology(client, { ...options, refresh: true });
    items.forEach((item, i) => {
      const schemaIds = item.fields.map((f, j) => {
        const schema = findMetadataSchema(ontology, f);
        if (!schema) issues.push({ path: `items[${i}].fields[${j}]`, message: `no metadata field ${JSON.stringify(f)}` });
        return schema?.id ?? f;
      });
      wire.push({ schemaIds, dataRowIdentifier: identifier(item) });
    });
  }
  throwIfIssues("deleteDataRowMetadata", issues);
  const failures: MetadataDeleteFailure[] = [];
  for (const deletes of chunks(wire, METADATA_BATCH_SIZE)) {
    const data = await execute(client, DeleteDataRowMetadataBetaPyApiDocument, { deletes }, options, true);
    failures.push(...data.deleteDataRowCustomMetadata.filter((r) => r.error));
  }
  return failures;
}

/** A row's metadata field as exported; for an enum, `value` is the option's name and `optionId` its id. */
export interface ExportedMetadataField {
  readonly schemaId: string;
  readonly name: string | undefined;
  readonly value: unknown;
  readonly optionId?: string;
}

export interface DataRowMetadata {
  readonly dataRowId: string | null;
  readonly globalKey: string | null;
  readonly fields: ExportedMetadataField[];
}

/** Python `mdo.bulk_export(ids)`: the metadata of rows given by id or by global key, 50 per request. */
export async function exportDataRowMetadata(
  client: LbxClient,
  rows: { readonly dataRowIds: readonly string[] } | { readonly globalKeys: readonly string[] },
  options: CallOptions = {},
): Promise<DataRowMetadata[]> {
  const issues: Issues = [];
  const byKey = "globalKeys" in (rows ?? {});
  const ids = (byKey ? (rows as { globalKeys: readonly string[] }).globalKeys : (rows as { dataRowIds?: readonly string[] })?.dataRowIds) ?? [];
  const path = byKey ? "globalKeys" : "dataRowIds";
  if (checkNonEmptyArray(ids, path, issues)) ids.forEach((id, i) => checkNonEmptyString(id, `${path}[${i}]`, issues));
  throwIfIssues("exportDataRowMetadata", issues);
  const raw: { dataRowId: string | null; globalKey: string | null; fields: { schemaId: string; value: unknown }[] }[] = [];
  for (const batch of chunks(ids, METADATA_BATCH_SIZE)) {
    const data = await execute(client, dataRowCustomMetadataPyApiDocument, { dataRowIdentifiers: { ids: batch, idType: byKey ? "GKEY" : "ID" } }, options);
    raw.push(...data.dataRowCustomMetadata);
  }
  let ontology = await getMetadataOntology(client, options);
  if (raw.some((r) => r.fields.some((f) => !ontology.fieldsById.has(f.schemaId)))) ontology = await getMetadataOntology(client, { ...options, refresh: true });
  return raw.map((r) => ({ dataRowId: r.dataRowId, globalKey: r.globalKey, fields: readFields(r.fields, ontology) }));
}

// The server lists an enum twice (the enum, then the chosen option); report it once, as Python does.
function readFields(fields: readonly { schemaId: string; value: unknown }[], ontology: MetadataOntology): ExportedMetadataField[] {
  const out: ExportedMetadataField[] = [];
  for (const f of fields) {
    const schema = ontology.fieldsById.get(f.schemaId);
    if (schema?.kind === "CustomMetadataEnum") continue;
    if (schema?.kind === "CustomMetadataEnumOption" && schema.parent) {
      out.push({ schemaId: schema.parent, name: ontology.fieldsById.get(schema.parent)?.name, value: schema.name, optionId: schema.id });
    } else out.push({ schemaId: f.schemaId, name: schema?.name, value: f.value });
  }
  return out;
}

function identifier(item: DataRowIdentifier): { id: string; idType: "ID" | "GKEY" } {
  return item.dataRowId !== undefined ? { id: item.dataRowId, idType: "ID" } : { id: item.globalKey as string, idType: "GKEY" };
}

function checkItems<T>(items: readonly T[], issues: Issues, checkRest: (item: Record<string, unknown> & T, path: string) => void): boolean {
  if (!checkNonEmptyArray(items, "items", issues)) return false;
  const before = issues.length;
  items.forEach((raw, i) => {
    const path = `items[${i}]`;
    if (typeof raw !== "object" || raw === null) return issues.push({ path, message: `must be an object, got ${describe(raw)}` });
    const item = raw as Record<string, unknown> & T;
    const hasId = item["dataRowId"] !== undefined;
    const hasKey = item["globalKey"] !== undefined;
    if (hasId === hasKey) issues.push({ path, message: "give exactly one of dataRowId, globalKey" });
    else checkNonEmptyString(hasId ? item["dataRowId"] : item["globalKey"], `${path}.${hasId ? "dataRowId" : "globalKey"}`, issues);
    checkRest(item, path);
    return undefined;
  });
  return issues.length === before;
}
