import {
  type CallOptions,
  finishEstimateMs,
  getTask,
  type LbxClient,
  type Paginated,
  TaskFailedError,
  type TaskFailure,
  taskFailures,
  type TaskRecord,
  type TaskSuccess,
  taskSuccesses,
  TaskTimeoutError,
} from "@lbx/core";
import { sleep } from "@lbx/transport";
import { throwIfAborted } from "./abort.js";
import { isTransient } from "./retry.js";

/** One look at a task while waiting for it. */
export interface TaskProgress {
  readonly taskId: string;
  /** The server's status, e.g. `IN_PROGRESS`, `COMPLETE`, `FAILED`. */
  readonly status: string;
  /** 0-100 when the server reports it. */
  readonly completionPercentage: number | null;
  /** Polls made so far, this one included. */
  readonly polls: number;
}

export interface WaitTillDoneOptions {
  /** Deadline in milliseconds from the call. Default 300,000 (the Python SDK's 300 s). */
  readonly timeout?: number;
  /** Stops waiting at once, between polls or during one, with an `AbortError`. */
  readonly signal?: AbortSignal | undefined;
  /** Called after every successful poll. */
  readonly onProgress?: ((progress: TaskProgress) => void) | undefined;
  /** First wait between polls, doubled each time. Default: the client's `polling.minDelayMs`. */
  readonly minDelayMs?: number;
  /** Longest wait between polls. Default: the client's `polling.maxDelayMs`. */
  readonly maxDelayMs?: number;
  /** Source of jitter in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}

/** A server task you can wait for and read the results of, known only by its id. */
export interface TaskHandle {
  readonly id: string;
  /** Reads the task once. */
  refresh(options?: CallOptions): Promise<TaskRecord>;
  /**
   * Polls the task until it is `COMPLETE` (resolves with it) or `FAILED` (throws
   * `TaskFailedError`). The first poll is immediate, then waits grow with jitter; while the
   * task's completion percentage rises, the next poll comes no later than when that pace says the
   * task will be done (but never sooner than `minDelayMs` after the last). At the deadline
   * it throws `TaskTimeoutError` carrying the task id and the last status; it never returns with
   * the task still running. A poll that fails in a way that may pass (5xx, 429, no response) is
   * not fatal: waiting goes on until the deadline.
   */
  waitTillDone(options?: WaitTillDoneOptions): Promise<TaskRecord>;
  /** Rows an import task wrote, paged from the server. */
  successes(options?: CallOptions): Paginated<TaskSuccess>;
  /** Rows an import task rejected, with the server's message, paged from the server. */
  failures(options?: CallOptions): Paginated<TaskFailure>;
}

/**
 * The wait before poll number `n + 1` (n = 0 after the first poll): an exponential ceiling from
 * `minDelayMs` to `maxDelayMs`, with "equal jitter" (half fixed, half random) so that many
 * clients started together do not poll in lockstep, yet never poll in a tight loop.
 */
export function pollDelayMs(n: number, minDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** n);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Statuses after which a task never changes again. */
export function isFinished(status: string): boolean {
  return status === "COMPLETE" || status === "FAILED";
}

/**
 * A handle for any task id: an import's, an export's, or one printed by an earlier run.
 *
 * @example
 * const task = taskHandle(client, "ck...");
 * const done = await task.waitTillDone({ timeout: 600_000, onProgress: (p) => console.log(p.status, p.completionPercentage) });
 */
export function taskHandle(client: LbxClient, taskId: string): TaskHandle {
  return {
    id: taskId,
    refresh: (options) => getTask(client, taskId, options),
    waitTillDone: (options) => waitTillDone(client, taskId, options),
    successes: (options) => taskSuccesses(client, taskId, options),
    failures: (options) => taskFailures(client, taskId, options),
  };
}

async function waitTillDone(client: LbxClient, taskId: string, options: WaitTillDoneOptions = {}): Promise<TaskRecord> {
  const { clock } = client;
  const timeout = options.timeout ?? 300_000;
  if (!(timeout >= 0)) throw new RangeError(`timeout must be a non-negative number of milliseconds, got ${timeout}`);
  const minDelayMs = options.minDelayMs ?? client.polling.minDelayMs;
  const maxDelayMs = Math.max(minDelayMs, options.maxDelayMs ?? client.polling.maxDelayMs);
  const random = options.random ?? Math.random;
  const { signal } = options;
  throwIfAborted(signal);
  const deadline = clock.now() + timeout;
  let lastStatus = "UNKNOWN";
  let lastError: unknown;
  let reading: { at: number; percent: number } | undefined;
  let finishInMs: number | undefined;
  for (let n = 0; ; n++) {
    finishInMs = undefined; // only this poll's reading may shorten the next wait
    try {
      const task = await getTask(client, taskId, { signal });
      lastStatus = task.status;
      lastError = undefined;
      const percent = task.completionPercentage;
      if (typeof percent === "number") {
        const now = { at: clock.now(), percent };
        finishInMs = finishEstimateMs(reading, now);
        reading = now;
      }
      options.onProgress?.({ taskId, status: task.status, completionPercentage: task.completionPercentage ?? null, polls: n + 1 });
      if (task.status === "FAILED") {
        throw new TaskFailedError(`Task ${taskId} failed${task.errors ? `: ${client.redact(task.errors)}` : ""}`, taskId);
      }
      if (isFinished(task.status)) return task;
    } catch (error) {
      if (error instanceof TaskFailedError || !isTransient(error)) throw error;
      lastError = error;
    }
    const remaining = deadline - clock.now();
    if (remaining <= 0) {
      const why = lastError ? ` (last poll failed: ${(lastError as Error).message})` : "";
      throw new TaskTimeoutError(`Task ${taskId} still ${lastStatus} after ${timeout} ms${why}`, taskId, lastStatus, lastError ? { cause: lastError } : {});
    }
    // A task whose completion percentage rises is polled again when it should be done, if that
    // comes before the backoff's next poll (never sooner than minDelayMs): the result is seen
    // soon after the task ends, without polling more often than the backoff allows at its start.
    let wait = pollDelayMs(n, minDelayMs, maxDelayMs, random);
    if (finishInMs !== undefined) wait = Math.min(wait, Math.max(minDelayMs, Math.round(finishInMs)));
    await sleep(Math.min(wait, remaining), signal, clock);
  }
}
