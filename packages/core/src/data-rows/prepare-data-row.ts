import type { LbxClient } from "../client/client.js";
import type { DataRowCustomMetadataUpsertInput } from "../generated/operation-types.js";
import { resolveMetadata } from "../metadata/resolve.js";
import { uploadFile } from "../uploads/upload-file.js";
import { checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";
import type { CreateDataRowOptions } from "./create-data-row.js";
import { checkDataRowInput, type DataRowInput } from "./validate-data-row.js";

/**
 * The snake_case fields both create protocols send after `row_data`, in the order the Python SDK
 * writes them. Absent values are `undefined`, which `JSON.stringify` leaves out (never `null`).
 */
export interface DataRowWireFields {
  global_key: string | undefined;
  external_id: string | undefined;
  metadata_fields: DataRowCustomMetadataUpsertInput[] | undefined;
  attachments: { type: string; value: string; name: string | undefined }[] | undefined;
  media_type: string | undefined;
}

/** A new row, checked and ready for either create protocol. */
export interface PreparedDataRow {
  /** A URL or text (a `Blob` has been uploaded and replaced by its URL), or a JSON object. */
  readonly rowData: string | Readonly<Record<string, unknown>>;
  readonly fields: DataRowWireFields;
}

/**
 * @internal What both create protocols do before their first write: check everything (all
 * problems at once, each with its path; metadata against the cached ontology), then upload a
 * `File`/`Blob` row data. Nothing is uploaded for an input that would be refused.
 */
export async function prepareDataRow(
  client: LbxClient,
  datasetId: string,
  input: DataRowInput,
  options: CreateDataRowOptions,
  operation: string,
): Promise<PreparedDataRow> {
  const issues: Issues = [];
  checkNonEmptyString(datasetId, "datasetId", issues);
  const shapeOk = checkDataRowInput(input, "", issues);
  // Metadata kinds need the ontology; fetch it only if the rest of the row could be checked.
  const metadata =
    shapeOk && input.metadataFields?.length ? await resolveMetadata(client, input.metadataFields, "metadataFields", issues, options) : undefined;
  throwIfIssues(operation, issues);
  const { rowData, attachments } = input;
  return {
    rowData: rowData instanceof Blob ? await uploadFile(client, rowData, { ...options, filename: options.filename }) : rowData,
    fields: {
      global_key: input.globalKey ?? undefined,
      external_id: input.externalId ?? undefined,
      metadata_fields: metadata,
      attachments: attachments?.length ? attachments.map((a) => ({ type: a.type, value: a.value, name: a.name ?? undefined })) : undefined,
      media_type: input.mediaType ?? undefined,
    },
  };
}
