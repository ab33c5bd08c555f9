// The retry policy as a conformance table, on a fake clock: every row says what the server (or
// network) does on each attempt, and exactly which attempts, waits and outcome must follow.
import { describe, expect, it } from "vitest";
import { NEVER_RETRIED_STATUSES, RETRYABLE_STATUSES } from "../src/retry-policy.js";
import { createRetryBudget } from "../src/retry-budget.js";
import { type RetryOptions, retry } from "../src/retry.js";
import type { TransportEvent } from "../src/events.js";
import type { TransportRequest } from "../src/types.js";
import { createFakeClock } from "../src/testing/fake-clock.js";
import { query, request, scripted, type Step } from "./helpers/scripted.js";
import { settle } from "./helpers/settle.js";

// With jitter fixed at 0.5, backoff waits are half the ceiling: 250, 500, 1000, 2000, ... ms.
const HALF = () => 0.5;
const START = Date.UTC(2026, 0, 1);
const httpDate = (offsetMs: number) => new Date(START + offsetMs).toUTCString();
const rfc850 = (offsetMs: number) => {
  const d = new Date(START + offsetMs);
  const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const [, dd, mon, yyyy, time] = d.toUTCString().split(" ");
  return `${days[d.getUTCDay()]}, ${dd}-${mon}-${String(yyyy).slice(2)} ${time} GMT`;
};
const asctime = (offsetMs: number) => {
  const d = new Date(START + offsetMs);
  const [wkd, , mon, , time] = d.toUTCString().replace(",", "").split(" ");
  return `${wkd} ${mon} ${String(d.getUTCDate()).padStart(2, " ")} ${time} ${d.getUTCFullYear()}`;
};

interface Row {
  name: string;
  steps: Step[];
  request?: TransportRequest;
  options?: RetryOptions;
  /** Attempts the transport must see. */
  attempts: number;
  /** Waits between them, in ms, as chosen by retry. */
  delays: number[];
  /** Where each wait came from. */
  sources?: string[];
  /** The final status, or the code of the final error. */
  status?: number;
  errorCode?: string;
  giveUp?: string;
}

type RetryEvent = Extract<TransportEvent, { type: "retry" | "give-up" }>;
const isRetry = (e: TransportEvent): e is RetryEvent => e.type === "retry";

const withHeaders = (status: number, headers: Record<string, string>): Step => ({ status, headers });

