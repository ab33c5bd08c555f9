import { AbortError } from "@lbx/transport";

/**
 * Waits for a promise that other callers share (a per-client cache entry), but lets this caller
 * give up on its own signal without cancelling the shared work for the others.
 */
export function untilAborted<T>(shared: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return shared;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError("Request aborted", { cause: signal.reason }));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Memoizes a per-client fetch: one request however many callers ask at once, and a failure is
 * forgotten so the next caller tries again. The shared request carries no caller's signal.
 */
export function memo<T>(get: () => Promise<T> | undefined, set: (p: Promise<T> | undefined) => void, load: () => Promise<T>, fresh = false): Promise<T> {
  const cached = fresh ? undefined : get();
  if (cached) return cached;
  const pending = load();
  set(pending);
  pending.catch(() => {
    if (get() === pending) set(undefined);
  });
  return pending;
}
