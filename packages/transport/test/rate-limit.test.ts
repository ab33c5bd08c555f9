// The client-side rate limiter on a fake clock: bursts, steady rate, order, abort, 429 pauses.
import { describe, expect, it } from "vitest";
import type { TransportEvent } from "../src/events.js";
import { RATE_LIMIT_PRESETS, rateLimit } from "../src/rate-limit.js";
import type { Transport } from "../src/types.js";
import { type FakeClock, createFakeClock } from "../src/testing/fake-clock.js";
import { query } from "./helpers/scripted.js";

const START = Date.UTC(2026, 0, 1);

/** A transport that records the fake time of each request it receives. */
function recorder(clock: FakeClock, respond: () => Response = () => new Response("ok")) {
  const times: number[] = [];
  const transport: Transport = async () => {
    times.push(clock.now() - START);
    return respond();
  };
  return { times, transport };
}

describe("rateLimit", () => {
  it("lets a burst through at once, then one request per interval, in arrival order", async () => {
    const clock = createFakeClock(START);
    const { times, transport } = recorder(clock);
    const send = rateLimit({ requestsPerMinute: 60, burst: 3, clock })(transport);
    const order: number[] = [];
    const calls = Array.from({ length: 6 }, (_, i) => send(query()).then(() => order.push(i)));
    await clock.advance(5000);
    await Promise.all(calls);
    expect(times).toEqual([0, 0, 0, 1000, 2000, 3000]);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("presets carry Labelbox's plan limits, and the free plan spaces requests 40 ms apart after its burst", async () => {
    expect(RATE_LIMIT_PRESETS).toEqual({ free: 1500, starter: 5000, education: 5000, enterprise: 20_000 });
    const clock = createFakeClock(START);
    const { times, transport } = recorder(clock);
    const send = rateLimit({ requestsPerMinute: "free", clock })(transport);
    const calls = Array.from({ length: 27 }, () => send(query()));
    await clock.advance(1000);
    await Promise.all(calls);
    // Burst = one second's worth = 25.
    expect(times.slice(0, 25)).toEqual(Array(25).fill(0));
    expect(times.slice(25)).toEqual([40, 80]);
  });

  it("holds the steady rate over a minute: 1,500 requests take one minute after the burst", async () => {
    const clock = createFakeClock(START);
    const { times, transport } = recorder(clock);
    const send = rateLimit({ requestsPerMinute: "free", clock })(transport);
    const calls = Array.from({ length: 1525 }, () => send(query()));
    await clock.advance(61_000);
    await Promise.all(calls);
    expect(times).toHaveLength(1525);
    expect(times.at(-1)).toBe(60_000);
    const inFirstMinute = times.filter((t) => t < 60_000).length;
    expect(inFirstMinute).toBe(1524); // the burst of 25 + 1,499 more in [40 ms, 59,960 ms]
  });

  it("refills while idle, but never beyond the burst", async () => {
    const clock = createFakeClock(START);
    const { times, transport } = recorder(clock);
    const send = rateLimit({ requestsPerMinute: 60, burst: 2, clock })(transport);
    await Promise.all([send(query()), send(query())]);
    await clock.advance(10_000);
    const calls = [send(query()), send(query()), send(query())];
    await clock.advance(2000);
    await Promise.all(calls);
    expect(times).toEqual([0, 0, 10_000, 10_000, 11_000]);
  });

  it("an aborted wait rejects at once with ABORTED and gives its place back", async () => {
    const clock = createFakeClock(START);
    const { times, transport } = recorder(clock);
    const send = rateLimit({ requestsPerMinute: 60, burst: 1, clock })(transport);
    await send(query());
    const controller = new AbortController();
    const waiting = send(query({ signal: controller.signal }));
    let error: unknown;
    waiting.catch((e: unknown) => (error = e));
    await clock.flush();
    controller.abort();
    await clock.flush();
    expect(error).toMatchObject({ code: "ABORTED" });
    expect(clock.now()).toBe(START);
    // The place is free again: the next request waits one interval, not two.
    const next = send(query());
    await clock.advance(1000);
    await next;
    expect(times).toEqual([0, 1000]);
  });

  it("a 429 with Retry-After pauses every request through the limiter", async () => {
    const clock = createFakeClock(START);
    let first = true;
    const { times, transport } = recorder(clock, () => {
      const response = first ? new Response("slow down", { status: 429, headers: { "retry-after": "5" } }) : new Response("ok");
      first = false;
      return response;
    });
    const send = rateLimit({ requestsPerMinute: 6000, clock })(transport);
    expect((await send(query())).status).toBe(429);
    const later = send(query());
    await clock.advance(5000);
    expect((await later).status).toBe(200);
    expect(times).toEqual([0, 5000]);
  });

  it("after a pause the queue resumes with one burst, then the steady rate (not all at once)", async () => {
    const clock = createFakeClock(START);
    let first = true;
    const { times, transport } = recorder(clock, () => {
      const response = first ? new Response("", { status: 429, headers: { "retry-after": "60" } }) : new Response("ok");
      first = false;
      return response;
    });
    const send = rateLimit({ requestsPerMinute: "free", clock })(transport);
    await send(query());
    const calls = Array.from({ length: 200 }, () => send(query()));
    await clock.advance(70_000);
    await Promise.all(calls);
    const at = (t: number) => times.filter((x) => x === t).length;
    expect(at(60_000)).toBe(25); // the burst
    expect(times.filter((t) => t >= 60_000 && t < 61_000)).toHaveLength(25 + 24); // then one per 40 ms
    expect(Math.min(...times.slice(1))).toBe(60_000);
  });

  it("a pause that starts while requests wait holds them too", async () => {
    const clock = createFakeClock(START);
    const { times, transport } = recorder(clock, () => (times.length === 2 ? new Response("", { status: 429, headers: { "retry-after": "10" } }) : new Response("ok")));
    const send = rateLimit({ requestsPerMinute: 60, burst: 1, clock })(transport);
    await send(query()); // t=0
    const second = send(query()); // waits for t=1000, gets the 429
    const third = send(query()); // was due at t=2000, inside the pause
    await clock.advance(20_000);
    expect((await second).status).toBe(429);
    await third;
    expect(times).toEqual([0, 1000, 11_000]);
  });

  it("an aborted waiter with others behind it does not let a later request share their slot", async () => {
    const clock = createFakeClock(START);
    const { times, transport } = recorder(clock);
    const send = rateLimit({ requestsPerMinute: 60, burst: 1, clock })(transport);
    await send(query()); // t=0
    const controller = new AbortController();
    const aborted = send(query({ signal: controller.signal })).catch((e: unknown) => e); // slot 1000
    const behind = send(query()); // slot 2000
    await clock.flush();
    controller.abort();
    expect(await aborted).toMatchObject({ code: "ABORTED" });
    const later = send(query());
    await clock.advance(5000);
    await Promise.all([behind, later]);
    expect(times).toEqual([0, 2000, 3000]); // never two in one slot with burst 1
  });

  it("caps the pause at maxPauseMs, and maxPauseMs 0 turns pauses off", async () => {
    for (const [maxPauseMs, expected] of [
      [2000, 2000],
      [0, 0],
    ] as const) {
      const clock = createFakeClock(START);
      let calls = 0;
      const { times, transport } = recorder(clock, () =>
        calls++ === 0 ? new Response("", { status: 503, headers: { "retry-after": "3600" } }) : new Response("ok"),
      );
      const send = rateLimit({ requestsPerMinute: 6000, maxPauseMs, clock })(transport);
      await send(query());
      const later = send(query());
      await clock.advance(5000);
      await later;
      expect(times).toEqual([0, expected]);
    }
  });

  it("reports each wait as a rate-limit event", async () => {
    const clock = createFakeClock(START);
    const events: TransportEvent[] = [];
    const { transport } = recorder(clock);
    const send = rateLimit({ requestsPerMinute: 60, burst: 1, clock, onEvent: (e) => events.push(e) })(transport);
    const calls = [send(query()), send(query({ url: "https://api.labelbox.com/graphql?sig=secret" }))];
    await clock.advance(1000);
    await Promise.all(calls);
    expect(events).toEqual([
      { type: "rate-limit", method: "POST", url: "https://api.labelbox.com/graphql", operation: "GetDataRowPyApi", attempt: 1, waitMs: 1000 },
    ]);
  });

  it("rejects bad options, saying which", () => {
    expect(() => rateLimit({ requestsPerMinute: 0 })).toThrow("rateLimit({ requestsPerMinute }) must be a number > 0 or one of free, starter, education, enterprise, got 0");
    expect(() => rateLimit({ requestsPerMinute: Number.NaN })).toThrow(/requestsPerMinute/);
    expect(() => rateLimit({ requestsPerMinute: "gold" as "free" })).toThrow("rateLimit({ requestsPerMinute }) must be a number > 0 or one of free, starter, education, enterprise, got gold");
    expect(() => rateLimit({ requestsPerMinute: 60, burst: 0 })).toThrow("rateLimit({ burst }) must be a number >= 1, got 0");
  });
});
