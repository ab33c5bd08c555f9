import type { MediaType } from "../generated/operation-types.js";
import { checkMetadataShape, type MetadataFieldInput } from "../metadata/serialize.js";
import { type AttachmentInput, checkAttachment, ENUM_NAME } from "../validation/attachment.js";
import { checkGlobalKey } from "../validation/global-key.js";
import { checkEach, checkOptionalString, expected, type Issues, isRecord, problem } from "../validation/issues.js";
import { checkRowData, type RowDataInput } from "../validation/row-data.js";

/** One new data row (Python `dataset.create_data_row(...)` keyword arguments, camelCased). */
export interface DataRowInput {
  /** A URL (https, or a bucket URL your IAM integration reads), raw text, a `File`/`Blob` to upload, or a JSON object. */
  readonly rowData: RowDataInput;
  /** Unique per organization, case-insensitive, at most 200 characters. */
  readonly globalKey?: string | undefined;
  readonly externalId?: string | undefined;
  readonly metadataFields?: readonly MetadataFieldInput[] | undefined;
  readonly attachments?: readonly AttachmentInput[] | undefined;
  /** e.g. `IMAGE`, `TEXT`, `CONVERSATIONAL`; the server checks it against the content. */
  readonly mediaType?: MediaType | (string & {}) | undefined;
}

/** Checks everything about a new row that needs no server: all problems, each with its path. */
export function checkDataRowInput(input: unknown, prefix: string, issues: Issues): input is DataRowInput {
  if (!isRecord(input)) return expected(issues, prefix, "an object with rowData", input);
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const before = issues.length;
  const { rowData, globalKey, mediaType, metadataFields, attachments } = input;
  if (rowData == null) problem(issues, at("rowData"), "is required");
  else checkRowData(rowData, at("rowData"), issues);
  if (globalKey != null) checkGlobalKey(globalKey, at("globalKey"), issues);
  checkOptionalString(input["externalId"], at("externalId"), issues);
  if (mediaType != null && !(typeof mediaType === "string" && ENUM_NAME.test(mediaType))) {
    expected(issues, at("mediaType"), "an upper-case media type such as IMAGE", mediaType);
  }
  if (metadataFields != null) checkMetadataShape(metadataFields, at("metadataFields"), issues);
  if (attachments != null) checkEach(attachments, at("attachments"), issues, checkAttachment);
  return issues.length === before;
}
