// Global-key rules of the cloud (spec §5.1, §9.2; design/user-needs.md §2): at most 200
// characters, a fixed character set, no leading/trailing or doubled spaces, unique per
// organization ignoring case. The characters " < > \ { } | are not rejected but replaced by `_`
// ("sanitized"), which the SDK's own tests observe.

const SANITIZED = /["<>\\{}|]/g;
const ALLOWED = /^[A-Za-z0-9!_.*'()&$@=;/:+,?\- ]*$/;

/** The outcome of checking one global key. */
export type GlobalKeyCheck =
  | { ok: true; key: string; normalized: string; sanitized: boolean }
  | { ok: false; reason: string };

/**
 * Checks and sanitizes a global key. `key` is what gets stored, `normalized` the case-folded form
 * that uniqueness is decided on.
 */
export function checkGlobalKey(raw: unknown, maxLength: number): GlobalKeyCheck {
  if (typeof raw !== "string") return { ok: false, reason: "Global key must be a string" };
  if (raw.length === 0) return { ok: false, reason: "Global key must not be empty" };
  const key = raw.replace(SANITIZED, "_");
  if (key.length > maxLength) return { ok: false, reason: `Global key is longer than ${maxLength} characters` };
  if (key.trim() !== key) return { ok: false, reason: "Global key must not start or end with whitespace" };
  if (key.includes("  ")) return { ok: false, reason: "Global key must not contain consecutive spaces" };
  if (!ALLOWED.test(key)) {
    const bad = [...key].find((ch) => !ALLOWED.test(ch)) ?? "";
    return { ok: false, reason: `Global key contains a character that is not allowed: ${JSON.stringify(bad)}` };
  }
  return { ok: true, key, normalized: normalizeGlobalKey(key), sanitized: key !== raw };
}

/** The form global keys are compared in: they are case-insensitive. */
export function normalizeGlobalKey(key: string): string {
  return key.toLowerCase();
}
