// The line formats of the two exports.
//   v1 (`exportDatasetDataRows`): camelCase DataRow objects with all 9 keys the SDK reads.
//   v2 / streamable (`exportDataRowsInCatalog`): snake_case `{data_row, media_attributes,
//   attachments, metadata_fields, embeddings, projects}`; sections fill per the include* params.
import type { AttachmentRecord, DataRowRecord, DatasetRecord } from "../db/records.js";
import type { Ontology } from "../metadata/ontology.js";
import { customMetadataView, exportV2MetadataView, metadataFieldsView, parseEntries } from "../metadata/stored.js";

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

/** One v2 line, built as text: an export writes millions of them. */
export function v2Line(
  id: string,
  row: DataRowRecord,
  dataset: DatasetRecord | undefined,
  attachments: AttachmentRecord[],
  attachmentId: (seq: number) => string,
  ontology: Ontology,
  params: V2Params,
): string {
  let line = `{"data_row":{"id":"${id}","global_key":${JSON.stringify(row.globalKey)},"external_id":${JSON.stringify(row.externalId)},"row_data":${JSON.stringify(row.rowData)}`;
  if (params.includeDataRowDetails) {
    line += `,"details":{"dataset_id":${JSON.stringify(dataset?.id ?? null)},"dataset_name":${JSON.stringify(dataset?.name ?? null)},"created_at":"${row.createdAt}","updated_at":"${row.updatedAt}","last_activity_at":"${row.updatedAt}","created_by":null}`;
  }
  line += `},"media_attributes":${snakeAttributes(row.mediaAttributes)}`;
  line += `,"attachments":${params.includeAttachments && attachments.length ? JSON.stringify(attachments.map((a) => ({ id: attachmentId(a.seq), type: a.type, value: a.value, name: a.name }))) : "[]"}`;
  line += `,"metadata_fields":${params.includeMetadata && row.metadata ? JSON.stringify(exportV2MetadataView(parseEntries(row.metadata), ontology)) : "[]"}`;
  return `${line},"embeddings":[],"projects":{}}`;
}

const snakeCache = new Map<string, string>();

/** Media attributes with snake_case keys, as JSON text. Rows share few distinct values: cached. */
function snakeAttributes(text: string | null): string {
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
