import { AbortError, isLbxError } from "./errors.js";

/**
 * The error an aborted signal stands for. Middleware abort their own signals with an lbx error as
 * the reason (a `TimeoutError`), which is rethrown as it is; anything else is the caller's abort
 * and becomes an `AbortError` whose `cause` is the signal's reason.
 */
export function abortErrorOf(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return isLbxError(reason) ? reason : new AbortError("Request aborted", { cause: reason });
}

/**
 * A signal that aborts when either input does, with the reason of whichever fired first.
 * `AbortSignal.any` (Baseline 2024: Node 20.3, Chrome 116, Firefox 124, Safari 17.4) holds its
 * inputs weakly, so a long-lived caller signal does not collect one listener per request.
 */
export function eitherSignal(outer: AbortSignal | undefined, inner: AbortSignal): AbortSignal {
  return outer ? AbortSignal.any([outer, inner]) : inner;
}
