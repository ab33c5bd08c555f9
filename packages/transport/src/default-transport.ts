import type { Clock } from "./clock.js";
import { compose } from "./compose.js";
import type { TransportObserver } from "./events.js";
import { type FetchLike, fetchTransport } from "./fetch.js";
import { largeBodyFetch } from "./large-bodies.js";
import { type ApiKeySource, auth, userAgent } from "./headers.js";
import { observe } from "./observe.js";
import { type RateLimitOptions, type RateLimitPreset, rateLimit } from "./rate-limit.js";
import { type RetryOptions, retry } from "./retry.js";
import { deadline, timeout } from "./timeout.js";
import type { Middleware, Transport, TransportRequest } from "./types.js";

export interface DefaultTransportOptions {
  /** Sent as `authorization: Bearer <apiKey>`. Omit to send no credentials. */
  readonly apiKey?: ApiKeySource;
  /** The innermost transport. Default: `fetchTransport({ fetch })`, without a `fetch` of yours on `largeBodyFetch()`. */
  readonly transport?: Transport;
  /** The `fetch` for the default transport. Default: `globalThis.fetch`. */
  readonly fetch?: FetchLike;
  /** Retry options, or `false` for a single attempt. Default: `retry()`'s defaults (3 attempts). */
  readonly retry?: Omit<RetryOptions, "onEvent" | "clock"> | false;
  /**
   * Per-attempt timeout in ms, a function of the request, or `false`. Default: 60 s, and 10
   * minutes for uploads (the Labelbox Python SDK uses 60 s for API calls and none for uploads).
   */
  readonly timeoutMs?: number | ((request: TransportRequest) => number) | false;
  /** Overall deadline per call in ms. Default none; a request's own `deadline` is always enforced. */
  readonly deadlineMs?: number;
  /** Client-side rate limit: a plan name, full options, or `false`. Default `false` (off). */
  readonly rateLimit?: RateLimitPreset | Omit<RateLimitOptions, "onEvent" | "clock"> | false;
  /** Your application's product token for `User-Agent`, e.g. `my-app/1.2.0`. */
  readonly product?: string;
  /** Send `x-lbx-sdk` (see `userAgent`). Default true. */
  readonly sdkHeader?: boolean;
  /** Receives every event: request, response, error, retry, give-up, rate-limit. */
  readonly onEvent?: TransportObserver;
  readonly clock?: Clock;
}

/** `timeout()` with a limit chosen per request; `Infinity` means none. */
function attemptTimeout(ms: number | ((request: TransportRequest) => number), clock: Clock | undefined): Middleware {
  if (typeof ms === "number") return timeout({ ms, clock });
  return (next) => (request) => {
    const limit = ms(request);
    return limit === Infinity ? next(request) : timeout({ ms: limit, clock })(next)(request);
  };
}

/** The default per-attempt timeout: 60 s, 10 min for uploads (large bodies take long to send). */
export function defaultAttemptTimeout(request: TransportRequest): number {
  return request.operation?.kind === "upload" ? 600_000 : 60_000;
}

/**
 * The recommended stack, outermost first:
 * `deadline → userAgent → auth → retry → rateLimit → timeout → observe → transport`.
 *
 * - `deadline` outside `retry`, so it bounds the whole call, waits included;
 * - `userAgent` and `auth` outside `retry`, so headers are added once and every error leaving the
 *   stack has the key removed;
 * - `rateLimit` inside `retry`, so every attempt, retries included, takes a token;
 * - `timeout` inside `rateLimit`, so waiting for a token does not eat an attempt's time;
 * - `observe` innermost, so it reports each attempt as actually sent.
 *
 * @example
 * ```ts
 * import { createDefaultTransport } from "@lbx/transport";
 * const transport = createDefaultTransport({ apiKey, rateLimit: "free", onEvent: (e) => log.debug(e) });
 * ```
 */
export function createDefaultTransport(options: DefaultTransportOptions = {}): Transport {
  const { clock, onEvent } = options;
  const stack: Middleware[] = [
    deadline({ ms: options.deadlineMs, clock }),
    userAgent({ product: options.product, sdkHeader: options.sdkHeader }),
  ];
  if (options.apiKey !== undefined) stack.push(auth({ apiKey: options.apiKey }));
  if (options.retry !== false) stack.push(retry({ ...options.retry, clock, onEvent }));
  if (options.rateLimit) {
    const limit = typeof options.rateLimit === "string" ? { requestsPerMinute: options.rateLimit } : options.rateLimit;
    stack.push(rateLimit({ ...limit, clock, onEvent }));
  }
  if (options.timeoutMs !== false) stack.push(attemptTimeout(options.timeoutMs ?? defaultAttemptTimeout, clock));
  if (onEvent) stack.push(observe({ onEvent, clock }));
  // Node's global fetch copies large byte bodies once more unless redirects are errors (large-bodies.ts).
  return compose(...stack)(options.transport ?? fetchTransport({ fetch: options.fetch ?? largeBodyFetch() }));
}
