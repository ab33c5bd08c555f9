// @lbx/bulk/node: Node-only helpers: read rows from NDJSON / CSV / JSON files and folders of local
// files, keep an import's checkpoint in a file, write an export to a file. Kept out of the main
// entry so browser bundles never see `node:` imports.
export { countRows, formatOf, readRows } from "./node/read-rows.js";
export type { FileRow, ReadRowsOptions, RowFileFormat } from "./node/read-rows.js";
export { fileCheckpoint } from "./node/file-checkpoint.js";
export { exportDataRowsToFile } from "./node/export-file.js";
export type { ExportFileResult } from "./node/export-file.js";
export { importFile } from "./node/import-file.js";
export type { ImportFileOptions } from "./node/import-file.js";
