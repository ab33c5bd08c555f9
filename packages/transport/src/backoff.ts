/** How the wait between attempts grows when the server gives no hint. */
export interface BackoffOptions {
  /** The ceiling of the first wait, in ms. Default 500. */
  readonly baseDelayMs?: number;
  /** The ceiling no wait exceeds, in ms. Default 20,000 (AWS's maximum retry delay). */
  readonly maxDelayMs?: number;
}

/**
 * Exponential backoff with full jitter: a uniform random wait between 0 and
 * `min(maxDelayMs, baseDelayMs * 2^(retry - 1))`. Full jitter spreads the retries of many clients
 * that failed together, which is what a bulk job hitting an outage is.
 *
 * @param retry 1 for the wait before the second attempt, 2 before the third, ...
 * @param random returns a number in [0, 1): `Math.random`, or a constant in tests.
 */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const { baseDelayMs = 500, maxDelayMs = 20_000 } = options;
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}
