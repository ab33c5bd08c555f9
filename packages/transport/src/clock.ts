/**
 * Time as the middleware see it. Everything that waits or measures (backoff sleeps, timeouts,
 * deadlines, the rate limiter, event durations) goes through a `Clock`, so tests can swap in a
 * fake clock (`createFakeClock` from `@lbx/transport/testing`) and check exact delays in
 * microseconds of real time.
 */
export interface Clock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number;
  /** Calls `callback` after `ms` milliseconds; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock: `Date.now` and the global timers. */
export const systemClock: Clock = {
  now: Date.now,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};
