import type { LbxClient } from "../client/client.js";
import { resolveMetadata } from "../metadata/resolve.js";
import { uploadFile } from "../uploads/upload-file.js";
import { checkMetadataShape } from "../metadata/serialize.js";
import { checkNonEmptyString, isRecord, type Issues, throwIfIssues } from "../validation/issues.js";
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
  checkDataRowInput(input, "", issues);
  // Metadata kinds need the ontology. It is fetched whenever the metadata list itself is well
  // shaped, even if other fields are wrong, so that a bad option or unknown field is reported with
  // them instead of on the next attempt. For a valid row this is the request it always made.
  const fields: unknown = isRecord(input) ? input["metadataFields"] : undefined;
  const wellShaped = Array.isArray(fields) && fields.length > 0 && checkMetadataShape(fields, "metadataFields", []);
  let metadata: DataRowWireFields["metadata_fields"];
  if (wellShaped) {
    const othersWrong = issues.length > 0;
    try {
      metadata = await resolveMetadata(client, fields, "metadataFields", issues, options);
    } catch (error) {
      // The problems already found are the news: an unreachable ontology must not hide them.
      if (!othersWrong) throw error;
    }
  }
  throwIfIssues("createDataRow", issues);
  const { rowData } = input;
  return {
    rowData: rowData instanceof Blob ? await uploadFile(client, rowData, { ...options, filename: options.filename }) : rowData,
    fields: toWireFields(input, metadata),
  };
}
