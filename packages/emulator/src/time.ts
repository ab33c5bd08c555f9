// Timestamps as the Python SDK parses them ('%Y-%m-%dT%H:%M:%S.%fZ'): fractional seconds and a
// trailing Z are both required, e.g. 2023-06-29T19:36:24.123Z.

/** Milliseconds since the epoch; injectable so tests can use a fake clock. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` for the given epoch milliseconds. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/** `YYYY-MM-DDTHH:MM:SS[.fff]Z` with fields every month has: a valid timestamp without parsing. */
const PLAIN_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/;

/** Whether `parseTimestamp(text)` would give a time; the common UTC form is answered by one regex test (bulk imports check one per row). */
export function isTimestamp(text: string): boolean {
  return PLAIN_UTC.test(text) || parseTimestamp(text) !== null;
}

/**
 * Parses the timestamp forms clients send: ISO 8601 with or without fractional seconds or zone
 * (a missing zone means UTC), and the export filters' `YYYY-MM-DD HH:MM:SS`. Returns epoch ms or
 * null when the text is not a timestamp.
 */
export function parseTimestamp(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone = "Z"] = m;
  const ms = frac ? Math.round(Number(`0${frac}`) * 1000) : 0;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(t)) return null;
  if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  // Reject calendar and clock overflow such as 2023-02-31 or 24:00, which Date.UTC silently rolls over.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return t;
}
