import { AbortError, isLbxError } from "@lbx/core";

/** The error an aborted signal stands for: its reason when that is an lbx error, else an `AbortError`. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return isLbxError(reason) ? reason : new AbortError("The operation was aborted", { cause: reason });
}

/** Throws {@link abortError} when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/**
 * Lets many operations listen to one signal. Node warns ("possible EventTarget memory leak")
 * past 10 listeners, and a large import legitimately has more requests and waits in flight on
 * its signal. Uses `events.setMaxListeners` where the runtime has it (looked up without importing
 * `node:events`, so browser bundles are unaffected); elsewhere there is no such limit.
 */
export function allowManyListeners(signal: AbortSignal): void {
  const runtime = globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } };
  const events = runtime.process?.getBuiltinModule?.("node:events") as { setMaxListeners?: (n: number, target: AbortSignal) => void } | undefined;
  events?.setMaxListeners?.(0, signal);
}
