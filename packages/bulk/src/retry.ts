import { type Clock, isLbxError, RateLimitError } from "@lbx/core";
import { sleep } from "@lbx/transport";

/**
 * Bulk work sends thousands of requests, so "the transport gave up after 3 attempts" happens
 * every day at scale (a flaky proxy, a 20 % error burst). Steps that are safe to repeat (uploads,
 * queries, keyed upserts) are therefore retried once more at this level, with their own backoff,
 * before an import gives up. Mutations that are not safe to repeat never come through here.
 */

/** True for failures that repeating the same request can fix: no response, 5xx, 429, a garbled body, an attempt timeout. */
export function isTransient(error: unknown): boolean {
  if (!isLbxError(error)) return false;
  switch (error.code) {
    case "NETWORK_ERROR":
    case "SERVER_ERROR":
    case "RATE_LIMITED":
    case "BAD_RESPONSE":
      return true;
    case "TIMEOUT":
      return (error as { scope?: string }).scope !== "deadline";
    default:
      return false;
  }
}

export interface RetryOptions {
  /** Attempts in total. Default 8. */
  readonly attempts?: number;
  /** First backoff ceiling, doubled per attempt. Default 250. */
  readonly minDelayMs?: number;
  /** Largest backoff. Default 10,000. */
  readonly maxDelayMs?: number;
  readonly signal?: AbortSignal | undefined;
  readonly clock: Clock;
  /** Source of jitter in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}

/** Delay before retry number `attempt` (1-based): full jitter under an exponential ceiling. */
export function backoffMs(attempt: number, minDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Runs `step` until it succeeds, a non-transient error occurs, or the attempts run out. */
export async function withRetry<T>(step: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { attempts = 8, minDelayMs = 250, maxDelayMs = 10_000, signal, clock, random = Math.random } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error) || signal?.aborted) throw error;
      const hinted = error instanceof RateLimitError ? error.retryAfterMs : undefined;
      const delay = hinted !== undefined ? Math.min(hinted, 60_000) : backoffMs(attempt, minDelayMs, maxDelayMs, random);
      await sleep(delay, signal, clock);
    }
  }
}
