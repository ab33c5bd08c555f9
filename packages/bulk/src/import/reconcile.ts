import { execute, getTask, TaskTimeoutError } from "@lbx/core";
import { sleep } from "@lbx/transport";
import { CreatedUpsertTasksDocument } from "../documents/created-tasks.js";
import { type IdentityMatcher, takeResult } from "../identity-table.js";
import { isTransient, withRetry } from "../retry.js";
import { pollDelayMs } from "../task-handle.js";
import { allowManyListeners } from "../abort.js";
import type { ImportContext } from "./context.js";
import { failurePages, successPages } from "./results.js";
import type { Span } from "./span.js";

/** How far before the recorded submission time to look, for clock skew between client and server. */
export const RECONCILE_SKEW_MS = 2 * 60_000;

/**
 * Finds the task an `upsertDataRows` created when its response never arrived (connection
 * dropped, timeout, the process killed): among the import tasks this user created since the
 * submission (minus a skew margin) that this import does not already know, the one whose results
 * are exactly the span's rows, each once. Returns its id, or undefined when the server has none,
 * so that sending the span again cannot create a row twice.
 *
 * Candidates are checked at once; the first that matches wins. One still running is ruled out as
 * soon as a result it reports is not one of the span's rows; otherwise it is waited for (up to
 * the task deadline, after which its `TaskTimeoutError` says which task could not be ruled out).
 *
 * Limitation: a request the server is still holding when this looks (accepted, its task not yet
 * created) is not seen. The cloud and the emulator create the task before they answer, so this
 * needs a server that keeps working on a request long after the client gave up on it.
 */
export async function findSubmittedTask(ctx: ImportContext, span: Span, since: string): Promise<string | undefined> {
  const candidates = await candidateTasks(ctx, since);
  if (candidates.length === 0) return undefined;
  const stop = new AbortController();
  allowManyListeners(stop.signal);
  const onAbort = () => stop.abort(ctx.signal.reason);
  ctx.signal.addEventListener("abort", onAbort, { once: true });
  // A few at a time, each worker taking the next candidate: one that hangs holds up one worker.
  const queue = [...candidates];
  const worker = async (): Promise<string | undefined> => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (await isSpanTask(ctx, id, span, stop.signal)) return id;
    }
    return undefined;
  };
  try {
    return await firstMatch(Array.from({ length: Math.min(4, candidates.length) }, worker));
  } finally {
    ctx.signal.removeEventListener("abort", onAbort);
    stop.abort();
  }
}

async function candidateTasks(ctx: ImportContext, since: string): Promise<string[]> {
  const { client, retry } = ctx;
  const userId = await ctx.userId();
  const from = new Date(Date.parse(since) - RECONCILE_SKEW_MS).toISOString();
  const ids: string[] = [];
  const pageSize = 100;
  for (let skip = 0; ; skip += pageSize) {
    const data = await withRetry(() => execute(client, CreatedUpsertTasksDocument, { userId, since: from, skip, first: pageSize }, { signal: ctx.signal }), retry);
    const tasks = data.user?.createdTasks ?? [];
    for (const task of tasks) if (!ctx.knownTaskIds.has(task.id)) ids.push(task.id);
    if (tasks.length < pageSize) return ids;
  }
}

/** Resolves with the first id any promise yields; with undefined when all yield none; rejects only if none matched and one failed. */
function firstMatch(checks: Array<Promise<string | undefined>>): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let left = checks.length;
    let failure: { error: unknown } | undefined;
    for (const check of checks) {
      check.then(
        (id) => {
          if (id !== undefined) resolve(id);
          else if (--left === 0) (failure ? reject(failure.error) : resolve(undefined));
        },
        (error: unknown) => {
          failure ??= { error };
          if (--left === 0) reject(failure.error);
        },
      );
    }
  });
}

/** Whether task `taskId`'s results are exactly the span's rows. */
async function isSpanTask(ctx: ImportContext, taskId: string, span: Span, signal: AbortSignal): Promise<boolean> {
  const { client } = ctx;
  const retry = { ...ctx.retry, signal };
  const deadline = client.clock.now() + ctx.settings.taskTimeoutMs;
  for (let n = 0; ; n++) {
    let status = "UNKNOWN";
    try {
      status = (await getTask(client, taskId, { signal })).status;
    } catch (error) {
      if (!isTransient(error)) throw error;
    }
    // A failed task created nothing that could be ours twice.
    if (status === "FAILED") return false;
    if (status === "COMPLETE") return carriesExactly(ctx, taskId, span, retry);
    if (!(await firstResultsAreOurs(ctx, taskId, span, retry))) return false;
    if (client.clock.now() >= deadline) {
      throw new TaskTimeoutError(
        `Task ${taskId} was still ${status} after ${ctx.settings.taskTimeoutMs} ms, so it could not be ruled out as the lost submission of input rows ${span.start}-${span.end - 1}; resume again once it has finished`,
        taskId,
        status,
      );
    }
    await sleep(pollDelayMs(n, client.polling.minDelayMs, client.polling.maxDelayMs, Math.random), signal, client.clock);
  }
}

/** Looks at the first success and the first failure a running task reports: one that is not ours rules it out. */
async function firstResultsAreOurs(ctx: ImportContext, taskId: string, span: Span, retry: typeof ctx.retry): Promise<boolean> {
  const matcher = span.identity.matcher();
  const first = async <T>(pages: AsyncGenerator<{ items: readonly T[] }>, ours: (item: T, matcher: IdentityMatcher) => boolean) => {
    const page = await pages.next();
    await pages.return(undefined);
    const item = page.done ? undefined : page.value.items[0];
    return item === undefined || ours(item, matcher);
  };
  const { client } = ctx;
  return (
    (await first(successPages(client, taskId, retry, 1), (s, m) => takeResult(m, s) !== undefined)) &&
    (await first(failurePages(client, taskId, retry, 1), (f, m) => !!f.spec && takeResult(m, f.spec) !== undefined))
  );
}

async function carriesExactly(ctx: ImportContext, taskId: string, span: Span, retry: typeof ctx.retry): Promise<boolean> {
  const { client } = ctx;
  const total = async (pages: AsyncGenerator<{ total: number | null }>) => {
    const page = await pages.next();
    await pages.return(undefined);
    return page.done ? 0 : (page.value.total ?? 0);
  };
  if ((await total(successPages(client, taskId, retry, 1))) + (await total(failurePages(client, taskId, retry, 1))) !== span.sent) return false;
  const matcher = span.identity.matcher();
  for await (const page of successPages(client, taskId, retry)) {
    for (const s of page.items) if (takeResult(matcher, s) === undefined) return false;
  }
  for await (const page of failurePages(client, taskId, retry)) {
    for (const f of page.items) if (!f.spec || takeResult(matcher, f.spec) === undefined) return false;
  }
  return matcher.remaining === 0;
}
