// @lbx/core/node: Node-only helpers (local files). Kept out of the main entry so browser bundles
// never see `node:` imports.
import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { LbxClient } from "./client/client.js";
import { createDataRow, type CreateDataRowOptions } from "./data-rows/create-data-row.js";
import type { DataRowRecord } from "./data-rows/data-row-record.js";
import type { DataRowInput } from "./data-rows/validate-data-row.js";
import { ValidationError } from "./errors/classes.js";

// Content types by extension for the upload's file part, like Python's `mimetypes.guess_type`.
const TYPES: Readonly<Record<string, string>> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".bmp": "image/bmp",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
  ".svg": "image/svg+xml",
  ".mp4": "video/mp4",
  ".mov": "video/quicktime",
  ".webm": "video/webm",
  ".avi": "video/x-msvideo",
  ".mp3": "audio/mpeg",
  ".wav": "audio/x-wav",
  ".m4a": "audio/mp4",
  ".pdf": "application/pdf",
  ".txt": "text/plain",
  ".html": "text/html",
  ".htm": "text/html",
  ".json": "application/json",
  ".ndjson": "application/x-ndjson",
  ".csv": "text/csv",
  ".dcm": "application/dicom",
};

/** The content type Labelbox is told for a local file, or "" when the extension is unknown. */
export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? "";
}

/**
 * A local file as a `File`, backed by the disk (`fs.openAsBlob`): its bytes are streamed when the
 * upload is sent, not read into memory first. Pass it as `rowData` to `createDataRow`.
 *
 * @example
 * const row = await createDataRow(client, datasetId, { rowData: await fileFromPath("./cat.jpg") });
 */
export async function fileFromPath(path: string): Promise<File> {
  const info = await stat(path).catch((error: unknown) => {
    throw new ValidationError(`Cannot read ${path}: ${(error as Error).message}`, [{ path: "rowData", message: `no readable file at ${path}` }], { cause: error });
  });
  if (!info.isFile()) throw new ValidationError(`${path} is not a file`, [{ path: "rowData", message: `${path} is not a file` }]);
  const type = contentTypeOf(path);
  const blob = await openAsBlob(path, { type });
  return new File([blob], basename(path), { type });
}

/**
 * Python `dataset.create_data_row(row_data="/local/path.jpg", ...)`: uploads the file, then
 * creates the row. As in Python, `externalId` defaults to the path when not given.
 */
export async function createDataRowFromPath(
  client: LbxClient,
  datasetId: string,
  path: string,
  input: Omit<DataRowInput, "rowData"> = {},
  options?: CreateDataRowOptions,
): Promise<DataRowRecord> {
  const file = await fileFromPath(path);
  return createDataRow(client, datasetId, { ...input, rowData: file, externalId: input.externalId ?? path }, options);
}
