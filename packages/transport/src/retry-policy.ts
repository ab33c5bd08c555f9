import { isLbxError, type TimeoutError } from "./errors.js";
import type { GiveUpReason } from "./events.js";
import type { TransportRequest } from "./types.js";

/**
 * Statuses that mean "try again later": request timeout, rate limited, and the server-side
 * failures a load balancer or an overloaded backend produces (520 is Cloudflare's "unknown error",
 * which the Labelbox Python SDK retries on uploads).
 */
export const RETRYABLE_STATUSES = [408, 429, 500, 502, 503, 504, 520] as const;

/**
 * Statuses that repeating cannot fix, listed because users ask. Only `RETRYABLE_STATUSES` are ever
 * retried, so these (bad request, auth, not found, conflict, validation, Labelbox's 426 "limit
 * exceeded") and every other status go back to the caller after one attempt.
 */
export const NEVER_RETRIED_STATUSES = [400, 401, 403, 404, 409, 422, 426] as const;

/**
 * What failed in a way worth retrying, or `undefined` when the outcome stands: `"status 503"` for
 * a retryable status, the error code for a network error (`NETWORK_ERROR`) or an attempt timeout
 * (`TIMEOUT`). Aborts, deadlines and anything that is not a transport error (say, a bug in a
 * custom transport) are never retried.
 */
export function retryCause(request: TransportRequest, response: Response | undefined, error?: unknown): string | undefined {
  if (response) return (RETRYABLE_STATUSES as readonly number[]).includes(response.status) ? `status ${response.status}` : undefined;
  if (request.signal?.aborted || !isLbxError(error)) return undefined;
  const { code } = error;
  return code === "NETWORK_ERROR" || (code === "TIMEOUT" && (error as TimeoutError).scope === "attempt") ? code : undefined;
}

/**
 * Why `request` must not be sent twice, or `undefined` when repeating it is safe. Safe means the
 * caller said so (`operation.idempotent`: queries, uploads, mutations keyed by global key), or,
 * with no operation info, a GET or HEAD. A `ReadableStream` body is consumed by the first attempt
 * and cannot be replayed, so such requests are never retried; send a `Blob` to make them retryable.
 */
export function repeatBlocker(request: TransportRequest): GiveUpReason | undefined {
  const safe = request.operation ? request.operation.idempotent : request.method === "GET" || request.method === "HEAD";
  if (!safe) return "not-idempotent";
  if (request.body instanceof ReadableStream) return "stream-body";
  return undefined;
}
