import { Bitset } from "../bitset.js";
import { IdentityTable } from "../identity-table.js";
import type { RowOutcome } from "../types.js";
import type { SpanRecord } from "./checkpoint.js";

/**
 * How a span is handled: `new` rows are sent as a new task; `resubmit` rows were recorded as
 * being submitted by a run that was killed before the server named the task (look for it, send
 * again only if it does not exist); `attach` rows belong to a task a previous run started.
 */
export type SpanPlan = "new" | "resubmit" | "attach";

/** How a span's task ended. */
export type TaskEnd = { readonly status: "COMPLETE" } | { readonly status: "FAILED"; readonly message: string } | { readonly status: "NONE" };

/**
 * A contiguous range of input rows that goes to the server as one task (or to no task, when
 * every row in it was decided locally). Holds only what is needed to report the rows' outcomes
 * once the task is done: identity hashes of the sent rows, and the outcomes decided locally.
 */
export class Span {
  end = -1;
  hash = "";
  /** Outcomes decided without the server (invalid rows, repeated keys, skipped rows). */
  readonly locals: RowOutcome[] = [];
  readonly identity = new IdentityTable();
  /** Uploads of this span's chunk files, in order. */
  chunkUploads: Promise<string>[] = [];
  /** Rows meant for the task, counted before skipping: what decides where spans end. */
  planned = 0;
  /** Rows sent without a global key (`AUTO` in update mode), which make the mutation unsafe to repeat. */
  autoRows = 0;
  /** Offsets (row index - start) of rows not sent because their key existed. */
  readonly skippedOffsets: number[] = [];
  /** Offsets of sent rows whose key existed before the task (update mode). */
  readonly existingOffsets: number[] = [];
  /** Skipped rows from a recorded span, whose data row ids are looked up when reported. */
  readonly skippedToLookUp: Array<{ index: number; globalKey: string }> = [];
  taskId: string | undefined;
  submittedAt: string | undefined;
  /** Settles when the span's task is over; set once the span is closed. */
  done: Promise<TaskEnd> | undefined;
  /** Decisions a previous run recorded for this span (`skip` / `update` look-ups). */
  readonly recordedSkipped: Bitset | undefined;
  readonly recordedExisting: Bitset | undefined;

  constructor(
    readonly start: number,
    readonly plan: SpanPlan,
    readonly record: SpanRecord | undefined,
  ) {
    this.taskId = record?.taskId;
    this.submittedAt = record?.submittedAt;
    const size = record ? record.end - record.start : 0;
    this.recordedSkipped = record?.skipped !== undefined ? Bitset.fromBase64(record.skipped, size) : undefined;
    this.recordedExisting = record?.existing !== undefined ? Bitset.fromBase64(record.existing, size) : undefined;
  }

  /** Rows in the task's chunk files. */
  get sent(): number {
    return this.identity.size;
  }

  get length(): number {
    return this.end - this.start;
  }

  bitset(offsets: readonly number[]): string | undefined {
    if (offsets.length === 0) return undefined;
    const bits = new Bitset(this.length);
    for (const o of offsets) bits.set(o);
    return bits.toBase64();
  }

  /** The checkpoint record of this span in `state`. */
  toRecord(state: SpanRecord["state"]): SpanRecord {
    const skipped = this.bitset(this.skippedOffsets);
    const existing = this.bitset(this.existingOffsets);
    return {
      start: this.start,
      end: this.end,
      hash: this.hash,
      state,
      submittedAt: this.submittedAt ?? new Date(0).toISOString(),
      ...(this.taskId ? { taskId: this.taskId } : {}),
      ...(skipped ? { skipped } : {}),
      ...(existing ? { existing } : {}),
    };
  }
}
