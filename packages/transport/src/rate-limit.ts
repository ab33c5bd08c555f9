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
 * once (its place goes back when nobody waits behind it). Share one `rateLimit()` between all transports of one API key:
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
  const burst = options.burst ?? Math.max(1, Math.ceil(rpm / 60));
  // A virtual schedule (the generic cell rate algorithm): `due` is when the next request would go
  // at the steady rate; a request may run up to `burst - 1` intervals ahead of it. No request goes
  // before `pausedUntil`, so after a 429 the queue resumes with one burst, then the steady rate.
  const interval = 60_000 / rpm;
  const ahead = (burst - 1) * interval;
  let due = clock.now();
  let pausedUntil = 0;

  /** Takes the next place: when this request may go, and the schedule's state it left. */
  const reserve = (now: number): { at: number; due: number } => {
    const start = Math.max(due, now, pausedUntil);
    due = start + interval;
    return { at: Math.max(now, start - ahead, pausedUntil), due };
  };

  return (next) => async (request) => {
    let place = reserve(clock.now());
    for (;;) {
      const waitMs = Math.ceil(place.at - clock.now());
      if (waitMs <= 0) break;
      emit(onEvent, { ...summarize(request), type: "rate-limit", waitMs });
      try {
        await sleep(waitMs, request.signal, clock);
      } catch (error) {
        // The place goes back only when nobody is behind it: handing it to a later arrival while
        // others wait would send two requests in one slot.
        if (due === place.due) due -= interval;
        throw error;
      }
      // A 429 that came back while this request waited pauses it too: it takes a new place.
      if (pausedUntil <= clock.now()) break;
      place = reserve(clock.now());
    }
    const response = await next(request);
    if ((response.status === 429 || response.status === 503) && maxPauseMs > 0) {
      const hint = parseRetryAfter(response.headers, clock.now());
      if (hint) pausedUntil = Math.max(pausedUntil, clock.now() + Math.min(hint.ms, maxPauseMs));
    }
    return response;
  };
}
