import type { LbxClient } from "../client/client.js";
import { sleep } from "./clock.js";

/**
 * One look at a running job: finished with a value, or still going with a status to report and,
 * when the server says, its completion percentage.
 */
export type PollStep<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly status: string; readonly percent?: number | null };

/**
 * Polls until `check` says done: the first look at once, then waits growing from the client's
 * `minDelayMs` to `maxDelayMs` (shorter while a rising completion percentage says the job ends
 * sooner), never past the deadline. Each wait is jittered between half and all
 * of its step, so many clients that started tasks together do not poll in lockstep. At the deadline it throws
 * `onTimeout(lastStatus)`; it never returns silently with a job still running (the Python SDK's
 * `wait_till_done` does). Aborting `signal` rejects at once with an `AbortError`, mid-wait included.
 */
export async function pollUntilDone<T>(
  client: LbxClient,
  check: () => Promise<PollStep<T>>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  onTimeout: (lastStatus: string) => Error,
): Promise<T> {
  const { clock, polling } = client;
  const deadline = clock.now() + timeoutMs;
  const minDelay = Math.min(polling.minDelayMs, polling.maxDelayMs);
  let delay = minDelay;
  let before: { at: number; percent: number } | undefined;
  for (;;) {
    const step = await check();
    if (step.done) return step.value;
    const now = clock.now();
    const remaining = deadline - now;
    if (remaining <= 0) throw onTimeout(step.status);
    // A job whose completion percentage rises is looked at again when that pace says it will be
    // done, if that is sooner than the backoff's next look (but never sooner than minDelayMs).
    let wait = jittered(delay);
    if (typeof step.percent === "number") {
      const reading = { at: now, percent: step.percent };
      const finishIn = finishEstimateMs(before, reading);
      if (finishIn !== undefined) wait = Math.min(wait, Math.max(minDelay, finishIn));
      before = reading;
    }
    await sleep(Math.min(wait, remaining), signal, clock);
    delay = Math.min(delay * 2, polling.maxDelayMs);
  }
}

/**
 * When a job will be done if it keeps the pace it showed between two readings of its completion
 * percentage: ms after the later one, or undefined without two readings that went up (below 100).
 */
export function finishEstimateMs(before: { at: number; percent: number } | undefined, now: { at: number; percent: number }): number | undefined {
  if (!before || now.at <= before.at || now.percent <= before.percent || now.percent >= 100) return undefined;
  return ((100 - now.percent) * (now.at - before.at)) / (now.percent - before.percent);
}

/** A wait between half and all of `step` ("equal jitter": never much shorter than asked). */
export function jittered(step: number): number {
  return step / 2 + Math.random() * (step / 2);
}
