import { describe, type Issues } from "./issues.js";

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
    if (value.trim() === "") issues.push({ path, message: "must not be empty" });
    else if (/^s3:\//i.test(value)) issues.push({ path, message: "s3 assets must start with 'https' (use the object's https URL)" });
    else if (value.length > MAX_ROW_DATA_CHARS) {
      issues.push({ path, message: `must be at most ${MAX_ROW_DATA_CHARS} characters, got ${value.length}` });
    } else return true;
    return false;
  }
  if (typeof Blob !== "undefined" && value instanceof Blob) {
    if (value.size === 0) issues.push({ path, message: "the file is empty" });
    else if (value.size > MAX_UPLOAD_BYTES) {
      issues.push({ path, message: `the file is ${value.size} bytes; Labelbox accepts at most ${MAX_UPLOAD_BYTES}` });
    } else return true;
    return false;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return true;
  issues.push({ path, message: `must be a URL or text string, a File/Blob, or a JSON object, got ${describe(value)}` });
  return false;
}
