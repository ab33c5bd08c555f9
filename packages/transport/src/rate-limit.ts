import { type Clock, systemClock } from "./clock.js";
import { type TransportObserver, emit, summarize } from "./events.js";
import { parseRetryAfter } from "./retry-after.js";
import { sleep } from "./sleep.js";
import type { Middleware } from "./types.js";
import { checkNumber } from "./validate.js";

/**
 * Labelbox's published API rate limits, in requests per minute, by plan
 * (docs.labelbox.com/docs/limits). The Education plan has the Starter limit.
 */
export const RATE_LIMIT_PRESETS = {
  free: 1_500,
  starter: 5_000,
  education: 5_000,
  enterprise: 20_000,
} as const;

export type RateLimitPreset = keyof typeof RATE_LIMIT_PRESETS;

export interface RateLimitOptions {
  /** Sustained rate; a number, or a plan name from `RATE_LIMIT_PRESETS`. */
  readonly requestsPerMinute: number | RateLimitPreset;
  /**
   * Requests that may go at once after a quiet spell (the bucket's size). Default: one second's
   * worth (25 for the free plan), so a burst never looks like a flood to the server.
   */
  readonly burst?: number;
  /**
   * When a 429 or 503 carries `Retry-After`, every request through this limiter waits that long
   * (the server spoke for the whole client, not for one request), up to this many ms. Default
   * 60,000; 0 turns this off.
   */
  readonly maxPauseMs?: number;
  /** Receives a `rate-limit` event whenever a request has to wait. */
  readonly onEvent?: TransportObserver;
  readonly clock?: Clock;
}

/**
 * A client-side token bucket so a bulk job stays under the plan limit instead of discovering it
 * through 429s. Waiting requests go in arrival order; a waiting request that is aborted rejects at
 * once and gives its place back. Share one `rateLimit()` between all transports of one API key:
 * the limit is per key, not per transport.
 *
 * @example
 * ```ts
 * const transport = compose(retry(), rateLimit({ requestsPerMinute: "free" }))(fetchTransport());
 * ```
 */
export function rateLimit(options: RateLimitOptions): Middleware {
  const { clock = systemClock, maxPauseMs = 60_000, onEvent } = options;
  const rpm = typeof options.requestsPerMinute === "string" ? RATE_LIMIT_PRESETS[options.requestsPerMinute] : options.requestsPerMinute;
  if (!(rpm! > 0)) {
    throw new RangeError(
      `rateLimit({ requestsPerMinute }) must be a number > 0 or one of ${Object.keys(RATE_LIMIT_PRESETS).join(", ")}, got ${String(options.requestsPerMinute)}`,
    );
  }
  checkNumber("rateLimit({ burst })", options.burst, 1);
  checkNumber("rateLimit({ maxPauseMs })", maxPauseMs, 0);
  const perMs = rpm / 60_000;
  const burst = options.burst ?? Math.max(1, Math.ceil(rpm / 60));
  let tokens = burst;
  let refilledAt = clock.now();
  let pausedUntil = 0;

  return (next) => async (request) => {
    const now = clock.now();
    tokens = Math.min(burst, tokens + (now - refilledAt) * perMs);
    refilledAt = now;
    // Reserve a token even when none is left: a negative balance is a queue, served in order.
    tokens -= 1;
    const waitMs = Math.ceil(Math.max(tokens < 0 ? -tokens / perMs : 0, pausedUntil - now));
    if (waitMs > 0) {
      emit(onEvent, { ...summarize(request), type: "rate-limit", waitMs });
      try {
        await sleep(waitMs, request.signal, clock);
      } catch (error) {
        tokens += 1;
        throw error;
      }
    }
    const response = await next(request);
    if ((response.status === 429 || response.status === 503) && maxPauseMs > 0) {
      const hint = parseRetryAfter(response.headers, clock.now());
      if (hint) pausedUntil = Math.max(pausedUntil, clock.now() + Math.min(hint.ms, maxPauseMs));
    }
    return response;
  };
}
