import { getUser, type LbxClient } from "@lbx/core";
import { type ChunkLimits, DEFAULT_CHUNK_LIMITS, SERVER_CHUNK_LIMITS } from "../chunk.js";
import { type RetryOptions, withRetry } from "../retry.js";
import type { DuplicatePolicy, ImportOptions } from "../types.js";
import type { CheckpointWriter } from "./checkpoint.js";
import type { ProgressTracker } from "./progress.js";

/** Options with defaults applied and ranges checked. */
export interface Settings {
  readonly onDuplicate: DuplicatePolicy;
  readonly concurrency: number;
  readonly limits: ChunkLimits;
  readonly taskTimeoutMs: number;
  readonly maxUploadsInFlight: number;
  readonly lookupBatchSize: number;
  readonly retryAttempts: number;
  readonly collectOutcomes: boolean;
  /** A span also ends after this many rows decided locally, so their outcomes never pile up. */
  readonly maxLocalsPerSpan: number;
  /**
   * The largest row that can be sent (alone in its chunk file, if it is larger than
   * `limits.maxChunkBytes`): the server's 10 MB unless `limits.maxChunkBytes` was set explicitly.
   */
  readonly maxRowBytes: number;
}

/** Default deadline of each import task: large imports take minutes on the cloud. */
export const DEFAULT_TASK_TIMEOUT_MS = 30 * 60_000;

export function settingsOf(options: ImportOptions): Settings {
  const limits = { ...DEFAULT_CHUNK_LIMITS, ...options.limits };
  const positive = (name: string, value: number) => {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
    return value;
  };
  const onDuplicate = options.onDuplicate ?? "fail";
  if (!["fail", "skip", "update"].includes(onDuplicate)) throw new RangeError(`onDuplicate must be "fail", "skip" or "update", got ${JSON.stringify(onDuplicate)}`);
  for (const [name, value] of Object.entries(limits)) positive(`limits.${name}`, value);
  if (options.expectedTotal !== undefined && !(Number.isFinite(options.expectedTotal) && options.expectedTotal >= 0)) {
    throw new RangeError(`expectedTotal must be a non-negative number of rows, got ${options.expectedTotal}`);
  }
  const taskTimeoutMs = options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
  if (!(taskTimeoutMs > 0)) throw new RangeError(`taskTimeoutMs must be a positive number, got ${taskTimeoutMs}`);
  return {
    onDuplicate,
    concurrency: positive("concurrency", options.concurrency ?? 4),
    limits,
    taskTimeoutMs,
    maxUploadsInFlight: positive("maxUploadsInFlight", options.maxUploadsInFlight ?? 2),
    lookupBatchSize: positive("lookupBatchSize", options.lookupBatchSize ?? 1000),
    retryAttempts: positive("retryAttempts", options.retryAttempts ?? 8),
    collectOutcomes: options.collectOutcomes ?? true,
    maxLocalsPerSpan: 10_000,
    maxRowBytes: options.limits?.maxChunkBytes ?? SERVER_CHUNK_LIMITS.maxChunkBytes,
  };
}

/**
 * What every part of one import run shares: the client, the settings, the checkpoint, the
 * progress counters, the task ids known to be this import's, and the first fatal error. A fatal
 * error anywhere aborts every request in flight through one signal.
 */
export class ImportContext {
  readonly retry: RetryOptions;
  readonly signal: AbortSignal;
  /** Tasks this import started (any run): never mistaken for a lost submission. */
  readonly knownTaskIds: Set<string>;
  private failure: { error: unknown } | undefined;
  private userIdPromise: Promise<string> | undefined;

  constructor(
    readonly client: LbxClient,
    readonly datasetId: string,
    readonly settings: Settings,
    readonly options: ImportOptions,
    readonly checkpoint: CheckpointWriter,
    readonly progress: ProgressTracker,
    private readonly controller: AbortController,
  ) {
    this.signal = controller.signal;
    this.retry = { attempts: settings.retryAttempts, signal: controller.signal, clock: client.clock };
    this.knownTaskIds = new Set(checkpoint.state.taskIds);
  }

  /** The first fatal error, if any. */
  get error(): { error: unknown } | undefined {
    return this.failure;
  }

  /** Records the first fatal error and aborts everything in flight. */
  fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    this.controller.abort(error);
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  userId(): Promise<string> {
    this.userIdPromise ??= withRetry(async () => (await getUser(this.client, { signal: this.signal })).id, this.retry);
    return this.userIdPromise;
  }
}
