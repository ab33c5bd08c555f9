import { abortErrorOf, eitherSignal } from "./abort.js";
import { type Clock, systemClock } from "./clock.js";
import { TimeoutError } from "./errors.js";
import type { Middleware, Transport, TransportRequest } from "./types.js";
import { checkNumber } from "./validate.js";

/**
 * Runs `next` with a signal that also aborts after `ms`, with a `TimeoutError` as the reason.
 * Rejecting at once is the transport's job (the conformance suite checks it), so nothing here
 * races the transport. The timer covers the wait for response headers and is cleared when they
 * arrive: reading the body is bounded only by the caller's signal, because a streamed export may
 * rightly take far longer than any attempt timeout.
 */
async function withTimer(
  next: Transport,
  request: TransportRequest,
  ms: number,
  clock: Clock,
  timeoutError: () => TimeoutError,
): Promise<Response> {
  const own = new AbortController();
  const signal = eitherSignal(request.signal, own.signal);
  // Timers overflow above 2^31-1 ms (~24.8 days) and fire at once; clamp instead.
  const timer = clock.setTimeout(() => own.abort(timeoutError()), Math.min(ms, 2_147_483_647));
  try {
    return await next({ ...request, signal });
  } catch (error) {
    throw signal.aborted ? abortErrorOf(signal) : error;
  } finally {
    clock.clearTimeout(timer);
  }
}

export interface TimeoutOptions {
  /** Longest wait for response headers, per attempt, in ms. */
  readonly ms: number;
  readonly clock?: Clock;
}

/**
 * Per-attempt timeout. Put it inside `retry()` so each attempt gets the full time and a timed-out
 * attempt is retried. Rejects with `TimeoutError` (`scope: "attempt"`) when the limit passes and
 * with `AbortError` when the caller aborts first: the two are never confused.
 *
 * `ms` is not range-checked, to keep the browser bundle small: a NaN or negative limit fails every
 * attempt at once with "Timed out after NaN ms", which is loud enough to be found. Limits above
 * 2^31-1 ms (~24.8 days) are clamped to it.
 *
 * @example
 * ```ts
 * const transport = compose(retry(), timeout({ ms: 60_000 }))(fetchTransport());
 * ```
 */
export function timeout(options: TimeoutOptions): Middleware {
  const { ms, clock = systemClock } = options;
  return (next) => (request) => withTimer(next, request, ms, clock, () => new TimeoutError("attempt", ms));
}

export interface DeadlineOptions {
  /** Time for the whole call, retries and waits included, in ms. Omit to enforce only `request.deadline`. */
  readonly ms?: number;
  readonly clock?: Clock;
}

/**
 * Overall deadline for a call. Put it outside `retry()`. Enforces the earlier of `ms` from now and
 * the request's own `deadline`, passes that `deadline` on (so retry does not start a wait it cannot
 * finish), and rejects with `TimeoutError` (`scope: "deadline"`), never retried, when it passes.
 *
 * @example
 * ```ts
 * const transport = compose(deadline({ ms: 120_000 }), retry(), timeout({ ms: 30_000 }))(fetchTransport());
 * ```
 */
export function deadline(options: DeadlineOptions = {}): Middleware {
  const { ms, clock = systemClock } = options;
  checkNumber("deadline({ ms })", ms, 0);
  return (next) => (request) => {
    const start = clock.now();
    const own = ms === undefined ? Infinity : start + ms;
    const at = Math.min(own, request.deadline ?? Infinity);
    if (at === Infinity) return next(request);
    const budget = Math.max(0, at - start);
    const error = () => new TimeoutError("deadline", at === own ? (ms as number) : budget);
    // Past already: not sent at all. (A zero-ms timer would fire only after the request had gone,
    // so a mutation could run on the server while its caller is told it timed out.)
    if (budget === 0) return Promise.reject(error());
    return withTimer(next, { ...request, deadline: at }, budget, clock, error);
  };
}
