import { Bitset } from "../bitset.js";
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

/**
 * Checks a loaded checkpoint and that it belongs to this import. A checkpoint is read from outside
 * (a file, a caller's store), so every field is checked before it is used: a field of the wrong
 * shape would otherwise surface later as a wrong summary (`"5" + 0` is `"50"`) or a bare
 * TypeError. Each problem is reported as a CheckpointMismatchError naming the field.
 */
export function resumeState(loaded: unknown, fingerprint: string): CheckpointState {
  if (!isRecord(loaded) || loaded.format !== FORMAT) unusable(`format is not ${FORMAT}`);
  const state = loaded as Record<string, unknown>;
  if (state.fingerprint !== fingerprint) {
    throw new CheckpointMismatchError(
      `The checkpoint was written by an import with another dataset or other options (${String(state.fingerprint)}); this import is ${fingerprint}`,
    );
  }
  const doneBefore = count(state.doneBefore, "doneBefore");
  const doneHash = text(state.doneHash, "doneHash");
  if (!isRecord(state.counts)) unusable("counts is not an object");
  const c = state.counts as Record<string, unknown>;
  const counts: Counts = {
    created: count(c.created, "counts.created"),
    updated: count(c.updated, "counts.updated"),
    skipped: count(c.skipped, "counts.skipped"),
    failed: count(c.failed, "counts.failed"),
  };
  if (!Array.isArray(state.taskIds)) unusable("taskIds is not a list");
  const taskIds = (state.taskIds as unknown[]).map((id, i) => text(id, `taskIds[${i}]`));
  // Optional, as it always was (read as 0 when absent); present, it must be a count.
  const unmatchedResults = state.unmatchedResults === undefined ? 0 : count(state.unmatchedResults, "unmatchedResults");
  if (!Array.isArray(state.spans)) unusable("spans is not a list");
  // Spans are recorded as they are submitted, which is not always in input order: a gap is a
  // span that had not been submitted yet, and is cut and sent again like any new span.
  const spans = (state.spans as unknown[]).map((raw, i) => spanRecord(raw, `spans[${i}]`)).sort((a, b) => a.start - b.start);
  let at = doneBefore;
  for (const span of spans) {
    if (span.start < at) unusable(`spans: span at row ${span.start} overlaps rows before ${at}, already done or in another span`);
    at = span.end;
  }
  return { format: FORMAT, fingerprint, doneBefore, doneHash, counts, taskIds, unmatchedResults, spans };
}

function spanRecord(raw: unknown, field: string): SpanRecord {
  if (!isRecord(raw)) unusable(`${field} is not an object`);
  const record = raw as Record<string, unknown>;
  const start = count(record.start, `${field}.start`);
  const end = count(record.end, `${field}.end`);
  const where = `${field} (span at row ${start})`;
  if (end <= start) unusable(`${where}: end ${end} is not after start`);
  const state = record.state;
  if (state !== "submitting" && state !== "submitted") unusable(`${where}: state is not "submitting" or "submitted"`);
  const taskId = record.taskId === undefined ? undefined : text(record.taskId, `${field}.taskId`);
  if (state === "submitted" && taskId === undefined) unusable(`${where} is submitted but has no task id`);
  const skipped = record.skipped === undefined ? undefined : bitset(record.skipped, `${field}.skipped`, end - start);
  const existing = record.existing === undefined ? undefined : bitset(record.existing, `${field}.existing`, end - start);
  return {
    start,
    end,
    hash: text(record.hash, `${field}.hash`),
    state: state as SpanRecord["state"],
    submittedAt: text(record.submittedAt, `${field}.submittedAt`),
    ...(taskId !== undefined ? { taskId } : {}),
    ...(skipped !== undefined ? { skipped } : {}),
    ...(existing !== undefined ? { existing } : {}),
  };
}

function unusable(why: string): never {
  throw new CheckpointMismatchError(`The checkpoint is not a usable lbx import checkpoint (${why})`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function count(value: unknown, field: string): number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : unusable(`${field} is not a non-negative integer`);
}

function text(value: unknown, field: string): string {
  return typeof value === "string" ? value : unusable(`${field} is not a string`);
}

/** A span's recorded decisions: base64 of one bit per row of the span (see bitset.ts). */
function bitset(value: unknown, field: string, size: number): string {
  const encoded = text(value, field);
  try {
    Bitset.fromBase64(encoded, size);
  } catch {
    unusable(`${field} is not a base64 bitset of ${size} rows`);
  }
  return encoded;
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
