import { atMost, expected, type Issues, isRecord, rules } from "./issues.js";

/** Largest local file Labelbox accepts for direct upload. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
/** Labelbox's raw-text row-data limit ("64K characters"), read generously as 64 KiB. */
export const MAX_ROW_DATA_CHARS = 65_536;

/**
 * What a data row's content can be: a URL (https, gs://, or the signed URL of an upload), raw
 * text, a file to upload (`File` / `Blob`), or a JSON object (tiled imagery, conversations).
 */
export type RowDataInput = string | Blob | Readonly<Record<string, unknown>>;

/** Checks row data before anything is uploaded or sent. */
export function checkRowData(value: unknown, path: string, issues: Issues): value is RowDataInput {
  if (typeof value === "string") {
    return rules(issues, path, [
      value.trim() !== "" || "must not be empty",
      !/^s3:\//i.test(value) || "s3 assets must start with 'https' (use the object's https URL)",
      atMost(MAX_ROW_DATA_CHARS, value.length),
    ]);
  }
  if (typeof Blob !== "undefined" && value instanceof Blob) {
    return rules(issues, path, [
      value.size > 0 || "the file is empty",
      value.size <= MAX_UPLOAD_BYTES || `the file is ${value.size} bytes; Labelbox accepts at most ${MAX_UPLOAD_BYTES}`,
    ]);
  }
  return isRecord(value) || expected(issues, path, "a URL or text string, a File/Blob, or a JSON object", value);
}
