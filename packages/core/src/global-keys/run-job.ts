import type { LbxClient } from "../client/client.js";
import type { CallOptions } from "../client/request.js";
import { LabelboxError, TaskFailedError, TaskTimeoutError } from "../errors/classes.js";
import { pollUntilDone } from "../util/poll.js";

/**
 * Keys sent to one global-key job. Labelbox documents no limit; lists are split so that one
 * huge job cannot hit an undocumented server limit or the per-job deadline. Override with `chunkSize`.
 */
export const GLOBAL_KEYS_PER_JOB = 1000;

export interface GlobalKeyJobOptions extends CallOptions {
  /** Deadline for each job (one per chunk). Default 60 000, Python's 60 s. */
  readonly timeoutMs?: number;
  /** Keys per job, default {@link GLOBAL_KEYS_PER_JOB}. */
  readonly chunkSize?: number;
}

/** Aggregate outcome, as the Python SDK reports it. */
export type JobStatus = "SUCCESS" | "PARTIAL SUCCESS" | "FAILURE";

/**
 * Runs one server job: start it, then poll its result query until `jobStatus` is COMPLETE
 * (returns `data`) or FAILED ({@link TaskFailedError}); any other status means "still running".
 */
export async function runGlobalKeyJob<TData>(
  client: LbxClient,
  jobName: string,
  start: () => Promise<string>,
  result: (jobId: string) => Promise<{ readonly jobStatus: string; readonly data: TData | null }>,
  options: GlobalKeyJobOptions,
): Promise<TData> {
  const jobId = await start();
  const timeoutMs = options.timeoutMs ?? 60_000;
  return pollUntilDone<TData>(
    client,
    async () => {
      const { jobStatus, data } = await result(jobId);
      if (jobStatus === "FAILED") throw new TaskFailedError(`Job ${jobName} failed.`, jobId, { operationName: jobName });
      if (jobStatus !== "COMPLETE") return { done: false, status: jobStatus };
      if (!data) throw new LabelboxError("BAD_RESPONSE", `Job ${jobName} completed without data`, { operationName: jobName });
      return { done: true, value: data };
    },
    timeoutMs,
    options.signal,
    (status) => new TaskTimeoutError(`Job ${jobName} (${jobId}) still ${status} after ${timeoutMs} ms`, jobId, status, { operationName: jobName }),
  );
}

/** Python's rule: no errors is SUCCESS; errors with at least one result is PARTIAL SUCCESS; else FAILURE. */
export function jobStatus(results: readonly unknown[], errorCount: number): JobStatus {
  if (errorCount === 0) return "SUCCESS";
  return results.some((r) => r !== "") ? "PARTIAL SUCCESS" : "FAILURE";
}

/** Validates a chunk size option. */
export function chunkSizeOf(options: GlobalKeyJobOptions): number {
  const size = options.chunkSize ?? GLOBAL_KEYS_PER_JOB;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunkSize must be a positive integer, got ${size}`);
  return size;
}
