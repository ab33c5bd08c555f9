/** Where a server-chosen wait came from. */
export type RetryAfterSource = "retry-after-ms" | "retry-after";

/** A wait the server asked for, in milliseconds (never negative, not yet capped). */
export interface RetryAfterHint {
  readonly ms: number;
  readonly source: RetryAfterSource;
}

// Non-negative decimal seconds (or ms): "2", "1.5", " 3 ". Number() alone would also take "", "0x10" and "1e3".
const DECIMAL = /^\s*\d+(\.\d+)?\s*$/;

/**
 * Reads the server's wait hint from response headers, the way OpenAI and AWS do and Shopify does
 * not (it sleeps `Retry-After` seconds as milliseconds):
 * - `retry-after-ms: 250` wins when present (milliseconds, fractions allowed);
 * - `Retry-After: 2` and `Retry-After: 1.5` are seconds;
 * - `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT` (any HTTP-date form, always GMT) is a time, and a
 *   time in the past means "now" (0 ms);
 * - anything else (absent, negative, garbage) gives `undefined`, and the caller falls back to backoff.
 *
 * `now` is epoch milliseconds from the caller's clock. Capping absurd values is the caller's job.
 */
export function parseRetryAfter(headers: Headers, now: number): RetryAfterHint | undefined {
  const ms = headers.get("retry-after-ms") ?? "";
  if (DECIMAL.test(ms)) return { ms: Math.ceil(Number(ms)), source: "retry-after-ms" };
  const value = headers.get("retry-after") ?? "";
  // Only dates, which name a day and month, are parsed as dates: Date.parse also accepts "-5".
  // The asctime form has no zone and would be read as local time, but HTTP dates are GMT.
  const at = DECIMAL.test(value)
    ? now + Number(value) * 1000
    : /[a-z]{3}/i.test(value)
      ? Date.parse(/GMT$/.test(value) ? value : `${value} GMT`)
      : NaN;
  return Number.isNaN(at) ? undefined : { ms: Math.max(0, Math.ceil(at - now)), source: "retry-after" };
}
