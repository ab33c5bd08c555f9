import type { LbxClient } from "@lbx/core";
import { importDataRows } from "../import/run.js";
import type { ImportOptions, ImportResult } from "../types.js";
import { fileCheckpoint } from "./file-checkpoint.js";
import { countRows, readRows, type ReadRowsOptions } from "./read-rows.js";

export interface ImportFileOptions extends Omit<ImportOptions, "checkpoint">, ReadRowsOptions {
  /**
   * Keep the import's checkpoint in this file: if the run is killed, running the same call again
   * resumes it, and no row is imported twice. Deleted when the import completes.
   */
  readonly checkpointFile?: string;
}

/**
 * Imports the rows of an NDJSON / CSV / JSON file or a folder of files (see `readRows`) with a
 * time-left estimate (the file's rows are counted first) and, with `checkpointFile`, resume.
 *
 * @example
 * const { summary } = await importFile(client, dataset.id, "./rows.ndjson", {
 *   checkpointFile: "./rows.checkpoint.json",
 *   collectOutcomes: false,
 *   onOutcome: (o) => { if (o.status === "failed") console.error(o.index, o.code, o.message) },
 * });
 */
export async function importFile(client: LbxClient, datasetId: string, file: string, options: ImportFileOptions = {}): Promise<ImportResult> {
  const { checkpointFile, format, baseDir, globalKeyOf, recursive, ...rest } = options;
  const read: ReadRowsOptions = { ...(format ? { format } : {}), ...(baseDir ? { baseDir } : {}), ...(globalKeyOf ? { globalKeyOf } : {}), ...(recursive !== undefined ? { recursive } : {}) };
  const expectedTotal = rest.expectedTotal ?? (await countRows(file, read));
  return importDataRows(client, datasetId, readRows(file, read), {
    ...rest,
    expectedTotal,
    ...(checkpointFile ? { checkpoint: fileCheckpoint(checkpointFile) } : {}),
  });
}
