import { AbortError, isLbxError, NetworkError } from "@lbx/transport";

/**
 * Classifies a transport that rejected (no response arrived). The transport's own errors
 * (`NetworkError`, `TimeoutError`, `AbortError`, already stripped of the key by its `auth`
 * middleware) pass through; anything else a custom transport throws becomes a `NetworkError`,
 * or an `AbortError` when the caller's signal fired. Each gets the operation name attached.
 */
export function transportFailure(error: unknown, signal: AbortSignal | undefined, operationName: string, redact: (text: string) => string): unknown {
  let typed: unknown = error;
  if (!isLbxError(error)) {
    const message = redact(String((error as { message?: unknown } | null)?.message ?? error));
    typed = signal?.aborted
      ? new AbortError("The request was aborted", { cause: signal.reason })
      : new NetworkError(`No response for ${operationName}: ${message}`, { cause: error });
  }
  return withOperation(typed, operationName);
}

/** Records which operation an lbx error came from, unless it already says. */
export function withOperation(error: unknown, operationName: string): unknown {
  if (isLbxError(error) && !Object.hasOwn(error, "operationName")) {
    Object.defineProperty(error, "operationName", { value: operationName, enumerable: true });
  }
  return error;
}
