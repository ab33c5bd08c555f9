/**
 * Checks a numeric option at construction time, so a typo fails where it was made and names the
 * option (`retry({ maxAttempts }) must be a whole number >= 1, got 0`), not on the first request.
 */
export function checkNumber(where: string, value: unknown, min: number, integer?: boolean): void {
  if (value !== undefined && !((value as number) >= min && (!integer || Number.isInteger(value)))) {
    throw new RangeError(`${where} must be a ${integer ? "whole " : ""}number >= ${min}, got ${String(value)}`);
  }
}
