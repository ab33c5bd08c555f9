import type { LbxClient } from "../client/client.js";
import { type CallOptions, executeOperation } from "../client/request.js";
import { LabelboxError } from "../errors/classes.js";
import { CreateDataRowPyApiDocument } from "../generated/documents.js";
import type { CreateDataRowPyApiMutationVariables } from "../generated/operation-types.js";
import { checkResolvedMetadata, type ResolvedMetadataFields } from "../metadata/resolved-fields.js";
import { checkNonEmptyString, expected, type Issues, isRecord, throwIfIssues } from "../validation/issues.js";
import { checkRowDataReference, type RowDataReference } from "../validation/row-data.js";
import { type DataRowRecord, toDataRowRecord } from "./data-row-record.js";
import { checkNewRow, type DataRowFieldsInput } from "./validate-data-row.js";
import { toWireFields } from "./wire-fields.js";

/**
 * One new data row for {@link createDataRowClassic}: the fields of {@link DataRowInput}, but row
 * data that needs no upload and metadata already resolved, each prepared by its own call.
 */
export interface ClassicDataRowInput extends DataRowFieldsInput {
  /**
   * A URL (https, or a bucket URL your IAM integration reads), raw text, or a JSON object. For a
   * local `File`/`Blob`, pass the URL `await uploadFile(client, file)` returns.
   */
  readonly rowData: RowDataReference;
  /** Metadata as `await resolveMetadataFields(client, fields)` returns it (fields by name or schema id). */
  readonly metadataFields?: ResolvedMetadataFields | undefined;
}

/**
 * Python 3.x `dataset.create_data_row(...)`: one `CreateDataRowPyApi` mutation (the protocol of SDK
 * 3.30 – 3.74, spec §5.1) that creates the row and returns it, with the server's errors reported
 * synchronously. A JSON object row data is sent as JSON text.
 *
 * One request instead of {@link createDataRow}'s nine, and the smallest browser bundle, because
 * it does only that request: a local file is uploaded by {@link uploadFile} and metadata is
 * checked against the ontology by {@link resolveMetadataFields}, each a call you compose (see
 * the example), so an app that needs neither does not bundle them. The Python SDK stopped sending
 * this mutation in 3.75, and whether the Labelbox cloud still accepts it is not known (spec §0.1).
 *
 * Everything is validated before the request (global key, row data, external id, media type,
 * attachments), every problem at once with its path; a `File`/`Blob` row data, or metadata that
 * did not come from `resolveMetadataFields`, is refused there too (at `rowData`,
 * `metadataFields`). A global key another row holds throws {@link ConflictError}; anything else
 * the server refuses throws {@link ValidationError}.
 *
 * @example
 * const row = await createDataRowClassic(client, dataset.id, {
 *   rowData: file ? await uploadFile(client, file) : "https://storage.googleapis.com/labelbox-sample-datasets/Docs/basic.jpg",
 *   globalKey: "basic-1",
 *   metadataFields: await resolveMetadataFields(client, [{ name: "tag", value: "cat" }, { name: "split", value: "train" }]),
 *   attachments: [{ type: "RAW_TEXT", value: "a note", name: "note" }],
 * });
 */
export async function createDataRowClassic(
  client: LbxClient,
  datasetId: string,
  input: ClassicDataRowInput,
  options: CallOptions = {},
): Promise<DataRowRecord> {
  const issues: Issues = [];
  checkNonEmptyString(datasetId, "datasetId", issues);
  if (isRecord(input)) checkNewRow(input, (field) => field, issues, checkRowDataReference, checkResolvedMetadata);
  else expected(issues, "", "an object with rowData", input);
  throwIfIssues("createDataRowClassic", issues);
  const { rowData } = input;
  // Python 3.49's variables: its snake_case keyword arguments in this order, then the dataset.
  // (Cast: attachment and media types are open strings; the generated enums list today's only.)
  const variables = {
    row_data: typeof rowData === "string" ? rowData : JSON.stringify(rowData),
    ...toWireFields(input, input.metadataFields),
    dataset: datasetId,
  } as CreateDataRowPyApiMutationVariables;
  // Creating a row is not safe to repeat: retry middleware must not resend it.
  const operation = { name: "CreateDataRowPyApi", kind: "mutation", idempotent: false } as const;
  const { createDataRow: row } = await executeOperation(client, operation, CreateDataRowPyApiDocument, variables, options);
  if (!row) throw new LabelboxError("BAD_RESPONSE", "The response has no data row", { operationName: "CreateDataRowPyApi" });
  return toDataRowRecord(row);
}
