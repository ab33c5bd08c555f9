/** A retry costs this many tokens (the AWS SDK's standard retry strategy). */
export const RETRY_COST = 5;
/** A retry after an attempt timeout costs more: timeouts hint at overload. */
export const TIMEOUT_RETRY_COST = 10;
/** A call that succeeds at its first attempt gives back this many tokens. */
export const SUCCESS_REWARD = 1;

/** A retry budget: hand one to several `retry()` middleware to make them share it. */
export interface RetryBudget {
  /** Takes the cost of one retry and returns it; `undefined` (nothing taken) when the bucket cannot pay. */
  take(afterTimeout: boolean): number | undefined;
  /** Records a call that succeeded: it gives back what its retries spent, or `SUCCESS_REWARD` if it needed none. */
  succeeded(spent: number): void;
}

/**
 * A token bucket that stops retry storms. Each retry spends tokens; successes put some back. When
 * a server is down, every call fails, the bucket drains, and calls stop retrying (each fails after
 * one attempt) until successes refill it. Each `retry()` makes its own (capacity 500, so 100
 * retries in a row), shared by all its calls.
 *
 * @param capacity tokens in a full bucket.
 */
export function createRetryBudget(capacity = 500): RetryBudget {
  let tokens = capacity;
  return {
    take(afterTimeout) {
      const cost = afterTimeout ? TIMEOUT_RETRY_COST : RETRY_COST;
      if (cost > tokens) return undefined;
      tokens -= cost;
      return cost;
    },
    succeeded(spent) {
      tokens = Math.min(capacity, tokens + (spent || SUCCESS_REWARD));
    },
  };
}
