// @lbx/bulk: bulk work on Labelbox data rows that never loses a row. Streaming chunked import with
// one outcome per input row in input order, resume from a checkpoint, task handles that never
// return silently, a streaming export, and bulk delete / global-key jobs with per-row results.
// Runs anywhere `@lbx/core` runs; Node-only helpers (files, folders, file checkpoints) are in
// `@lbx/bulk/node`.

export { createDataRows, importDataRows, upsertDataRows } from "./import/run.js";
export type {
  CheckpointStore,
  DataRowInput,
  DuplicatePolicy,
  ImportOptions,
  ImportProgress,
  ImportResult,
  ImportSummary,
  LbxClient,
  RowOutcome,
  RowSource,
} from "./types.js";
export { UnreadableRow } from "./input.js";
export { CheckpointMismatchError, InputReadError } from "./errors.js";
export { memoryCheckpoint } from "./memory-checkpoint.js";

export { isFinished, pollDelayMs, taskHandle } from "./task-handle.js";
export type { TaskHandle, TaskProgress, WaitTillDoneOptions } from "./task-handle.js";

export { exportDataRowBytes, exportDataRows, DEFAULT_EXPORT_TIMEOUT_SECONDS } from "./export/export-data-rows.js";
export { MAX_IDS_PER_EXPORT } from "./export/filters.js";
export type { ExportedDataRow, ExportOptions } from "./export/types.js";

export { bulkDeleteDataRows } from "./bulk-delete.js";
export type { BulkDeleteOptions, BulkDeleteResult, DeleteOutcome } from "./bulk-delete.js";
export { assignGlobalKeys, lookupGlobalKeys } from "./global-keys.js";
export type { AssignOutcome, AssignResult, GlobalKeyJobsOptions, LookupOutcome, LookupResult } from "./global-keys.js";

export { DEFAULT_CHUNK_LIMITS, SERVER_CHUNK_LIMITS } from "./chunk.js";
export type { ChunkLimits } from "./chunk.js";
export { NdjsonParseError, ndjsonLineBatches, ndjsonLines, parseNdjson, type NdjsonOptions } from "./ndjson.js";
