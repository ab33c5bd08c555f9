// The reserved metadata schemas. Their ids are global constants, the same in every organization,
// hard-coded in the SDK's tests and in notebook output (spec §4).
import type { MetadataSchemaRecord } from "../db/records.js";

function schema(id: string, name: string, kind: MetadataSchemaRecord["kind"], options: MetadataSchemaRecord[] = []): MetadataSchemaRecord {
  return { id, name, kind, reserved: true, parentId: null, options };
}

function option(id: string, name: string, parentId: string): MetadataSchemaRecord {
  return { id, name, kind: "CustomMetadataEnumOption", reserved: true, parentId, options: [] };
}

const SPLIT_ID = "cko8sbczn0002h2dkdaxb5kal";

/** `tag`, `split` (train/valid/test) and `captureDateTime`, in the order the cloud lists them. */
export const reservedSchemas: readonly MetadataSchemaRecord[] = [
  schema("cko8s9r5v0001h2dk9elqdidh", "tag", "CustomMetadataString"),
  schema(SPLIT_ID, "split", "CustomMetadataEnum", [
    option("cko8sbscr0003h2dk04w86hof", "train", SPLIT_ID),
    option("cko8sc2yr0004h2dk69aj5x63", "valid", SPLIT_ID),
    option("cko8scbz70005h2dkastwhgqt", "test", SPLIT_ID),
  ]),
  schema("cko8sdzv70006h2dk8jg64zvb", "captureDateTime", "CustomMetadataDateTime"),
];

/** The `embedding` schema older organizations had (SDK <= 3.3x); served only when enabled. */
export const legacyEmbeddingSchema: MetadataSchemaRecord = schema("ckpyije740000yxdk81pbgjdc", "embedding", "CustomMetadataEmbedding");
