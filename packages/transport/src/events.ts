import { redactText, secretsOf, withoutQuery } from "./redact.js";
import type { TransportRequest } from "./types.js";

/** What every event says about the request it concerns. */
export interface RequestSummary {
  readonly method: TransportRequest["method"];
  /** The URL without its query string, which on signed storage URLs is a credential. */
  readonly url: string;
  /** The operation name, e.g. `GetDataRowPyApi`; `undefined` when the caller did not say. */
  readonly operation: string | undefined;
  readonly attempt: number;
}

/** An error as events carry it: plain data, credentials removed. */
export interface ErrorSummary {
  readonly name: string;
  /** The lbx error code (`NETWORK_ERROR`, `TIMEOUT`, `ABORTED`, ...), when it is one. */
  readonly code?: string;
  readonly message: string;
}

/** Why retry stopped retrying a call that failed in a retryable way. */
export type GiveUpReason =
  | "max-attempts"
  | "retry-budget"
  | "not-idempotent"
  | "stream-body"
  | "deadline";

/**
 * Structured events for a logger. Credentials never appear: headers are redacted, URLs have no
 * query string, and error messages have every credential of the request removed.
 */
export type TransportEvent =
  /** An attempt is about to be sent. */
  | (RequestSummary & { readonly type: "request"; readonly headers: Readonly<Record<string, string>> })
  /** An attempt got a response (any status). */
  | (RequestSummary & { readonly type: "response"; readonly status: number; readonly durationMs: number })
  /** An attempt got no response. */
  | (RequestSummary & { readonly type: "error"; readonly error: ErrorSummary; readonly durationMs: number })
  /**
   * `retry`: another attempt follows after `delayMs`. `give-up`: retry stopped (`reason` says
   * why) and the last outcome, response or error, goes to the caller as it is; `delayMs` is then
   * the wait that was not taken. `attempt` is the attempt that failed. These events name the
   * operation but not the URL: the `request` events of `observe()` have it.
   */
  | {
      readonly type: "retry" | "give-up";
      readonly operation: string | undefined;
      readonly attempt: number;
      /** What failed: `status 503`, or the error code `NETWORK_ERROR` / `TIMEOUT` (details in the `error` event). */
      readonly cause: string;
      readonly delayMs: number;
      /** `backoff`, or the header the server's hint came from. */
      readonly delaySource: "backoff" | "retry-after" | "retry-after-ms";
      readonly reason?: GiveUpReason;
    }
  /** The rate limiter holds this request back for `waitMs`. */
  | (RequestSummary & { readonly type: "rate-limit"; readonly waitMs: number });

/** Receives events. It must not throw; if it does, the error is ignored and the call goes on. */
export type TransportObserver = (event: TransportEvent) => void;

/** The summary of `request` that every event starts with. */
export function summarize(request: TransportRequest): RequestSummary {
  return {
    method: request.method,
    url: withoutQuery(request.url),
    operation: request.operation?.name,
    attempt: request.attempt ?? 1,
  };
}

/** `error` as plain data with the request's credentials removed from its message. */
export function summarizeError(error: unknown, request: TransportRequest): ErrorSummary {
  const record = (typeof error === "object" && error !== null ? error : {}) as { name?: unknown; code?: unknown; message?: unknown };
  const summary: { -readonly [K in keyof ErrorSummary]: ErrorSummary[K] } = {
    name: typeof record.name === "string" ? record.name : typeof error,
    message: redactText(typeof record.message === "string" ? record.message : String(error), secretsOf(request.headers)),
  };
  if (typeof record.code === "string") summary.code = record.code;
  return summary;
}

/** Delivers `event`; a throwing observer must not turn a successful call into a failed one. */
export function emit(observer: TransportObserver | undefined, event: TransportEvent): void {
  if (!observer) return;
  try {
    observer(event);
  } catch {
    // Deliberately ignored: logging is never allowed to change the outcome of a request.
  }
}
