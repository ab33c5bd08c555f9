import { afterEach, describe, expect, it } from "vitest";
import { backoffDelay } from "../src/backoff.js";
import { parseRetryAfter } from "../src/retry-after.js";

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const parse = (headers: Record<string, string>) => parseRetryAfter(new Headers(headers), NOW);

describe("parseRetryAfter", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    [{ "retry-after": "2" }, { ms: 2000, source: "retry-after" }],
    [{ "retry-after": "1.5" }, { ms: 1500, source: "retry-after" }],
    [{ "retry-after": "0.0015" }, { ms: 2, source: "retry-after" }],
    [{ "retry-after": "120" }, { ms: 120_000, source: "retry-after" }],
    [{ "retry-after": "Thu, 01 Jan 2026 12:00:05 GMT" }, { ms: 5000, source: "retry-after" }],
    [{ "retry-after": "Thursday, 01-Jan-26 12:00:30 GMT" }, { ms: 30_000, source: "retry-after" }],
    [{ "retry-after": "Thu Jan  1 12:01:00 2026" }, { ms: 60_000, source: "retry-after" }],
    [{ "retry-after": "Wed, 31 Dec 2025 23:00:00 GMT" }, { ms: 0, source: "retry-after" }],
    [{ "retry-after-ms": "250" }, { ms: 250, source: "retry-after-ms" }],
    [{ "retry-after-ms": "0" }, { ms: 0, source: "retry-after-ms" }],
    [{ "retry-after-ms": "33.2" }, { ms: 34, source: "retry-after-ms" }],
    [{ "retry-after-ms": "100", "retry-after": "100" }, { ms: 100, source: "retry-after-ms" }],
  ])("%j -> %j", (headers, expected) => {
    expect(parse(headers)).toEqual(expected);
  });

  it.each<Record<string, string>>([{}, { "retry-after": "" }, { "retry-after": "soon" }, { "retry-after": "-5" }, { "retry-after": "1e3" }, { "retry-after": "0x10" }, { "retry-after": "Thu, 99 Foo 2026" }, { "retry-after-ms": "-1" }])(
    "%j is no hint",
    (headers) => {
      expect(parse(headers)).toBeUndefined();
    },
  );

  it("reads the asctime form as GMT whatever the local time zone", () => {
    process.env.TZ = "America/New_York";
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(300); // the zone switch took effect
    expect(parse({ "retry-after": "Thu Jan  1 12:01:00 2026" })).toEqual({ ms: 60_000, source: "retry-after" });
    expect(parse({ "retry-after": "Thu, 01 Jan 2026 12:00:05 GMT" })).toEqual({ ms: 5000, source: "retry-after" });
  });
});

describe("backoffDelay (full jitter)", () => {
  it("grows as base * 2^(retry-1) and stops at the cap", () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, {}, top))).toEqual([499, 999, 1999, 3999, 7999, 15_999, 19_999, 19_999]);
    expect(backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 250 }, top)).toBe(249);
  });

  it("can be zero: the jitter is full, not equal", () => {
    expect(backoffDelay(4, {}, () => 0)).toBe(0);
  });
});
