import { existingRowIds } from "./lookup.js";
import type { ImportContext } from "./context.js";
import { FAILED, readTaskResults, SUCCEEDED, type TaskResults } from "./results.js";
import type { Span, TaskEnd } from "./span.js";
import type { RowOutcome } from "../types.js";
import type { Counts } from "./checkpoint.js";

/**
 * Where outcomes go, in input order: counted always; built as objects only when someone looks at
 * them (`onOutcome`, or `collectOutcomes`), since a million outcome objects nobody reads are pure
 * cost.
 */
export class OutcomeSink {
  readonly collected: RowOutcome[] | undefined;
  /** Someone looks at every outcome. */
  readonly wantsObjects: boolean;
  /** Someone looks at failed outcomes only (`onFailure`). */
  readonly wantsFailures: boolean;

  constructor(
    readonly counts: Counts,
    private readonly ctx: ImportContext,
  ) {
    this.collected = ctx.settings.collectOutcomes ? [] : undefined;
    this.wantsObjects = ctx.settings.collectOutcomes || ctx.options.onOutcome !== undefined;
    this.wantsFailures = ctx.options.onFailure !== undefined;
  }

  add(outcome: RowOutcome): void {
    this.tally(outcome.status);
    this.collected?.push(outcome);
    this.ctx.options.onOutcome?.(outcome);
    if (outcome.status === "failed") this.ctx.options.onFailure?.(outcome);
  }

  tally(status: RowOutcome["status"]): void {
    this.counts[status] += 1;
    const { progress } = this.ctx;
    progress.processed += 1;
    if (status === "failed") progress.failed += 1;
    progress.report();
  }
}

/**
 * Reports the outcome of every row of a finished span, in input order: its task's results
 * (mapped back to input rows) merged with the outcomes decided locally. Then records in the
 * checkpoint that every row before the span's end is reported.
 */
export async function emitSpan(ctx: ImportContext, sink: OutcomeSink, span: Span, end: TaskEnd): Promise<void> {
  const results =
    end.status === "NONE"
      ? undefined
      : await readTaskResults(ctx.client, span.taskId!, span.identity, span.start, span.length, ctx.retry, { keepKeys: sink.wantsObjects, failuresOnly: !sink.wantsObjects });
  await lookUpSkippedIds(ctx, span);
  const locals = span.locals.sort((a, b) => a.index - b.index);
  const existing = new Uint8Array(span.length);
  for (const o of span.existingOffsets) existing[o] = 1;
  let l = 0;
  for (let offset = 0; offset < span.length; offset++) {
    const index = span.start + offset;
    if (l < locals.length && locals[l]!.index === index) {
      sink.add(locals[l++]!);
      continue;
    }
    const existed = existing[offset] === 1;
    const quick = sink.wantsObjects ? undefined : status(offset, results, existed);
    if (quick === undefined || (quick === "failed" && sink.wantsFailures)) sink.add(taskOutcome(index, offset, results, existed, end, span.taskId));
    else sink.tally(quick);
  }
  const counts = { ...sink.counts };
  const unmatched = results?.unmatched ?? 0;
  await ctx.checkpoint.update((state) => {
    state.doneBefore = span.end;
    state.doneHash = span.hash;
    state.counts = counts;
    state.unmatchedResults += unmatched;
    state.spans = state.spans.filter((s) => s.start !== span.start);
  });
}

function status(offset: number, results: TaskResults | undefined, existed: boolean): RowOutcome["status"] {
  const s = results?.status[offset];
  return s === SUCCEEDED ? (existed ? "updated" : "created") : "failed";
}

function taskOutcome(index: number, offset: number, results: TaskResults | undefined, existed: boolean, end: TaskEnd, taskId: string | undefined): RowOutcome {
  const s = results?.status[offset];
  if (s === SUCCEEDED) {
    const globalKey = results!.globalKeys?.[offset];
    return { index, status: existed ? "updated" : "created", dataRowId: results!.dataRowIds[offset]!, ...(globalKey ? { globalKey } : {}) };
  }
  if (s === FAILED) {
    const f = results!.failures.get(offset)!;
    return { index, status: "failed", code: f.code, message: f.message, ...(f.globalKey ? { globalKey: f.globalKey } : {}) };
  }
  if (end.status === "FAILED") return { index, status: "failed", code: "TASK_FAILED", message: end.message };
  return { index, status: "failed", code: "NO_RESULT", message: `task ${taskId} finished without reporting this row as created or failed` };
}

/** Skipped rows re-read on resume have no data row id yet: one look-up fills them in. */
async function lookUpSkippedIds(ctx: ImportContext, span: Span): Promise<void> {
  if (span.skippedToLookUp.length === 0) return;
  const ids = await existingRowIds(ctx, span.skippedToLookUp.map((s) => s.globalKey));
  const byIndex = new Map(span.skippedToLookUp.map((s, i) => [s.index, ids[i]]));
  for (let i = 0; i < span.locals.length; i++) {
    const o = span.locals[i]!;
    const id = o.status === "skipped" ? byIndex.get(o.index) : undefined;
    if (id) span.locals[i] = { ...o, dataRowId: id } as RowOutcome;
  }
}
