import { abortErrorOf } from "./abort.js";
import { type Clock, systemClock } from "./clock.js";

/**
 * Waits `ms` milliseconds, or rejects at once when `signal` aborts (with `abortErrorOf(signal)`:
 * an `AbortError` for a caller's abort, the `TimeoutError` for a deadline). Used for every wait
 * lbx does, so no backoff or rate-limit pause can outlive a cancelled call.
 */
export function sleep(ms: number, signal?: AbortSignal, clock: Clock = systemClock): Promise<void> {
  return new Promise((resolve, reject) => {
    // Runs once: when the time is up or when the signal aborts, whichever comes first.
    const done = () => {
      clock.clearTimeout(handle);
      signal?.removeEventListener("abort", done);
      if (signal?.aborted) reject(abortErrorOf(signal));
      else resolve();
    };
    const handle = clock.setTimeout(done, ms);
    if (signal?.aborted) done();
    else signal?.addEventListener("abort", done);
  });
}