const rows: Row[] = [
  { name: "a 200 is returned at once", steps: [200], attempts: 1, delays: [], status: 200 },

  // Each status the policy retries, and each it never does (plus a few others that are not listed).
  ...RETRYABLE_STATUSES.map((status): Row => ({ name: `status ${status} is retried`, steps: [status, 200], attempts: 2, delays: [250], status: 200 })),
  ...[...NEVER_RETRIED_STATUSES, 405, 410, 413, 501, 505].map(
    (status): Row => ({ name: `status ${status} is never retried`, steps: [status, 200], attempts: 1, delays: [], status }),
  ),

  // Every Retry-After form.
  { name: "Retry-After integer seconds", steps: [withHeaders(429, { "retry-after": "2" }), 200], attempts: 2, delays: [2000], sources: ["retry-after"], status: 200 },
  { name: "Retry-After fractional seconds", steps: [withHeaders(503, { "retry-after": "1.5" }), 200], attempts: 2, delays: [1500], sources: ["retry-after"], status: 200 },
  { name: "Retry-After sub-second fraction", steps: [withHeaders(503, { "retry-after": "0.25" }), 200], attempts: 2, delays: [250], status: 200 },
  { name: "Retry-After zero", steps: [withHeaders(429, { "retry-after": "0" }), 200], attempts: 2, delays: [0], sources: ["retry-after"], status: 200 },
  { name: "Retry-After with surrounding spaces", steps: [withHeaders(429, { "retry-after": " 3 " }), 200], attempts: 2, delays: [3000], status: 200 },
  { name: "Retry-After HTTP-date (IMF-fixdate)", steps: [withHeaders(503, { "retry-after": httpDate(5000) }), 200], attempts: 2, delays: [5000], sources: ["retry-after"], status: 200 },
  { name: "Retry-After HTTP-date (RFC 850)", steps: [withHeaders(503, { "retry-after": rfc850(10_000) }), 200], attempts: 2, delays: [10_000], status: 200 },
  { name: "Retry-After HTTP-date (asctime, read as GMT)", steps: [withHeaders(503, { "retry-after": asctime(7000) }), 200], attempts: 2, delays: [7000], status: 200 },
  { name: "Retry-After date in the past means now", steps: [withHeaders(429, { "retry-after": httpDate(-60_000) }), 200], attempts: 2, delays: [0], sources: ["retry-after"], status: 200 },
  { name: "retry-after-ms", steps: [withHeaders(429, { "retry-after-ms": "250" }), 200], attempts: 2, delays: [250], sources: ["retry-after-ms"], status: 200 },
  { name: "fractional retry-after-ms rounds up", steps: [withHeaders(429, { "retry-after-ms": "1.5" }), 200], attempts: 2, delays: [2], status: 200 },
  { name: "retry-after-ms wins over Retry-After", steps: [withHeaders(429, { "retry-after-ms": "40", "retry-after": "9" }), 200], attempts: 2, delays: [40], sources: ["retry-after-ms"], status: 200 },
  { name: "absent Retry-After falls back to backoff", steps: [429, 200], attempts: 2, delays: [250], sources: ["backoff"], status: 200 },
  { name: "garbage Retry-After falls back to backoff", steps: [withHeaders(429, { "retry-after": "soon" }), 200], attempts: 2, delays: [250], sources: ["backoff"], status: 200 },
  { name: "negative Retry-After falls back to backoff", steps: [withHeaders(429, { "retry-after": "-5" }), 200], attempts: 2, delays: [250], sources: ["backoff"], status: 200 },
  { name: "exponent Retry-After falls back to backoff", steps: [withHeaders(429, { "retry-after": "1e3" }), 200], attempts: 2, delays: [250], sources: ["backoff"], status: 200 },
  { name: "garbage retry-after-ms defers to Retry-After", steps: [withHeaders(429, { "retry-after-ms": "x", "retry-after": "1" }), 200], attempts: 2, delays: [1000], sources: ["retry-after"], status: 200 },
  { name: "absurd Retry-After seconds are capped at 60 s", steps: [withHeaders(429, { "retry-after": "99999999" }), 200], attempts: 2, delays: [60_000], status: 200 },
  { name: "absurd Retry-After date is capped at 60 s", steps: [withHeaders(503, { "retry-after": "Fri, 01 Jan 2100 00:00:00 GMT" }), 200], attempts: 2, delays: [60_000], status: 200 },
  { name: "absurd retry-after-ms is capped at 60 s", steps: [withHeaders(503, { "retry-after-ms": "86400000" }), 200], attempts: 2, delays: [60_000], status: 200 },
  { name: "maxRetryAfterMs sets the cap", steps: [withHeaders(429, { "retry-after": "30" }), 200], options: { maxRetryAfterMs: 5000 }, attempts: 2, delays: [5000], status: 200 },
  { name: "Retry-After on a 500 is honoured too", steps: [withHeaders(500, { "retry-after": "1" }), 200], attempts: 2, delays: [1000], status: 200 },
  { name: "Retry-After on a 400 does not make it retryable", steps: [withHeaders(400, { "retry-after": "1" }), 200], attempts: 1, delays: [], status: 400 },

  // Network errors and timeouts thrown below retry.
  { name: "a network error is retried", steps: ["network", 200], attempts: 2, delays: [250], status: 200 },
  { name: "network errors until the attempts run out", steps: ["network", "network", "network"], attempts: 3, delays: [250, 500], errorCode: "NETWORK_ERROR", giveUp: "max-attempts" },
  { name: "an attempt timeout is retried", steps: ["attempt-timeout", 200], attempts: 2, delays: [250], status: 200 },
  { name: "a deadline timeout is never retried", steps: ["deadline-timeout", 200], attempts: 1, delays: [], errorCode: "TIMEOUT" },
  { name: "a non-lbx error (a bug) is never retried", steps: [{ throws: new TypeError("x is not a function") }, 200], attempts: 1, delays: [] },

  // Attempt limits and backoff growth.
  { name: "retryable statuses until the attempts run out return the last response", steps: [503, 502, 504], attempts: 3, delays: [250, 500], status: 504, giveUp: "max-attempts" },
  { name: "maxAttempts 1 never retries", steps: [503, 200], options: { maxAttempts: 1 }, attempts: 1, delays: [], status: 503, giveUp: "max-attempts" },
  { name: "maxAttempts 5 backs off exponentially", steps: [503, 503, 503, 503, 200], options: { maxAttempts: 5 }, attempts: 5, delays: [250, 500, 1000, 2000], status: 200 },
  { name: "maxDelayMs caps the backoff", steps: [503, 503, 503, 200], options: { maxAttempts: 4, maxDelayMs: 600 }, attempts: 4, delays: [250, 300, 300], status: 200 },
  { name: "baseDelayMs scales the backoff", steps: [503, 503, 200], options: { baseDelayMs: 100 }, attempts: 3, delays: [50, 100], status: 200 },

  // Which requests may be repeated.
  { name: "GET without operation info is retried", steps: [503, 200], request: request({ method: "GET" }), attempts: 2, delays: [250], status: 200 },
  { name: "HEAD without operation info is retried", steps: [503, 200], request: request({ method: "HEAD" }), attempts: 2, delays: [250], status: 200 },
  { name: "POST without operation info is not retried", steps: [503, 200], request: request({ method: "POST", body: "{}" }), attempts: 1, delays: [], status: 503, giveUp: "not-idempotent" },
  { name: "PUT without operation info is not retried", steps: ["network", 200], request: request({ method: "PUT", body: "x" }), attempts: 1, delays: [], errorCode: "NETWORK_ERROR", giveUp: "not-idempotent" },
  {
    name: "a mutation not marked idempotent is not retried",
    steps: [503, 200],
    request: query({ operation: { name: "CreateDataRowPyApi", kind: "mutation", idempotent: false } }),
    attempts: 1,
    delays: [],
    status: 503,
    giveUp: "not-idempotent",
  },
  {
    name: "a mutation marked idempotent is retried",
    steps: [503, 200],
    request: query({ operation: { name: "UpsertDataRowsPyApi", kind: "mutation", idempotent: true } }),
    attempts: 2,
    delays: [250],
    status: 200,
  },
  {
    name: "a GET whose operation says not idempotent is not retried",
    steps: [503, 200],
    request: request({ method: "GET", operation: { name: "x", kind: "download", idempotent: false } }),
    attempts: 1,
    delays: [],
    status: 503,
    giveUp: "not-idempotent",
  },
  {
    name: "an upload with a ReadableStream body is not retried (it cannot be replayed)",
    steps: [503, 200],
    request: query({ operation: { name: "UploadFile", kind: "upload", idempotent: true }, body: new ReadableStream() }),
    attempts: 1,
    delays: [],
    status: 503,
    giveUp: "stream-body",
  },
  {
    name: "an upload with a Blob body is retried",
    steps: [503, 200],
    request: query({ operation: { name: "UploadFile", kind: "upload", idempotent: true }, body: new Blob(["x"]) }),
    attempts: 2,
    delays: [250],
    status: 200,
  },
  {
    name: "an upload with a FormData body is retried",
    steps: ["network", 200],
    request: query({ operation: { name: "UploadFile", kind: "upload", idempotent: true }, body: new FormData() }),
    attempts: 2,
    delays: [250],
    status: 200,
  },

  // The retry budget.
  { name: "an empty retry budget stops retrying", steps: [503, 200], options: { budget: createRetryBudget(4) }, attempts: 1, delays: [], status: 503, giveUp: "retry-budget" },
  { name: "a budget of one retry allows exactly one", steps: [503, 503, 200], options: { budget: createRetryBudget(5) }, attempts: 2, delays: [250], status: 503, giveUp: "retry-budget" },
  { name: "a timeout retry costs more than a plain one", steps: ["attempt-timeout", 200], options: { budget: createRetryBudget(9) }, attempts: 1, delays: [], errorCode: "TIMEOUT", giveUp: "retry-budget" },
  { name: "budget false means no budget", steps: [503, 503, 503, 503, 200], options: { budget: false, maxAttempts: 5 }, attempts: 5, delays: [250, 500, 1000, 2000], status: 200 },

  // The request's deadline.
  {
    name: "a wait that would end after the deadline is not started",
    steps: [withHeaders(429, { "retry-after": "10" }), 200],
    request: query({ deadline: START + 5000 }),
    attempts: 1,
    delays: [],
    status: 429,
    giveUp: "deadline",
  },
  {
    name: "a wait that ends before the deadline is taken",
    steps: [withHeaders(429, { "retry-after": "2" }), 200],
    request: query({ deadline: START + 5000 }),
    attempts: 2,
    delays: [2000],
    status: 200,
  },
];

