// The line formats of the two exports.
//   v1 (`exportDatasetDataRows`): camelCase DataRow objects with all 9 keys the SDK reads.
//   v2 / streamable (`exportDataRowsInCatalog`): snake_case `{data_row, media_attributes,
//   attachments, metadata_fields, embeddings, projects}`; sections fill per the include* params.
import type { DataRowRecord, DatasetRecord } from "../db/records.js";
import { attachmentsOf } from "../db/attachments.js";
import type { Ontology } from "../metadata/ontology.js";
import { customMetadataView, metadataFieldsView, parseEntries } from "../metadata/stored.js";

/** One v1 line. */
export function v1Line(id: string, row: DataRowRecord, ontology: Ontology, includeMetadata: boolean): string {
  const entries = includeMetadata ? parseEntries(row.metadata) : [];
  return JSON.stringify({
    id,
    rowData: row.rowData,
    externalId: row.externalId,
    globalKey: row.globalKey,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    mediaAttributes: row.mediaAttributes ? (JSON.parse(row.mediaAttributes) as unknown) : {},
    metadataFields: metadataFieldsView(entries, ontology),
    customMetadata: customMetadataView(entries, ontology),
  });
}

/** The include* flags of a v2 export. */
export interface V2Params {
  includeAttachments: boolean;
  includeMetadata: boolean;
  includeDataRowDetails: boolean;
}

/**
 * Builds v2 lines as text: an export writes millions of them. Attachments and metadata are written
 * straight from their stored JSON without intermediate objects, and the constant part of each
 * metadata entry (schema id, name and kind; a whole enum choice) is computed once per export.
 * The output is byte-identical to `JSON.stringify` of the v2 objects (`exportV2MetadataView`).
 */
export function v2LineBuilder(
  ontology: Ontology,
  params: V2Params,
  attachmentId: (seq: number) => string,
): (id: string, row: DataRowRecord, dataset: DatasetRecord | undefined) => string {
  /** Per schema id: the entry's constant text (see `metadataEntryParts`), computed once per export. */
  const entryParts = new Map<string, MetadataEntryParts | null>();
  const partsOf = (schemaId: string): MetadataEntryParts | null => {
    let parts = entryParts.get(schemaId);
    if (parts === undefined) {
      parts = metadataEntryParts(ontology, schemaId);
      entryParts.set(schemaId, parts);
    }
    return parts;
  };
  const metadataText = (stored: string): string => {
    let out = "";
    for (const e of parseEntries(stored)) {
      const parts = partsOf(e.schemaId);
      if (parts === null) continue;
      const entry = "whole" in parts ? parts.whole : e.value === undefined ? `${parts.prefix.slice(0, -9)}}` : `${parts.prefix}${JSON.stringify(e.value)}}`;
      out += out ? `,${entry}` : entry;
    }
    return `[${out}]`;
  };
  const attachmentsText = (rowSeq: number, stored: string): string => {
    let out = "";
    for (const a of attachmentsOf(rowSeq, stored)) {
      const entry = `{"id":"${attachmentId(a.seq)}","type":${JSON.stringify(a.type)},"value":${JSON.stringify(a.value)},"name":${JSON.stringify(a.name)}}`;
      out += out ? `,${entry}` : entry;
    }
    return `[${out}]`;
  };
  return (id, row, dataset) => {
    let line = `{"data_row":{"id":"${id}","global_key":${JSON.stringify(row.globalKey)},"external_id":${JSON.stringify(row.externalId)},"row_data":${JSON.stringify(row.rowData)}`;
    if (params.includeDataRowDetails) {
      line += `,"details":{"dataset_id":${JSON.stringify(dataset?.id ?? null)},"dataset_name":${JSON.stringify(dataset?.name ?? null)},"created_at":"${row.createdAt}","updated_at":"${row.updatedAt}","last_activity_at":"${row.updatedAt}","created_by":null}`;
    }
    line += `},"media_attributes":${snakeAttributes(row.mediaAttributes)}`;
    line += `,"attachments":${params.includeAttachments && row.attachments ? attachmentsText(row.seq, row.attachments) : "[]"}`;
    line += `,"metadata_fields":${params.includeMetadata && row.metadata ? metadataText(row.metadata) : "[]"}`;
    return `${line},"embeddings":[],"projects":{}}`;
  };
}

/** The constant text of a v2 metadata entry: up to its value, or whole (an enum's option). */
export type MetadataEntryParts = { prefix: string } | { whole: string };

/**
 * The constant text of the v2 `metadata_fields` entries of schema `schemaId`: `{prefix}` is the
 * entry up to its value (`{"schema_id":..,"schema_name":..,"schema_kind":..,"value":`), `{whole}`
 * a whole entry (an enum option: parent and option names). Null when the entry is left out
 * (unknown schema, or an enum parent, which is written through its option).
 */
export function metadataEntryParts(ontology: Ontology, schemaId: string): MetadataEntryParts | null {
  const schema = ontology.get(schemaId);
  if (schema?.kind === "CustomMetadataEnumOption") {
    const parent = ontology.parentOf(schema);
    return parent ? { whole: JSON.stringify({ schema_id: parent.id, schema_name: parent.name, schema_kind: parent.kind, value: { schema_id: schema.id, schema_name: schema.name } }) } : null;
  }
  if (schema && schema.kind !== "CustomMetadataEnum") {
    const head = JSON.stringify({ schema_id: schema.id, schema_name: schema.name, schema_kind: schema.kind });
    return { prefix: `${head.slice(0, -1)},"value":` };
  }
  return null;
}

const snakeCache = new Map<string, string>();

/** Media attributes with snake_case keys, as JSON text. Rows share few distinct values: cached. */
export function snakeAttributes(text: string | null): string {
  if (!text) return "{}";
  let out = snakeCache.get(text);
  if (out === undefined) {
    const attributes = JSON.parse(text) as Record<string, unknown>;
    const converted: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(attributes)) converted[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = v;
    out = JSON.stringify(converted);
    if (snakeCache.size > 10_000) snakeCache.clear();
    snakeCache.set(text, out);
  }
  return out;
}
