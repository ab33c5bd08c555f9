import { describe, expect, it } from "vitest";
import { sleep } from "../src/sleep.js";
import { createFakeClock } from "../src/testing/fake-clock.js";

describe("createFakeClock", () => {
  it("fires timers in time order, then creation order, only when time is advanced", async () => {
    const clock = createFakeClock(1000);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push("b@200"), 200);
    clock.setTimeout(() => fired.push("a@100"), 100);
    clock.setTimeout(() => fired.push("c@200"), 200);
    const cleared = clock.setTimeout(() => fired.push("never"), 50);
    clock.clearTimeout(cleared);
    await clock.flush();
    expect(fired).toEqual([]);
    await clock.advance(150);
    expect(fired).toEqual(["a@100"]);
    expect(clock.now()).toBe(1150);
    await clock.advance(50);
    expect(fired).toEqual(["a@100", "b@200", "c@200"]);
    expect(clock.delays).toEqual([200, 100, 200, 50]);
    expect(clock.pendingTimers()).toBe(0);
    expect(await clock.next()).toBe(false);
  });

  it("runs timers scheduled by promise chains during an advance", async () => {
    const clock = createFakeClock(0);
    const times: number[] = [];
    const chain = (async () => {
      for (let i = 0; i < 3; i++) {
        await sleep(100, undefined, clock);
        times.push(clock.now());
      }
    })();
    await clock.advance(300);
    await chain;
    expect(times).toEqual([100, 200, 300]);
  });
});

describe("sleep", () => {
  it("rejects at once with ABORTED when already aborted, and when aborted while waiting", async () => {
    const clock = createFakeClock(0);
    const aborted = AbortSignal.abort(new Error("early"));
    await expect(sleep(100, aborted, clock)).rejects.toMatchObject({ code: "ABORTED", cause: new Error("early") });
    expect(clock.pendingTimers()).toBe(0);
    const controller = new AbortController();
    const waiting = sleep(100, controller.signal, clock);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: "ABORTED" });
    expect(clock.pendingTimers()).toBe(0);
    expect(clock.now()).toBe(0);
  });

  it("waits with the real clock by default", async () => {
    const started = Date.now();
    await sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
