import { type Clock, systemClock } from "./clock.js";
import { type TransportObserver, emit, summarize, summarizeError } from "./events.js";
import { redactHeaders } from "./redact.js";
import type { Middleware } from "./types.js";

export interface ObserveOptions {
  readonly onEvent: TransportObserver;
  readonly clock?: Clock;
}

/**
 * Reports every attempt to a logger as structured events: `request` (with redacted headers),
 * then `response` (status, duration) or `error` (code, redacted message, duration). Put it
 * innermost, next to the transport, so it sees each attempt with its final headers; `retry()`
 * and `rateLimit()` report their own decisions to the same observer.
 *
 * @example
 * ```ts
 * const transport = compose(observe({ onEvent: (e) => console.error(JSON.stringify(e)) }))(fetchTransport());
 * ```
 */
export function observe(options: ObserveOptions): Middleware {
  const { onEvent, clock = systemClock } = options;
  if (typeof onEvent !== "function") throw new TypeError(`observe({ onEvent }) must be a function, got ${typeof onEvent}`);
  return (next) => async (request) => {
    const summary = summarize(request);
    emit(onEvent, { ...summary, type: "request", headers: redactHeaders(request.headers) });
    const start = clock.now();
    try {
      const response = await next(request);
      emit(onEvent, { ...summary, type: "response", status: response.status, durationMs: clock.now() - start });
      return response;
    } catch (error) {
      emit(onEvent, { ...summary, type: "error", error: summarizeError(error, request), durationMs: clock.now() - start });
      throw error;
    }
  };
}
