// The line formats of the two exports.
//   v1 (`exportDatasetDataRows`): camelCase DataRow objects with all 9 keys the SDK reads.
//   v2 / streamable (`exportDataRowsInCatalog`): snake_case `{data_row, media_attributes,
//   attachments, metadata_fields, embeddings, projects}`; sections fill per the include* params.
import type { DataRowRecord, DatasetRecord } from "../db/records.js";
import { attachmentsOf } from "../db/attachments.js";
import type { Ontology } from "../metadata/ontology.js";
import { customMetadataView, metadataFieldsView, parseEntries } from "../metadata/stored.js";
import { metadataExportRenderer } from "../metadata/export-text.js";

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
 * metadata entry (schema id, name and kind; a whole enum choice) is computed once per ontology
 * (metadata/export-text.ts).
 * The output is byte-identical to `JSON.stringify` of the v2 objects (`exportV2MetadataView`).
 */
export function v2LineBuilder(
  ontology: Ontology,
  params: V2Params,
  attachmentId: (seq: number) => string,
): (id: string, row: DataRowRecord, dataset: DatasetRecord | undefined) => string {
  const metadata = metadataExportRenderer(ontology);
  const metadataText = (stored: string): string => metadata.text(parseEntries(stored));
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
