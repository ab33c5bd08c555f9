import { AbortError, isLbxError, NetworkError } from "@lbx/transport";

/**
 * Classifies a transport that rejected (no response arrived). The transport's own errors
 * (`NetworkError`, `TimeoutError`, `AbortError`, already stripped of the key by its `auth`
 * middleware) pass through; anything else a custom transport throws becomes a `NetworkError`,
 * or an `AbortError` when the caller's signal fired. Each gets the operation name attached,
 * unless it already names one.
 */
export function transportFailure(error: unknown, signal: AbortSignal | undefined, operationName: string, redact: (text: string) => string): unknown {
  const typed = isLbxError(error)
    ? error
    : signal?.aborted
      ? new AbortError("Request aborted", { cause: signal.reason })
      : new NetworkError(`No response for ${operationName}: ${redact(String((error as { message?: unknown } | null)?.message ?? error))}`, { cause: error });
  if (!Object.hasOwn(typed, "operationName")) Object.defineProperty(typed, "operationName", { value: operationName, enumerable: true });
  return typed;
}
