// Per-attempt timeout, overall deadline and the caller's abort, on a fake clock: which error wins,
// when, and what is retried.
import { describe, expect, it } from "vitest";
import { compose } from "../src/compose.js";
import { AbortError, TimeoutError } from "../src/errors.js";
import { retry } from "../src/retry.js";
import { deadline, timeout } from "../src/timeout.js";
import type { Transport, TransportRequest } from "../src/types.js";
import { createFakeClock } from "../src/testing/fake-clock.js";
import { query, scripted } from "./helpers/scripted.js";
import { settle } from "./helpers/settle.js";

const START = Date.UTC(2026, 0, 1);
const HALF = () => 0.5;

describe("timeout (per attempt)", () => {
  it("rejects with TimeoutError scope attempt when the limit passes, and aborts the inner request", async () => {
    const clock = createFakeClock(START);
    const inner = scripted(["hang"]);
    const outcome = await settle(timeout({ ms: 1000, clock })(inner)(query()), clock);
    expect(outcome.elapsedMs).toBe(1000);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(outcome.error).toMatchObject({ code: "TIMEOUT", scope: "attempt", timeoutMs: 1000, message: "Timed out after 1000 ms (attempt)" });
    expect(inner.calls[0]?.signal?.aborted).toBe(true);
    expect(inner.calls[0]?.signal?.reason).toBe(outcome.error);
  });

  it("a caller's abort before the limit rejects at once with AbortError, never TimeoutError", async () => {
    const clock = createFakeClock(START);
    const controller = new AbortController();
    const call = timeout({ ms: 1000, clock })(scripted(["hang"]))(query({ signal: controller.signal }));
    await clock.advance(400);
    const reason = new Error("cancelled by user");
    controller.abort(reason);
    const outcome = await settle(call, clock);
    expect(outcome.elapsedMs).toBe(0);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(AbortError);
    expect(outcome.error).not.toBeInstanceOf(TimeoutError);
    expect(outcome.error).toMatchObject({ code: "ABORTED", cause: reason });
    expect(clock.pendingTimers()).toBe(0);
  });

  it("a plain abort() gives an AbortError whose cause is the DOMException reason", async () => {
    const clock = createFakeClock(START);
    const controller = new AbortController();
    const call = timeout({ ms: 1000, clock })(scripted(["hang"]))(query({ signal: controller.signal }));
    await clock.flush();
    controller.abort();
    const outcome = await settle(call, clock);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect((outcome.error as AbortError).cause).toMatchObject({ name: "AbortError" });
  });

  it("clears its timer when the response arrives; the caller's signal still reaches the body", async () => {
    const clock = createFakeClock(START);
    const controller = new AbortController();
    const inner = scripted([200]);
    const outcome = await settle(timeout({ ms: 1000, clock })(inner)(query({ signal: controller.signal })), clock);
    expect(outcome.ok && outcome.value.status).toBe(200);
    expect(clock.pendingTimers()).toBe(0);
    const passed = inner.calls[0]?.signal;
    expect(passed?.aborted).toBe(false);
    controller.abort();
    expect(passed?.aborted).toBe(true);
  });

  it("an error from below is passed through as it is", async () => {
    const clock = createFakeClock(START);
    const outcome = await settle(timeout({ ms: 1000, clock })(scripted(["network"]))(query()), clock);
    expect(!outcome.ok && outcome.error).toMatchObject({ code: "NETWORK_ERROR" });
  });

  it("clamps limits beyond the timer range instead of firing at once", async () => {
    const clock = createFakeClock(START);
    const call = timeout({ ms: Infinity, clock })(scripted([200]))(query());
    await settle(call, clock);
    expect(clock.delays).toEqual([2_147_483_647]);
  });

  it("inside retry: a timed-out attempt is retried and the next attempt gets the full time", async () => {
    const clock = createFakeClock(START);
    const inner = scripted(["hang", "hang", 200]);
    const send = compose(retry({ clock, random: HALF }), timeout({ ms: 1000, clock }))(inner);
    const outcome = await settle(send(query()), clock);
    expect(outcome.ok && outcome.value.status).toBe(200);
    // 1000 (timeout) + 250 (backoff) + 1000 (timeout) + 500 (backoff)
    expect(outcome.elapsedMs).toBe(2750);
    expect(inner.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
  });

  it("inside retry: an abort during an attempt rejects at once and is not retried", async () => {
    const clock = createFakeClock(START);
    const controller = new AbortController();
    const inner = scripted(["hang", 200]);
    const call = compose(retry({ clock, random: HALF }), timeout({ ms: 1000, clock }))(inner)(query({ signal: controller.signal }));
    await clock.advance(300);
    controller.abort();
    const outcome = await settle(call, clock);
    expect(outcome.elapsedMs).toBe(0);
    expect(!outcome.ok && outcome.error).toMatchObject({ code: "ABORTED" });
    expect(inner.calls).toHaveLength(1);
  });
});

describe("deadline (whole call)", () => {
  it("bounds retries and waits; rejects with TimeoutError scope deadline, which is not retried", async () => {
    const clock = createFakeClock(START);
    const inner = scripted(["hang", "hang", "hang", "hang", "hang"]);
    const send = compose(deadline({ ms: 3000, clock }), retry({ clock, random: HALF, maxAttempts: 5 }), timeout({ ms: 1000, clock }))(inner);
    const outcome = await settle(send(query()), clock);
    expect(outcome.elapsedMs).toBe(3000);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code: "TIMEOUT", scope: "deadline", timeoutMs: 3000 });
    // 1000 + 250 + 1000 + 500 = 2750: the third attempt was cut by the deadline after 250 ms.
    expect(inner.calls).toHaveLength(3);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("cuts a backoff wait short", async () => {
    const clock = createFakeClock(START);
    const inner = scripted([{ status: 503, headers: { "retry-after": "50" } }, 200]);
    // Hide the deadline from retry, so retry starts a 50 s wait that only the deadline can end.
    const hideDeadline = (next: Transport): Transport => (r) => next({ ...r, deadline: undefined });
    const send = compose(deadline({ ms: 10_000, clock }), hideDeadline, retry({ clock, maxRetryAfterMs: 120_000 }))(inner);
    const outcome = await settle(send(query()), clock);
    expect(outcome.elapsedMs).toBe(10_000);
    expect(!outcome.ok && outcome.error).toMatchObject({ code: "TIMEOUT", scope: "deadline" });
    expect(inner.calls).toHaveLength(1);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("passes the deadline down, so retry returns the 429 instead of a wait it cannot finish", async () => {
    const clock = createFakeClock(START);
    const seen: TransportRequest[] = [];
    const inner = scripted([{ status: 429, headers: { "retry-after": "30" } }]);
    const spy: Transport = (r) => (seen.push(r), inner(r));
    const outcome = await settle(compose(deadline({ ms: 10_000, clock }), retry({ clock }))(spy)(query()), clock);
    expect(outcome.ok && outcome.value.status).toBe(429);
    expect(outcome.elapsedMs).toBe(0);
    expect(seen[0]?.deadline).toBe(START + 10_000);
  });

  it("enforces the request's own deadline when it is earlier than its limit", async () => {
    const clock = createFakeClock(START);
    const send = deadline({ ms: 60_000, clock })(scripted(["hang"]));
    const outcome = await settle(send(query({ deadline: START + 2000 })), clock);
    expect(outcome.elapsedMs).toBe(2000);
    expect(!outcome.ok && outcome.error).toMatchObject({ code: "TIMEOUT", scope: "deadline", timeoutMs: 2000 });
  });

  it("a deadline already past rejects without sending the request (a mutation must not run unseen)", async () => {
    const clock = createFakeClock(START);
    for (const [send, request] of [
      [deadline({ clock }), query({ deadline: START - 1000 })],
      [deadline({ ms: 0, clock }), query()],
    ] as const) {
      const inner = scripted([200]);
      const outcome = await settle(send(inner)(request), clock);
      expect(!outcome.ok && outcome.error).toMatchObject({ code: "TIMEOUT", scope: "deadline" });
      expect(inner.calls).toHaveLength(0);
    }
  });

  it("without a limit or a request deadline it adds nothing", async () => {
    const clock = createFakeClock(START);
    const inner = scripted([200]);
    await settle(deadline({ clock })(inner)(query()), clock);
    expect(clock.delays).toEqual([]);
    expect(inner.calls[0]?.deadline).toBeUndefined();
  });

  it("a caller's abort still wins over the deadline", async () => {
    const clock = createFakeClock(START);
    const controller = new AbortController();
    const call = deadline({ ms: 5000, clock })(scripted(["hang"]))(query({ signal: controller.signal }));
    await clock.advance(100);
    controller.abort();
    const outcome = await settle(call, clock);
    expect(!outcome.ok && outcome.error).toMatchObject({ code: "ABORTED" });
  });

  it("rejects a negative limit, saying which option", () => {
    expect(() => deadline({ ms: -1 })).toThrow("deadline({ ms }) must be a number >= 0, got -1");
  });
});
