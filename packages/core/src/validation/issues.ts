import { ValidationError, type ValidationIssue } from "../errors/classes.js";

/** A list that validators append to, so one pass reports every problem, not just the first. */
export type Issues = ValidationIssue[];

/** Throws a {@link ValidationError} listing every issue, or returns when there is none. */
export function throwIfIssues(what: string, issues: Issues): void {
  if (issues.length === 0) return;
  const lines = issues.map((i) => `  - ${i.path ? `${i.path}: ` : ""}${i.message}`);
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  throw new ValidationError(`Invalid input for ${what} (${count}):\n${lines.join("\n")}`, issues);
}

/** Records an issue unless `value` is a non-empty string; returns whether it was one. */
export function checkNonEmptyString(value: unknown, path: string, issues: Issues): value is string {
  if (typeof value === "string" && value.trim() !== "") return true;
  issues.push({ path, message: typeof value === "string" ? "must not be empty" : `must be a string, got ${describe(value)}` });
  return false;
}

/** Records an issue unless `value` is a non-empty array; returns whether it was one. */
export function checkNonEmptyArray(value: unknown, path: string, issues: Issues): value is readonly unknown[] {
  if (Array.isArray(value) && value.length > 0) return true;
  issues.push({ path, message: Array.isArray(value) ? "must not be empty" : `must be an array, got ${describe(value)}` });
  return false;
}

/** A short, safe description of a value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
