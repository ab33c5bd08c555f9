import type { MediaType } from "../generated/operation-types.js";
import { checkMetadataShape, type MetadataFieldInput } from "../metadata/serialize.js";
import { type AttachmentInput, checkAttachment } from "../validation/attachment.js";
import { checkGlobalKey } from "../validation/global-key.js";
import { describe, type Issues } from "../validation/issues.js";
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
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  if (typeof input !== "object" || input === null) {
    issues.push({ path: prefix, message: `must be an object with rowData, got ${describe(input)}` });
    return false;
  }
  const before = issues.length;
  const row = input as Record<string, unknown>;
  if (row["rowData"] === undefined || row["rowData"] === null) issues.push({ path: at("rowData"), message: "is required" });
  else checkRowData(row["rowData"], at("rowData"), issues);
  if (row["globalKey"] != null) checkGlobalKey(row["globalKey"], at("globalKey"), issues);
  if (row["externalId"] != null && typeof row["externalId"] !== "string") {
    issues.push({ path: at("externalId"), message: `must be a string, got ${describe(row["externalId"])}` });
  }
  if (row["mediaType"] != null && !(typeof row["mediaType"] === "string" && /^[A-Z][A-Z0-9_]*$/.test(row["mediaType"]))) {
    issues.push({ path: at("mediaType"), message: `must be an upper-case media type such as IMAGE, got ${describe(row["mediaType"])}` });
  }
  if (row["metadataFields"] != null) checkMetadataShape(row["metadataFields"], at("metadataFields"), issues);
  const attachments = row["attachments"];
  if (attachments != null) {
    if (!Array.isArray(attachments)) issues.push({ path: at("attachments"), message: `must be an array, got ${describe(attachments)}` });
    else attachments.forEach((a: unknown, i) => checkAttachment(a, `${at("attachments")}[${i}]`, issues));
  }
  return issues.length === before;
}
