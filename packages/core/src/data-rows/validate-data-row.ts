import type { MediaType } from "../generated/operation-types.js";
import { checkMetadataShape, type MetadataFieldInput } from "../metadata/serialize.js";
import { type AttachmentInput, checkAttachment, ENUM_NAME, isValidAttachment } from "../validation/attachment.js";
import { checkGlobalKey } from "../validation/global-key.js";
import { checkEach, checkOptionalString, describe, expected, type Issues, isRecord, problem } from "../validation/issues.js";
import { checkRowData, type RowDataInput } from "../validation/row-data.js";

/** What every new row may carry besides its content and metadata (shared by both create functions). */
export interface DataRowFieldsInput {
  /** Unique per organization, case-insensitive, at most 200 characters. */
  readonly globalKey?: string | undefined;
  readonly externalId?: string | undefined;
  readonly attachments?: readonly AttachmentInput[] | undefined;
  /** e.g. `IMAGE`, `TEXT`, `CONVERSATIONAL`; the server checks it against the content. */
  readonly mediaType?: MediaType | (string & {}) | undefined;
}

/** One new data row (Python `dataset.create_data_row(...)` keyword arguments, camelCased). */
export interface DataRowInput extends DataRowFieldsInput {
  /** A URL (https, or a bucket URL your IAM integration reads), raw text, a `File`/`Blob` to upload, or a JSON object. */
  readonly rowData: RowDataInput;
  readonly metadataFields?: readonly MetadataFieldInput[] | undefined;
}

/** A check of one field: records its problems at `path`. */
export type FieldCheck = (value: unknown, path: string, issues: Issues) => unknown;

/**
 * Checks everything about a new row that needs no server: all problems, each with its path. A key
 * that is not a field of {@link DataRowInput} is one, at its own path, naming the field it resembles.
 */
export function checkDataRowInput(input: unknown, prefix: string, issues: Issues): input is DataRowInput {
  if (!isRecord(input)) return expected(issues, prefix, "an object with rowData", input);
  const before = issues.length;
  checkNewRow(input, (field) => (prefix ? `${prefix}.${field}` : field), issues, checkRowData, checkMetadataShape, unknownFieldHint);
  return issues.length === before;
}

/**
 * @internal The checks of a new row, with the row data and metadata checks of the create function
 * that takes it, in the order the fields are listed; `at` turns a field name into its path. `hint`
 * adds to the message for a key that is not a field (the classic create leaves it out: its browser
 * bundle has a size budget, see scripts/size.mjs).
 */
export function checkNewRow(
  input: Record<string, unknown>,
  at: (field: string) => string,
  issues: Issues,
  checkContent: FieldCheck,
  checkMetadata: FieldCheck,
  hint: (key: string) => string = () => "",
): void {
  const { rowData, globalKey, mediaType, metadataFields, attachments } = input;
  if (rowData == null) problem(issues, at("rowData"), "is required");
  else checkContent(rowData, at("rowData"), issues);
  if (globalKey != null) checkGlobalKey(globalKey, at("globalKey"), issues);
  checkOptionalString(input["externalId"], at("externalId"), issues);
  if (mediaType != null && !(typeof mediaType === "string" && ENUM_NAME.test(mediaType))) {
    expected(issues, at("mediaType"), "an upper-case type such as IMAGE or TEXT", mediaType);
  }
  if (metadataFields != null) checkMetadata(metadataFields, at("metadataFields"), issues);
  if (attachments != null) checkEach(attachments, at("attachments"), issues, checkAttachment, "an array", isValidAttachment);
  // Any other key is a problem: a misspelled field (`global_key`, `externalid`) would otherwise be
  // dropped without a word, and a lost global key silently loses the row's duplicate protection.
  // (`for in`, not `Object.keys`: no array per row of a bulk import.)
  for (const key in input) if (!ROW_FIELDS.includes(key)) problem(issues, at(key), `unknown field ${describe(key)}${hint(key)}`);
}

/** The fields of a new row (both create functions take the same). */
const ROW_FIELDS: readonly string[] = ["rowData", "globalKey", "externalId", "mediaType", "metadataFields", "attachments"];

/** The field an unknown key resembles: the same name but for case, `_` and `-`, or one it starts (`metadata`). */
function unknownFieldHint(key: string): string {
  const name = key.toLowerCase().replace(/[_-]/g, "");
  const meant = ROW_FIELDS.find((f) => f.toLowerCase().startsWith(name) && (name.length > 4 || f.length === name.length));
  return meant ? `; did you mean "${meant}"?` : `; a data row has ${ROW_FIELDS.join(", ")}`;
}
