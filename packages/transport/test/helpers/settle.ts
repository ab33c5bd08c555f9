import type { FakeClock } from "../../src/testing/fake-clock.js";

export type Settled<T> = { ok: true; value: T; elapsedMs: number } | { ok: false; error: unknown; elapsedMs: number };

/**
 * Drives `clock` from timer to timer until `promise` settles, and reports how much fake time that
 * took. Fails if the promise is still pending with no timer left (it would hang forever).
 */
export async function settle<T>(promise: Promise<T>, clock: FakeClock, maxSteps = 1000): Promise<Settled<T>> {
  const start = clock.now();
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  promise.then(
    (value) => (outcome = { ok: true, value }),
    (error: unknown) => (outcome = { ok: false, error }),
  );
  await clock.flush();
  for (let step = 0; outcome === undefined; step++) {
    if (step >= maxSteps) throw new Error(`promise still pending after ${maxSteps} timers`);
    if (!(await clock.next())) {
      await clock.flush();
      if (outcome === undefined) throw new Error("promise pending with no timer left: it would hang");
    }
  }
  return { ...outcome, elapsedMs: clock.now() - start };
}