describe("retry policy conformance table (fake clock)", () => {
  it.each(rows)("$name", async (row) => {
    const clock = createFakeClock(START);
    const events: TransportEvent[] = [];
    const inner = scripted(row.steps);
    const send = retry({ clock, random: HALF, onEvent: (e) => events.push(e), ...row.options })(inner);
    const outcome = await settle(send(row.request ?? query()), clock);

    expect(inner.calls.map((c) => c.attempt)).toEqual(Array.from({ length: row.attempts }, (_, i) => i + 1));
    const retries = events.filter(isRetry);
    expect(retries.map((e) => e.delayMs)).toEqual(row.delays);
    if (row.sources) expect(retries.map((e) => e.delaySource)).toEqual(row.sources);
    // The waits really happened, on the clock, and nothing else took time.
    expect(outcome.elapsedMs).toBe(row.delays.reduce((a, b) => a + b, 0));
    const giveUps = events.filter((e) => e.type === "give-up");
    expect(giveUps.map((e) => e.type === "give-up" && e.reason)).toEqual(row.giveUp ? [row.giveUp] : []);

    if (row.status !== undefined) {
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(outcome.value.status).toBe(row.status);
    } else {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok && row.errorCode) expect((outcome.error as { code?: string }).code).toBe(row.errorCode);
      if (!outcome.ok && !row.errorCode) expect(outcome.error).toBeInstanceOf(TypeError);
    }
  });
});

