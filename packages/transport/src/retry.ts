import { type BackoffOptions, backoffDelay } from "./backoff.js";
import { type Clock, systemClock } from "./clock.js";
import { type GiveUpReason, type TransportObserver, emit } from "./events.js";
import { parseRetryAfter } from "./retry-after.js";
import { type RetryBudget, createRetryBudget } from "./retry-budget.js";
import { repeatBlocker, retryCause } from "./retry-policy.js";
import { sleep } from "./sleep.js";
import type { Middleware } from "./types.js";

export interface RetryOptions extends BackoffOptions {
  /** Attempts in total, the first included. Default 3. 1 disables retries. */
  readonly maxAttempts?: number;
  /**
   * The longest server-requested wait (`Retry-After`, `retry-after-ms`) that is honoured as is;
   * longer hints are cut to this. Default 60,000 ms: Labelbox limits are per minute.
   */
  readonly maxRetryAfterMs?: number;
  /**
   * The retry budget shared by every call through this middleware: one from
   * `createRetryBudget(capacity)` (pass the same one to several `retry()` to share it), or
   * `false` for none. Default: `createRetryBudget()` (500 tokens).
   */
  readonly budget?: RetryBudget | false;
  /** Receives `retry` and `give-up` events. */
  readonly onEvent?: TransportObserver;
  readonly clock?: Clock;
  /** Source of jitter in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}

/**
 * Retries failed attempts when that is safe and useful.
 *
 * - **What is retried:** network errors, attempt timeouts, and statuses 408, 429, 500, 502, 503,
 *   504, 520. Never 400, 401, 403, 404, 409, 422, 426 or any other status; never a caller's abort
 *   or an exceeded deadline.
 * - **Which requests:** only those safe to repeat (`operation.idempotent`, or GET/HEAD without
 *   operation info) and without a `ReadableStream` body.
 * - **How long to wait:** the server's `retry-after-ms` or `Retry-After` (seconds, fractions,
 *   HTTP-date; past dates mean now; capped at `maxRetryAfterMs`), else exponential backoff with
 *   full jitter. Waits stop at once, with an `AbortError`, when the caller aborts.
 * - **When to stop:** after `maxAttempts`, when the retry budget is empty, or when the wait would
 *   end after the request's `deadline`. The last response is then returned (or the last error
 *   thrown) as it is, and a `give-up` event says why.
 *
 * @example
 * ```ts
 * const transport = compose(retry({ maxAttempts: 5, onEvent: console.log }))(fetchTransport());
 * ```
 */
export function retry(options: RetryOptions = {}): Middleware {
  const { maxAttempts = 3, maxRetryAfterMs = 60_000, clock = systemClock, random = Math.random, onEvent } = options;
  // A NaN here would retry without end. Odd delays are harmless (a negative wait is none), so
  // they are not checked: every byte of this file is in the browser bundle.
  if (!(maxAttempts >= 1)) throw new RangeError(`retry: maxAttempts must be >= 1, got ${maxAttempts}`);
  const budget = options.budget === false ? undefined : (options.budget ?? createRetryBudget());

  return (next) => async (request) => {
    let spent = 0;
    for (let attempt = 1; ; attempt++) {
      let response: Response | undefined;
      let error: unknown;
      try {
        response = await next({ ...request, attempt });
      } catch (caught) {
        error = caught;
      }
      const cause = retryCause(request, response, error);
      if (!cause) {
        // An abort is already an AbortError here: transports and middleware reject with one.
        if (!response) throw error;
        budget?.succeeded(spent);
        return response;
      }

      const hint = response && parseRetryAfter(response.headers, clock.now());
      const delayMs = hint ? Math.min(hint.ms, maxRetryAfterMs) : backoffDelay(attempt, options, random);
      let cost: number | undefined = 0;
      const stop: GiveUpReason | undefined =
        repeatBlocker(request) ??
        (attempt >= maxAttempts
          ? "max-attempts"
          : clock.now() + delayMs >= (request.deadline ?? Infinity)
            ? "deadline"
            : (cost = budget ? budget.take(cause === "TIMEOUT") : 0) === undefined
              ? "retry-budget"
              : undefined);
      emit(onEvent, {
        type: stop ? "give-up" : "retry",
        operation: request.operation?.name,
        attempt,
        cause,
        delayMs,
        delaySource: hint?.source ?? "backoff",
        reason: stop,
      });
      if (stop) {
        if (response) return response;
        throw error;
      }
      spent += cost ?? 0;
      // The body of a response we retry is never read; cancelling it frees the connection.
      response?.body?.cancel().catch(() => undefined);
      await sleep(delayMs, request.signal, clock);
    }
  };
}
