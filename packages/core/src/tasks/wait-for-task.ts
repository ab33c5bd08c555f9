import type { LbxClient } from "../client/client.js";
import { type CallOptions, execute } from "../client/request.js";
import { NotFoundError, TaskFailedError, TaskTimeoutError } from "../errors/classes.js";
import { refreshTaskDocument } from "../documents/orm-templates.js";
import { pollUntilDone } from "../util/poll.js";
import type { TaskRecord } from "./task.js";
import { currentUserId } from "./user.js";

export interface WaitForTaskOptions extends CallOptions {
  /** Give up after this long with a {@link TaskTimeoutError}. Default 300 000 (Python's 300 s). */
  readonly timeoutMs?: number;
  /** Called after every poll with the server's status and completion percentage. */
  readonly onProgress?: (status: string, completionPercentage: number | null) => void;
}

/**
 * Polls a task until it leaves `IN_PROGRESS`, with the document Python's `Task.refresh()` sends.
 * Resolves with the finished task; throws {@link TaskFailedError} when it FAILED and
 * {@link TaskTimeoutError} at the deadline.
 *
 * @example
 * const task = await waitForTask(client, taskId, { timeoutMs: 60_000, onProgress: (s, p) => console.log(s, p) });
 */
export async function waitForTask(client: LbxClient, taskId: string, options: WaitForTaskOptions = {}): Promise<TaskRecord> {
  const userId = await currentUserId(client, options);
  const task = await pollUntilDone<TaskRecord>(
    client,
    async () => {
      const data = await execute(client, refreshTaskDocument, { param_0: taskId, param_1: userId }, options);
      const current = data.user?.createdTasks[0];
      if (!current) throw new NotFoundError(`Task ${taskId} not found (tasks are visible only to the user who created them)`, { operationName: "GetUserCreatedTasksPyApi" });
      options.onProgress?.(current.status, current.completionPercentage);
      return current.status === "IN_PROGRESS" ? { done: false, status: current.status, percent: current.completionPercentage } : { done: true, value: current };
    },
    options.timeoutMs ?? 300_000,
    options.signal,
    (status) => new TaskTimeoutError(`Task ${taskId} still ${status} after ${options.timeoutMs ?? 300_000} ms`, taskId, status),
  );
  if (task.status === "FAILED") {
    throw new TaskFailedError(`Task ${taskId} failed${task.errors ? `: ${client.redact(task.errors)}` : ""}`, taskId);
  }
  return task;
}
