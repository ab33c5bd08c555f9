import { atMost, expected, type Issues, rules } from "./issues.js";

/** Longest global key Labelbox accepts. */
export const GLOBAL_KEY_MAX_LENGTH = 200;

// Documented set, plus `"<>\{}|`, which the server accepts and replaces with `_` (spec §5.1).
const NOT_ALLOWED = /[^A-Za-z0-9!_.*'()&$@=;/:+,?\- "<>\\{}|]/gu;

/**
 * Checks a global key against Labelbox's rules: 1-200 characters from the allowed set, no
 * leading or trailing space, no double space. Returns whether the key passed.
 */
export function checkGlobalKey(value: unknown, path: string, issues: Issues): value is string {
  if (typeof value !== "string") return expected(issues, path, "a string", value);
  const bad = [...new Set(value.match(NOT_ALLOWED))];
  return rules(issues, path, [
    value !== "" || "must not be empty",
    atMost(GLOBAL_KEY_MAX_LENGTH, value.length),
    value.trim() === value || "must not start or end with whitespace",
    !value.includes("  ") || "must not contain two spaces in a row",
    !bad.length ||
      `contains characters Labelbox does not allow: ${bad.map((c) => JSON.stringify(c)).join(" ")} (allowed: letters, digits, space and !_.*'()&$@=;/:+,?-)`,
  ]);
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
