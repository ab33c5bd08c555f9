import { ValidationError, type ValidationIssue } from "../errors/classes.js";

/** A list that validators append to, so one pass reports every problem, not just the first. */
export type Issues = ValidationIssue[];

/** A rule's outcome: `true` when it holds, else the message for its path. */
export type Rule = true | string;

/** Throws a {@link ValidationError} listing every issue, or returns when there is none. */
export function throwIfIssues(what: string, issues: Issues): void {
  if (issues.length === 0) return;
  throw new ValidationError(`Invalid input for ${what}:${issues.map((i) => `\n  - ${i.path ? `${i.path}: ` : ""}${i.message}`).join("")}`, issues);
}

/** Records `message` at `path`; returns false, so a check can end with `return problem(...)`. */
export function problem(issues: Issues, path: string, message: string): false {
  issues.push({ path, message });
  return false;
}

/** Records "must be `what`, got `value`" at `path`; returns false. */
export function expected(issues: Issues, path: string, what: string, value: unknown): false {
  return problem(issues, path, `must be ${what}, got ${describe(value)}`);
}

/** Records every rule that does not hold (each is `condition || message`); returns whether all held. */
export function rules(issues: Issues, path: string, outcomes: readonly Rule[]): boolean {
  let ok = true;
  for (const outcome of outcomes) if (outcome !== true) ok = problem(issues, path, outcome);
  return ok;
}

/** The length rule shared by global keys, row data and text metadata. */
export function atMost(max: number, length: number): Rule {
  return length <= max || `must be at most ${max} characters, got ${length}`;
}

/** Records an issue unless `value` is a non-empty string; returns whether it was one. */
export function checkNonEmptyString(value: unknown, path: string, issues: Issues): value is string {
  if (typeof value !== "string") return expected(issues, path, "a string", value);
  return value.trim() !== "" || problem(issues, path, "must not be empty");
}

/** Records an issue unless `value` is absent or a string. */
export function checkOptionalString(value: unknown, path: string, issues: Issues): void {
  if (value != null && typeof value !== "string") expected(issues, path, "a string", value);
}

/** Records an issue unless `value` is a non-empty array; returns whether it was one. */
export function checkNonEmptyArray(value: unknown, path: string, issues: Issues): value is readonly unknown[] {
  if (!Array.isArray(value)) return expected(issues, path, "an array", value);
  return value.length > 0 || problem(issues, path, "must not be empty");
}

/**
 * Checks every item of an array with `check` at `path[i]`; records an issue if `value` is not an
 * array. An item `isValid` accepts is passed without building its path: bulk imports check
 * millions of items, nearly all valid.
 */
export function checkEach(
  value: unknown,
  path: string,
  issues: Issues,
  check: (item: unknown, path: string, issues: Issues) => unknown,
  what = "an array",
  isValid?: (item: unknown) => boolean,
): void {
  if (!Array.isArray(value)) {
    expected(issues, path, what, value);
    return;
  }
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!isValid?.(item)) check(item, `${path}[${i}]`, issues);
  }
}

/** True for a non-null, non-array object, e.g. a JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short, safe description of a value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
