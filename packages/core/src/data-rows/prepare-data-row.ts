import type { LbxClient } from "../client/client.js";
import { resolveMetadata } from "../metadata/resolve.js";
import { uploadFile } from "../uploads/upload-file.js";
import { checkNonEmptyString, type Issues, throwIfIssues } from "../validation/issues.js";
import type { CreateDataRowOptions } from "./create-data-row.js";
import { checkDataRowInput, type DataRowInput } from "./validate-data-row.js";
import { type DataRowWireFields, toWireFields } from "./wire-fields.js";

/** A new row, checked and ready for the upsert protocol. */
export interface PreparedDataRow {
  /** A URL or text (a `Blob` has been uploaded and replaced by its URL), or a JSON object. */
  readonly rowData: string | Readonly<Record<string, unknown>>;
  readonly fields: DataRowWireFields;
}

/**
 * @internal What {@link createDataRow} does before its first write: check everything (all
 * problems at once, each with its path; metadata against the cached ontology), then upload a
 * `File`/`Blob` row data. Nothing is uploaded for an input that would be refused.
 */
export async function prepareDataRow(
  client: LbxClient,
  datasetId: string,
  input: DataRowInput,
  options: CreateDataRowOptions,
): Promise<PreparedDataRow> {
  const issues: Issues = [];
  checkNonEmptyString(datasetId, "datasetId", issues);
  const shapeOk = checkDataRowInput(input, "", issues);
  // Metadata kinds need the ontology; fetch it only if the rest of the row could be checked.
  const metadata =
    shapeOk && input.metadataFields?.length ? await resolveMetadata(client, input.metadataFields, "metadataFields", issues, options) : undefined;
  throwIfIssues("createDataRow", issues);
  const { rowData } = input;
  return {
    rowData: rowData instanceof Blob ? await uploadFile(client, rowData, { ...options, filename: options.filename }) : rowData,
    fields: toWireFields(input, metadata),
  };
}
