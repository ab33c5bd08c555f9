/**
 * The public contract of @lbx/bulk. The CLI and users code against these types; change them only
 * deliberately (and the CLI with them).
 */
import type { DataRowInput, LbxClient } from "@lbx/core";
import type { ChunkLimits } from "./chunk.js";
import type { UnreadableRow } from "./input.js";
import type { TaskHandle } from "./task-handle.js";

export type { DataRowInput, LbxClient };

/** What to do with a row whose global key already belongs to a data row in the organization. */
export type DuplicatePolicy =
  /** Send it as a new row; the server rejects it and the row's outcome is `failed` (`DUPLICATE_GLOBAL_KEY`). */
  | "fail"
  /** Do not send it; its outcome is `skipped`, with the existing row's id. */
  | "skip"
  /** Upsert by global key: the existing row is updated with this row's fields; outcome `updated`. */
  | "update";

/** One outcome per input row, reported in input order. `index` is the row's 0-based input position. */
export type RowOutcome =
  | { readonly index: number; readonly status: "created"; readonly dataRowId: string; readonly globalKey?: string }
  | { readonly index: number; readonly status: "updated"; readonly dataRowId: string; readonly globalKey?: string }
  | {
      readonly index: number;
      readonly status: "skipped";
      readonly reason: string;
      readonly dataRowId?: string;
      readonly globalKey?: string;
    }
  | {
      readonly index: number;
      readonly status: "failed";
      /** Stable code: `INVALID_ROW` (failed validation, never sent), `DUPLICATE_GLOBAL_KEY`, `NO_RESULT`, ... */
      readonly code: string;
      readonly message: string;
      /** For validation failures: every problem with its field path. */
      readonly issues?: readonly { readonly path: string; readonly message: string }[];
      readonly globalKey?: string;
    };

export interface ImportSummary {
  readonly total: number;
  readonly created: number;
  readonly updated: number;
  readonly skipped: number;
  readonly failed: number;
  /** Server task ids, in the order they were started. */
  readonly taskIds: readonly string[];
  readonly seconds: number;
  /** When the run resumed a checkpoint: input rows whose outcomes an earlier run reported (counted above, not in `outcomes`). */
  readonly resumedAt?: number;
  /** Results the server reported that matched no sent row (never dropped silently; normally 0). */
  readonly unmatchedResults?: number;
}

export interface ImportProgress {
  readonly validated: number;
  readonly uploaded: number;
  readonly processed: number;
  readonly failed: number;
  readonly rowsPerSecond: number;
  /** Estimated seconds left, when the total is known (array input, or a file with a known row count). */
  readonly etaSeconds?: number;
  /** Seconds since this run started. */
  readonly elapsedSeconds?: number;
  /** Server tasks started (or re-attached) and finished by this run. */
  readonly tasksStarted?: number;
  readonly tasksDone?: number;
  /** The expected number of input rows, when known. */
  readonly total?: number;
}

/** Where a run records its progress so that a killed run can resume without importing a row twice. */
export interface CheckpointStore {
  load(): Promise<unknown | undefined>;
  save(state: unknown): Promise<void>;
  clear(): Promise<void>;
}

export interface ImportOptions {
  /** Default `"fail"`. */
  readonly onDuplicate?: DuplicatePolicy;
  /** Upsert tasks in flight at once. Default 4. */
  readonly concurrency?: number;
  readonly limits?: Partial<ChunkLimits>;
  readonly checkpoint?: CheckpointStore;
  readonly signal?: AbortSignal;
  /** Deadline for each server task; past it the import fails with a TaskTimeoutError carrying the task id. */
  readonly taskTimeoutMs?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Called once per input row, in input order. */
  readonly onOutcome?: (outcome: RowOutcome) => void;
  /**
   * Called once per failed row, in input order. Cheaper than `onOutcome` for large imports: when
   * nobody needs the id of each created row (no `onOutcome`, `collectOutcomes: false`), only the
   * server's failure pages are read.
   */
  readonly onFailure?: (outcome: Extract<RowOutcome, { status: "failed" }>) => void;
  /** Keep every outcome in the result. Default true; turn off for inputs too large to hold. */
  readonly collectOutcomes?: boolean;
  /**
   * Known (or estimated) number of input rows: for the time-left estimate, and so the last tasks
   * are small (see `limits.firstTaskRows`). A wrong estimate costs nothing but that.
   */
  readonly expectedTotal?: number;
  /** Called when a server task starts (or, on resume, is re-attached), with the input rows it covers. */
  readonly onTask?: (task: TaskHandle, rows: { readonly start: number; readonly end: number }) => void;
  /** Chunk files being uploaded at once. Default 2 (each holds up to `limits.maxChunkBytes`). */
  readonly maxUploadsInFlight?: number;
  /** Global keys per look-up job when `onDuplicate` is `skip` or `update`. Default 1,000. */
  readonly lookupBatchSize?: number;
  /** Attempts for each step that is safe to repeat, on top of the transport's own retries. Default 8. */
  readonly retryAttempts?: number;
}

export interface ImportResult {
  readonly summary: ImportSummary;
  /**
   * One per input row in input order (empty when `collectOutcomes` is false). A resumed run holds
   * the rows it reported itself; `summary` counts the earlier runs' rows too.
   */
  readonly outcomes: readonly RowOutcome[];
}

/**
 * Rows to import. A file reader may yield an {@link UnreadableRow} in place of a row it could not
 * parse; that row is reported as failed and the rest go on.
 */
export type RowSource = Iterable<DataRowInput | UnreadableRow> | AsyncIterable<DataRowInput | UnreadableRow>;
