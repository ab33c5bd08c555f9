import { atMost, expected, type Issues, isRecord, problem, rules } from "./issues.js";

/** Largest local file Labelbox accepts for direct upload: 256 MiB (a literal, so that bundlers drop it when unused). */
export const MAX_UPLOAD_BYTES = 268_435_456;
/** Labelbox's raw-text row-data limit ("64K characters"), read generously as 64 KiB. */
export const MAX_ROW_DATA_CHARS = 65_536;

/**
 * What a data row's content can be: a URL (https, gs://, or the signed URL of an upload), raw
 * text, a file to upload (`File` / `Blob`), or a JSON object (tiled imagery, conversations).
 */
export type RowDataInput = string | Blob | Readonly<Record<string, unknown>>;

/** Row data that is sent as it is, with no upload: a URL, raw text, or a JSON object. */
export type RowDataReference = string | Readonly<Record<string, unknown>>;

/** Checks row data before anything is uploaded or sent; a `File`/`Blob` will be uploaded. */
export function checkRowData(value: unknown, path: string, issues: Issues): value is RowDataInput {
  if (typeof Blob !== "undefined" && value instanceof Blob) {
    return rules(issues, path, [
      value.size > 0 || "the file is empty",
      value.size <= MAX_UPLOAD_BYTES || `the file is ${value.size} bytes; Labelbox accepts at most ${MAX_UPLOAD_BYTES}`,
    ]);
  }
  return checkSent(value, path, issues, "a URL or text string, a File/Blob, or a JSON object");
}

/**
 * Checks row data for a call that uploads nothing: a `File`/`Blob` is refused with what to do
 * instead (upload it with `uploadFile` and pass the URL it returns).
 */
export function checkRowDataReference(value: unknown, path: string, issues: Issues): value is RowDataReference {
  if (typeof Blob !== "undefined" && value instanceof Blob) return problem(issues, path, "upload the file with uploadFile() first and pass its URL");
  return checkSent(value, path, issues, "a URL or text string, or a JSON object");
}

/** Checks the row data that is sent: a URL or text within the limits, or a JSON object (`what` names all that was allowed). */
function checkSent(value: unknown, path: string, issues: Issues, what: string): boolean {
  if (typeof value === "string") {
    return rules(issues, path, [
      value.trim() !== "" || "must not be empty",
      !/^s3:\//i.test(value) || "s3 assets must start with 'https'",
      atMost(MAX_ROW_DATA_CHARS, value.length),
    ]);
  }
  return isRecord(value) || expected(issues, path, what, value);
}
