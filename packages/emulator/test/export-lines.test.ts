// v2 export lines are built as text for speed; they must equal JSON.stringify of the v2 objects.
import { describe, expect, it } from "vitest";
import { v2LineBuilder } from "../src/exports/lines.js";
import { attachmentsOf, attachmentsText } from "../src/db/attachments.js";
import { Ontology } from "../src/metadata/ontology.js";
import { reservedSchemas } from "../src/metadata/reserved.js";
import { exportV2MetadataView, parseEntries } from "../src/metadata/stored.js";
import type { DataRowRecord, MetadataSchemaRecord } from "../src/db/records.js";

const option = (id: string, name: string): MetadataSchemaRecord => ({ id, name, kind: "CustomMetadataEnumOption", reserved: false, parentId: "cenum0000000000000000000a", options: [] });
const custom: MetadataSchemaRecord[] = [
  { id: "cenum0000000000000000000a", name: "weather \"q\"", kind: "CustomMetadataEnum", reserved: false, parentId: null, options: [option("copt00000000000000000000a", "sunny"), option("copt00000000000000000000b", "rain ☔")] },
  { id: "cnum00000000000000000000a", name: "score", kind: "CustomMetadataNumber", reserved: false, parentId: null, options: [] },
];

describe("v2LineBuilder", () => {
  it("writes exactly what JSON.stringify of the v2 objects gives, for every include* combination", () => {
    const ontology = new Ontology([...reservedSchemas, ...custom]);
    const tag = reservedSchemas.find((s) => s.name === "tag")!;
    const metadata = JSON.stringify([
      { schemaId: tag.id, value: "a \"quoted\" tag ✓" },
      { schemaId: "cenum0000000000000000000a", value: {} },
      { schemaId: "copt00000000000000000000b", value: {} },
      { schemaId: "cnum00000000000000000000a", value: 1.5 },
      { schemaId: "cdeleted0000000000000000a", value: "gone" },
    ]);
    const attachments = attachmentsText([
      { type: "RAW_TEXT", value: "line\nbreak", name: null },
      { type: "IMAGE", value: "https://x/y.png", name: "pic é" },
    ]);
    const attachmentId = (seq: number) => `att-${seq}`;
    const row: DataRowRecord = {
      seq: 42, orgSeq: 1, datasetSeq: 7, rowData: "https://example.com/a.jpg", externalId: "ext\t1", globalKey: "gk/1", mediaType: null,
      mediaAttributes: JSON.stringify({ mimeType: "image/jpeg" }), metadata, attachments, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-02T00:00:00.000Z",
    };
    const dataset = { id: "cds000000000000000000000a", name: "set \\ one" } as Parameters<ReturnType<typeof v2LineBuilder>>[2];
    for (const includeAttachments of [false, true]) {
      for (const includeMetadata of [false, true]) {
        for (const includeDataRowDetails of [false, true]) {
          const params = { includeAttachments, includeMetadata, includeDataRowDetails };
          const expected = {
            data_row: {
              id: "row-id", global_key: row.globalKey, external_id: row.externalId, row_data: row.rowData,
              ...(includeDataRowDetails ? { details: { dataset_id: dataset!.id, dataset_name: dataset!.name, created_at: row.createdAt, updated_at: row.updatedAt, last_activity_at: row.updatedAt, created_by: null } } : {}),
            },
            media_attributes: { mime_type: "image/jpeg" },
            attachments: includeAttachments ? attachmentsOf(row.seq, attachments).map((a) => ({ id: attachmentId(a.seq), type: a.type, value: a.value, name: a.name })) : [],
            metadata_fields: includeMetadata ? exportV2MetadataView(parseEntries(metadata), ontology) : [],
            embeddings: [],
            projects: {},
          };
          const line = v2LineBuilder(ontology, params, attachmentId);
          expect(line("row-id", row, dataset)).toBe(JSON.stringify(expected));
          expect(line("row-id", row, dataset)).toBe(JSON.stringify(expected)); // cached schema parts
        }
      }
    }
  });
});
