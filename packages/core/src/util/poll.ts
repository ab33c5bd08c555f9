import type { LbxClient } from "../client/client.js";
import { sleep } from "./clock.js";

/** One look at a running job: finished with a value, or still going with a status to report. */
export type PollStep<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly status: string };

/**
 * Polls until `check` says done: the first look at once, then waits growing from the client's
 * `minDelayMs` to `maxDelayMs`, never past the deadline. Each wait is jittered between half and all
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
  let delay = Math.min(polling.minDelayMs, polling.maxDelayMs);
  for (;;) {
    const step = await check();
    if (step.done) return step.value;
    const remaining = deadline - clock.now();
    if (remaining <= 0) throw onTimeout(step.status);
    await sleep(Math.min(jittered(delay), remaining), signal, clock);
    delay = Math.min(delay * 2, polling.maxDelayMs);
  }
}

/** A wait between half and all of `step` ("equal jitter": never much shorter than asked). */
export function jittered(step: number): number {
  return step / 2 + Math.random() * (step / 2);
}
