import { AbortError, isLbxError, NetworkError } from "@lbx/transport";

/**
 * Classifies a transport that rejected (no response arrived). The transport's own errors
 * (`NetworkError`, `TimeoutError`, `AbortError`, already stripped of the key by its `auth`
 * middleware) pass through; anything else a custom transport throws becomes a `NetworkError`
 * whose `cause` is a key-free copy of it (see {@link safeCopy}), or an `AbortError` when the
 * caller's signal fired. Each gets the operation name attached, unless it already names one.
 */
export function transportFailure(error: unknown, signal: AbortSignal | undefined, operationName: string, redact: (text: string) => string): unknown {
  let cause: { message?: unknown } | undefined;
  const typed = isLbxError(error)
    ? error
    : signal?.aborted
      ? new AbortError("Request aborted", { cause: signal.reason })
      : new NetworkError(`No response for ${operationName}: ${(cause = safeCopy(error, redact))?.message ?? cause}`, { cause });
  if (!Object.hasOwn(typed, "operationName")) Object.defineProperty(typed, "operationName", { value: operationName, enumerable: true });
  return typed;
}

/**
 * A plain-data copy of a foreign error that cannot hold the key: name, message, stack, the
 * primitive diagnostics (`code: "ECONNRESET"`, `errno`, `syscall`) and the same of its causes,
 * redacted; nothing else. HTTP libraries attach the request to their errors (axios `config`, got
 * `options`), headers and all. Copying a short list of known-safe fields cannot miss a key the
 * way redacting an open-ended object graph (sockets, `Headers`, getters, cycles) can, and
 * `JSON.stringify` with a key list is the smallest way to do it in the browser bundle (it reads
 * `message` and `stack` although they are not enumerable). A cause it cannot copy (a cycle)
 * is left out.
 */
function safeCopy(error: unknown, redact: (text: string) => string): { message?: unknown } | undefined {
  try {
    return JSON.parse(redact(JSON.stringify(error, ["message", "code", "stack", "cause"]))) as { message?: unknown };
  } catch {}
}
