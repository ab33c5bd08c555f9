import type { DataRowCustomMetadataUpsertInput } from "../generated/operation-types.js";
import type { DataRowFieldsInput } from "./validate-data-row.js";

/**
 * The snake_case fields both create protocols send after `row_data`, in the order the Python SDK
 * writes them. Absent values are `undefined`, which `JSON.stringify` leaves out (never `null`).
 */
export interface DataRowWireFields {
  global_key: string | undefined;
  external_id: string | undefined;
  metadata_fields: readonly DataRowCustomMetadataUpsertInput[] | undefined;
  attachments: { type: string; value: string; name: string | undefined }[] | undefined;
  media_type: string | undefined;
}

/** @internal A checked row's fields in wire form, with its metadata already serialized. */
export function toWireFields(input: DataRowFieldsInput, metadata: readonly DataRowCustomMetadataUpsertInput[] | undefined): DataRowWireFields {
  const { attachments } = input;
  return {
    global_key: input.globalKey ?? undefined,
    external_id: input.externalId ?? undefined,
    metadata_fields: metadata?.length ? metadata : undefined,
    attachments: attachments?.length ? attachments.map((a) => ({ type: a.type, value: a.value, name: a.name ?? undefined })) : undefined,
    media_type: input.mediaType ?? undefined,
  };
}
