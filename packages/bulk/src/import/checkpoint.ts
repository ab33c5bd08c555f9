import type { CheckpointStore } from "../types.js";
import { CheckpointMismatchError } from "../errors.js";

/**
 * What an import records so that a killed run can be started again on the same input without
 * importing any row twice. Everything before `doneBefore` has had its outcome reported. Each span
 * after it (a contiguous range of input rows that is one server task) is recorded BEFORE its
 * `upsertDataRows` is sent (`submitting`, with the time) and again once the server named the task
 * (`submitted`, with its id). On resume, a `submitted` span is re-attached to its task, and a
 * `submitting` span is first looked for among the tasks created since that time, then sent again
 * only if the server has none (see `reconcile.ts`).
 */
export interface SpanRecord {
  /** First input row of the span. */
  readonly start: number;
  /** One past its last input row. */
  readonly end: number;
  /** Fingerprint of input rows [0, end): a resumed run must read exactly these rows. */
  readonly hash: string;
  readonly state: "submitting" | "submitted";
  /** Client time just before `upsertDataRows` was sent, ISO 8601. */
  readonly submittedAt: string;
  readonly taskId?: string;
  /** `onDuplicate: "skip"`: rows not sent because their key existed (base64 bitset over [start, end)). */
  readonly skipped?: string;
  /** `onDuplicate: "update"`: rows whose key existed before the task, so their outcome is `updated`. */
  readonly existing?: string;
}

export interface Counts {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

export interface CheckpointState {
  readonly format: typeof FORMAT;
  /** Dataset and options that decide what is sent; a resume must use the same. */
  readonly fingerprint: string;
  doneBefore: number;
  /** Fingerprint of input rows [0, doneBefore). */
  doneHash: string;
  counts: Counts;
  /** Every task this import started, in order, across runs. */
  taskIds: string[];
  /** Results the server reported that matched no sent row, across runs. */
  unmatchedResults: number;
  spans: SpanRecord[];
}

export const FORMAT = "lbx-bulk-import/1";

export function freshState(fingerprint: string, initialHash: string): CheckpointState {
  return { format: FORMAT, fingerprint, doneBefore: 0, doneHash: initialHash, counts: { created: 0, updated: 0, skipped: 0, failed: 0 }, taskIds: [], unmatchedResults: 0, spans: [] };
}

/** Checks a loaded checkpoint and that it belongs to this import. */
export function resumeState(loaded: unknown, fingerprint: string): CheckpointState {
  const state = loaded as Partial<CheckpointState> | null;
  const bad = (why: string): never => {
    throw new CheckpointMismatchError(`The checkpoint is not a usable lbx import checkpoint (${why})`);
  };
  if (!state || typeof state !== "object" || state.format !== FORMAT) bad(`format is not ${FORMAT}`);
  if (state!.fingerprint !== fingerprint) {
    throw new CheckpointMismatchError(
      `The checkpoint was written by an import with another dataset or other options (${state!.fingerprint}); this import is ${fingerprint}`,
    );
  }
  const s = state as CheckpointState;
  if (!Number.isInteger(s.doneBefore) || s.doneBefore < 0 || typeof s.doneHash !== "string") bad("doneBefore/doneHash");
  if (!s.counts || !Array.isArray(s.taskIds) || !Array.isArray(s.spans)) bad("counts/taskIds/spans");
  // Spans are recorded as they are submitted, which is not always in input order: a gap is a
  // span that had not been submitted yet, and is cut and sent again like any new span.
  const spans = [...s.spans].sort((a, b) => a.start - b.start);
  let at = s.doneBefore;
  for (const span of spans) {
    if (!(span.start >= at) || !(span.end > span.start) || (span.state !== "submitting" && span.state !== "submitted")) bad(`span at row ${span.start}`);
    if (span.state === "submitted" && typeof span.taskId !== "string") bad(`span at row ${span.start} has no task id`);
    at = span.end;
  }
  return { ...s, counts: { ...s.counts }, taskIds: [...s.taskIds], spans, unmatchedResults: s.unmatchedResults ?? 0 };
}

/**
 * Holds the state and saves it after every change: one save at a time, in order, so the store
 * never sees an older state after a newer one. Changes made while a save waits to start are
 * written by that one save.
 */
export class CheckpointWriter {
  private chain: Promise<void> = Promise.resolve();
  /** A save that is scheduled but has not taken its snapshot yet. */
  private next: Promise<void> | undefined;

  constructor(
    readonly state: CheckpointState,
    private readonly store: CheckpointStore | undefined,
  ) {}

  /** Applies `change` and resolves once a state that includes it is saved. */
  update(change: (state: CheckpointState) => void): Promise<void> {
    change(this.state);
    if (!this.store) return Promise.resolve();
    if (this.next) return this.next;
    const store = this.store;
    const saved = this.chain.then(() => {
      this.next = undefined;
      return store.save(structuredClone(this.state));
    });
    this.next = saved;
    this.chain = saved.catch(() => undefined);
    return saved;
  }

  /** Replaces the record of the span that starts at `start`, or appends it. */
  recordSpan(record: SpanRecord): Promise<void> {
    return this.update((state) => {
      const i = state.spans.findIndex((s) => s.start === record.start);
      if (i >= 0) state.spans[i] = record;
      else {
        state.spans.push(record);
        state.spans.sort((a, b) => a.start - b.start);
      }
      if (record.taskId && !state.taskIds.includes(record.taskId)) state.taskIds.push(record.taskId);
    });
  }

  async clear(): Promise<void> {
    await this.chain;
    await this.store?.clear();
  }
}
