import { describe, type Issues } from "./issues.js";

/** Longest global key Labelbox accepts. */
export const GLOBAL_KEY_MAX_LENGTH = 200;

// Documented set, plus `"<>\{}|`, which the server accepts and replaces with `_` (spec §5.1).
const ALLOWED = /^[A-Za-z0-9!_.*'()&$@=;/:+,?\- "<>\\{}|]$/;

/**
 * Checks a global key against Labelbox's rules: 1-200 characters from the allowed set, no
 * leading or trailing space, no double space. Returns whether the key passed.
 */
export function checkGlobalKey(value: unknown, path: string, issues: Issues): value is string {
  if (typeof value !== "string") {
    issues.push({ path, message: `must be a string, got ${describe(value)}` });
    return false;
  }
  const before = issues.length;
  if (value.length === 0) issues.push({ path, message: "must not be empty" });
  if (value.length > GLOBAL_KEY_MAX_LENGTH) {
    issues.push({ path, message: `must be at most ${GLOBAL_KEY_MAX_LENGTH} characters, got ${value.length}` });
  }
  if (value.trim() !== value) issues.push({ path, message: "must not start or end with whitespace" });
  if (value.includes("  ")) issues.push({ path, message: "must not contain two spaces in a row" });
  const bad = [...new Set([...value].filter((c) => !ALLOWED.test(c)))];
  if (bad.length > 0) {
    issues.push({
      path,
      message: `contains characters Labelbox does not allow: ${bad.map((c) => JSON.stringify(c)).join(" ")} (allowed: letters, digits, space and !_.*'()&$@=;/:+,?-)`,
    });
  }
  return issues.length === before;
}

/**
 * Global keys are unique per organization and compared case-insensitively, so two inputs that
 * differ only in case collide. Reports each later duplicate with the index it repeats.
 */
export function checkDistinctKeys(keys: readonly (string | undefined)[], pathOf: (i: number) => string, issues: Issues): void {
  const first = new Map<string, number>();
  keys.forEach((key, i) => {
    if (typeof key !== "string") return;
    const folded = key.toLowerCase();
    const seen = first.get(folded);
    if (seen === undefined) first.set(folded, i);
    else issues.push({ path: pathOf(i), message: `duplicates the global key at index ${seen} (keys are case-insensitive)` });
  });
}
