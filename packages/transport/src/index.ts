/**
 * `@lbx/transport`: the HTTP seam of lbx. A transport is a function from a request to a WHATWG
 * `Response`; middleware wrap it with retry, timeouts, rate limits, auth and logging. This entry
 * runs in browsers, edge runtimes and Node, and imports nothing (the undici transport lives at
 * `@lbx/transport/undici`, the conformance suite at `@lbx/transport/testing`).
 */
export type { Middleware, OperationInfo, OperationKind, Transport, TransportBody, TransportRequest } from "./types.js";
export { AbortError, LbxError, NetworkError, TimeoutError, isLbxError } from "./errors.js";

export { type FetchLike, type FetchTransportOptions, fetchTransport } from "./fetch.js";
export { LARGE_BODY_BYTES, LARGE_BODY_INIT, largeBodyFetch } from "./large-bodies.js";
export { compose } from "./compose.js";
export { type DefaultTransportOptions, createDefaultTransport, defaultAttemptTimeout } from "./default-transport.js";

export { type RetryOptions, retry } from "./retry.js";
export { NEVER_RETRIED_STATUSES, RETRYABLE_STATUSES, repeatBlocker, retryCause } from "./retry-policy.js";
export { type RetryAfterHint, type RetryAfterSource, parseRetryAfter } from "./retry-after.js";
export { type BackoffOptions, backoffDelay } from "./backoff.js";
export { RETRY_COST, type RetryBudget, SUCCESS_REWARD, TIMEOUT_RETRY_COST, createRetryBudget } from "./retry-budget.js";
export { type DeadlineOptions, type TimeoutOptions, deadline, timeout } from "./timeout.js";
export { RATE_LIMIT_PRESETS, type RateLimitOptions, type RateLimitPreset, rateLimit } from "./rate-limit.js";
export { type ApiKeySource, type AuthOptions, type UserAgentOptions, auth, userAgent } from "./headers.js";
export { type ObserveOptions, observe } from "./observe.js";
export type { ErrorSummary, GiveUpReason, RequestSummary, TransportEvent, TransportObserver } from "./events.js";
export { REDACTED, redactError, redactHeaders, redactText, secretsOf } from "./redact.js";
export { sleep } from "./sleep.js";
export { type Clock, systemClock } from "./clock.js";
export { VERSION } from "./version.js";