describe("retry: aborts and the budget over many calls", () => {
  it("an abort during a backoff wait rejects at once with ABORTED, not TIMEOUT, and cancels the timer", async () => {
    const clock = createFakeClock(START);
    const controller = new AbortController();
    const inner = scripted([{ status: 503, headers: { "retry-after": "30" } }, 200]);
    const call = retry({ clock })(inner)(query({ signal: controller.signal }));
    let settled: unknown = "pending";
    call.then(
      () => (settled = "resolved"),
      (error: unknown) => (settled = error),
    );
    await clock.flush();
    expect(clock.pendingTimers()).toBe(1); // the 30 s wait
    const reason = new Error("user cancelled");
    controller.abort(reason);
    await clock.flush(); // no fake time passes
    expect(settled).toMatchObject({ code: "ABORTED", name: "AbortError", cause: reason });
    expect(clock.pendingTimers()).toBe(0);
    expect(clock.now()).toBe(START);
    expect(inner.calls).toHaveLength(1);
  });

  it("an already-aborted signal sends once (the transport rejects) and never retries", async () => {
    const clock = createFakeClock(START);
    const controller = new AbortController();
    controller.abort();
    const inner = scripted([200]);
    const outcome = await settle(retry({ clock })(inner)(query({ signal: controller.signal })), clock);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code: "ABORTED" });
    expect(inner.calls).toHaveLength(1);
  });

  it("an abort error from the transport is rethrown, not retried", async () => {
    const clock = createFakeClock(START);
    const controller = new AbortController();
    const inner = scripted(["hang", 200]);
    const call = retry({ clock })(inner)(query({ signal: controller.signal }));
    await clock.flush();
    controller.abort();
    const outcome = await settle(call, clock);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code: "ABORTED" });
    expect(inner.calls).toHaveLength(1);
  });

  it("one budget drains across calls during an outage and refills with successes", async () => {
    const clock = createFakeClock(START);
    const budget = createRetryBudget(12);
    const events: TransportEvent[] = [];
    const options = { clock, random: HALF, budget, onEvent: (e: TransportEvent) => events.push(e) };
    const outage = retry(options);

    // Call 1: two retries (10 tokens) during the outage, then gives up on attempts: 2 left.
    await settle(outage(scripted([503, 503, 503]))(query()), clock);
    // Call 2: a retry costs 5 > 2, so it fails after one attempt.
    const second = await settle(outage(scripted([503, 200]))(query()), clock);
    expect(second.ok && second.value.status).toBe(503);
    expect(events.filter((e) => e.type === "give-up").map((e) => e.type === "give-up" && e.reason)).toEqual(["max-attempts", "retry-budget"]);

    // Three first-attempt successes give 1 token each: 5, enough for one retry again.
    for (let i = 0; i < 3; i++) await settle(outage(scripted([200]))(query()), clock);
    const recovered = await settle(outage(scripted([503, 200]))(query()), clock);
    expect(recovered.ok && recovered.value.status).toBe(200);
  });

  it("a call that succeeds after retries gives back what its retries spent", () => {
    const budget = createRetryBudget(10);
    expect(budget.take(false)).toBe(5);
    expect(budget.take(false)).toBe(5);
    expect(budget.take(false)).toBeUndefined();
    budget.succeeded(10);
    expect(budget.take(true)).toBe(10);
    expect(budget.take(false)).toBeUndefined();
    budget.succeeded(0); // a first-attempt success: +1
    budget.succeeded(0);
    budget.succeeded(0);
    budget.succeeded(0);
    budget.succeeded(0);
    expect(budget.take(false)).toBe(5);
    budget.succeeded(1000); // never above capacity
    expect(budget.take(true)).toBe(10);
    expect(budget.take(false)).toBeUndefined();
  });

  it("cancels the body of a response it retries, so the connection is freed", async () => {
    const clock = createFakeClock(START);
    let cancelled = false;
    const body = new ReadableStream({ cancel: () => void (cancelled = true) });
    const outcome = await settle(retry({ clock, random: HALF })(scripted([{ status: 503, body }, 200]))(query()), clock);
    expect(outcome.ok && outcome.value.status).toBe(200);
    expect(cancelled).toBe(true);
  });

  it("a throwing event observer does not change the outcome", async () => {
    const clock = createFakeClock(START);
    const onEvent = () => {
      throw new Error("logger crashed");
    };
    const outcome = await settle(retry({ clock, random: HALF, onEvent })(scripted([503, 200]))(query()), clock);
    expect(outcome.ok && outcome.value.status).toBe(200);
  });

  it("retry events name the operation, the attempt that failed, the cause and the wait", async () => {
    const clock = createFakeClock(START);
    const events: TransportEvent[] = [];
    await settle(
      retry({ clock, random: HALF, maxAttempts: 2, onEvent: (e) => events.push(e) })(scripted(["network", { status: 429, headers: { "retry-after": "1" } }]))(query()),
      clock,
    );
    expect(events).toEqual([
      { type: "retry", operation: "GetDataRowPyApi", attempt: 1, cause: "NETWORK_ERROR", delayMs: 250, delaySource: "backoff", reason: undefined },
      { type: "give-up", operation: "GetDataRowPyApi", attempt: 2, cause: "status 429", delayMs: 1000, delaySource: "retry-after", reason: "max-attempts" },
    ]);
  });

  it("rejects a maxAttempts that is not a number of at least 1, saying which option", () => {
    expect(() => retry({ maxAttempts: 0 })).toThrow(/maxAttempts must be >= 1, got 0/);
    expect(() => retry({ maxAttempts: Number.NaN })).toThrow(/maxAttempts must be >= 1, got NaN/);
  });

  it("jitter is full: waits spread over [0, ceiling) with Math.random", async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const clock = createFakeClock(START);
      const events: TransportEvent[] = [];
      await settle(retry({ clock, onEvent: (e) => events.push(e) })(scripted([503, 200]))(query()), clock);
      const wait = events[0]?.type === "retry" ? events[0].delayMs : -1;
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(500);
      seen.add(Math.floor(wait / 100));
    }
    expect(seen.size).toBeGreaterThan(2);
  });
});
