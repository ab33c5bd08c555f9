import { isLbxError } from "@lbx/core";

/** Errors after which no further batch can succeed: stop instead of failing every row the same way. */
export function isFatal(error: unknown): boolean {
  return isLbxError(error) && ["AUTHENTICATION_ERROR", "AUTHORIZATION_ERROR", "ABORTED", "TIMEOUT", "TASK_TIMEOUT"].includes(error.code);
}

/** A stable code and a message for a batch that failed as a whole. */
export function batchFailure(error: unknown): { code: string; message: string } {
  return { code: isLbxError(error) ? error.code : "ERROR", message: (error as Error | null)?.message ?? String(error) };
}

/** Splits `count` items into consecutive ranges of at most `size`. */
export function* ranges(count: number, size: number): Generator<[number, number]> {
  for (let start = 0; start < count; start += size) yield [start, Math.min(count, start + size)];
}

export function checkBatchSize(size: number, max: number): number {
  if (!Number.isInteger(size) || size < 1 || size > max) throw new RangeError(`batchSize must be an integer from 1 to ${max}, got ${size}`);
  return size;
}
