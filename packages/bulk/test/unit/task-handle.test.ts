import { describe, expect, it } from "vitest";
import { AuthenticationError, createClient, TaskFailedError, TaskTimeoutError } from "@lbx/core";
import { createFakeClock } from "@lbx/transport/testing";
import { isFinished, pollDelayMs, taskHandle, type TaskProgress } from "../../src/task-handle.js";
import { type Reply, scriptedTransport, taskReply, userReply } from "../helpers/scripted.js";

function setup(statuses: (n: number) => Reply) {
  const clock = createFakeClock();
  const { transport, calls } = scriptedTransport((operation, _v, n) => (operation === "GetUserPyApi" ? userReply : statuses(n)));
  const client = createClient({ apiKey: "k", endpoint: "http://127.0.0.1:9/graphql", transport, clock, polling: { minDelayMs: 100, maxDelayMs: 800 } });
  const polls = () => calls.filter((c) => c.operation === "GetUserCreatedTasksPyApi").length;
  return { clock, client, polls };
}

/** Runs the fake clock until `promise` settles. */
async function drive<T>(clock: ReturnType<typeof createFakeClock>, promise: Promise<T>): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) if (!(await clock.next())) await clock.flush();
  return promise;
}

describe("pollDelayMs", () => {
  it("grows from min to max, with half of each wait fixed and half random", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => pollDelayMs(n, 100, 800, () => 0))).toEqual([50, 100, 200, 400, 400, 400]);
    expect([0, 1, 2, 3, 4, 5].map((n) => pollDelayMs(n, 100, 800, () => 0.999999))).toEqual([100, 200, 400, 800, 800, 800]);
  });
  it("knows which statuses are final", () => {
    expect(["COMPLETE", "FAILED", "IN_PROGRESS", "PENDING"].map(isFinished)).toEqual([true, true, false, false]);
  });
});

describe("taskHandle().waitTillDone", () => {
  it("polls a task whose completion rises when it should be done, never sooner than minDelayMs", async () => {
    // 10% a poll at first, then stuck at 95% (the estimate then no longer applies: plain backoff).
    const percents = [0, 10, 20, 30, 95, 95, 95];
    const { clock, client } = setup((n) => taskReply("t9", n < 8 ? "IN_PROGRESS" : "COMPLETE", percents[n - 1] ?? 95));
    const done = taskHandle(client, "t9").waitTillDone({ random: () => 0.999999, minDelayMs: 100, maxDelayMs: 10_000 });
    await drive(clock, done);
    // Backoff alone: 100, 200, 400, 800, 1600, 3200, 6400. With the estimate: after 10% then 20%
    // in 200 ms, 80 points are 1,600 ms away (more than the backoff's 400); after 30%, 1,400 ms
    // away (more than 800); the jump to 95% in 800 ms puts 100% ~62 ms away: raised to minDelayMs.
    expect(clock.delays).toEqual([100, 200, 400, 800, 100, 3200, 6400]);
  });


  it("polls at once, then backs off with jitter, and resolves with the finished task", async () => {
    const { clock, client, polls } = setup((n) => taskReply("t1", n < 5 ? "IN_PROGRESS" : "COMPLETE", n * 20));
    const seen: TaskProgress[] = [];
    const done = taskHandle(client, "t1").waitTillDone({ onProgress: (p) => seen.push(p), random: () => 0.5 });
    await clock.flush();
    expect(polls()).toBe(1); // before any time passed
    const task = await drive(clock, done);
    expect(task.status).toBe("COMPLETE");
    expect(polls()).toBe(5);
    // Backoff 75, 150, 300, then 300 instead of 600: at 80% after rising 20 points per 300 ms,
    // the task should be done 300 ms later.
    expect(clock.delays).toEqual([75, 150, 300, 300]);
    expect(seen.map((p) => [p.status, p.completionPercentage, p.polls])).toEqual([
      ["IN_PROGRESS", 20, 1],
      ["IN_PROGRESS", 40, 2],
      ["IN_PROGRESS", 60, 3],
      ["IN_PROGRESS", 80, 4],
      ["COMPLETE", 100, 5],
    ]);
  });

  it("throws a TaskTimeoutError with the task id at the deadline, after a last poll at the deadline itself", async () => {
    const { clock, client, polls } = setup(() => taskReply("t2", "IN_PROGRESS"));
    const started = clock.now();
    const error = (await drive(clock, taskHandle(client, "t2").waitTillDone({ timeout: 1_000, random: () => 0 })).catch((e: unknown) => e)) as TaskTimeoutError;
    expect(error).toBeInstanceOf(TaskTimeoutError);
    expect(error).toMatchObject({ taskId: "t2", lastStatus: "IN_PROGRESS", code: "TASK_TIMEOUT" });
    expect(error.message).toContain("t2");
    expect(clock.now() - started).toBe(1_000);
    expect(clock.delays.reduce((a, b) => a + b, 0)).toBe(1_000); // the last wait was cut to the deadline
    expect(polls()).toBe(clock.delays.length + 1);
  });

  it("stops at once when aborted in the middle of a wait", async () => {
    const { clock, client } = setup(() => taskReply("t3", "IN_PROGRESS"));
    const controller = new AbortController();
    const waiting = taskHandle(client, "t3").waitTillDone({ signal: controller.signal });
    waiting.catch(() => undefined);
    await clock.flush();
    expect(clock.pendingTimers()).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: "ABORTED" });
    expect(clock.pendingTimers()).toBe(0);
    await expect(taskHandle(client, "t3").waitTillDone({ signal: controller.signal })).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("keeps polling through polls that fail in a way that may pass; throws FAILED tasks and fatal errors", async () => {
    const flaky = setup((n) => (n === 2 ? { status: 503, body: { errors: [{ message: "busy" }] } } : n === 3 ? { throws: new TypeError("socket hang up") } : taskReply("t4", n < 4 ? "IN_PROGRESS" : "COMPLETE")));
    expect((await drive(flaky.clock, taskHandle(flaky.client, "t4").waitTillDone())).status).toBe("COMPLETE");

    const failed = setup(() => taskReply("t5", "FAILED"));
    await expect(drive(failed.clock, taskHandle(failed.client, "t5").waitTillDone())).rejects.toBeInstanceOf(TaskFailedError);

    const denied = setup(() => ({ status: 401, body: { message: "Unauthorized" } }));
    await expect(drive(denied.clock, taskHandle(denied.client, "t6").waitTillDone())).rejects.toBeInstanceOf(AuthenticationError);
    expect(denied.polls()).toBe(1);
  });

  it("an estimate from earlier polls does not outlive them: failing polls back off as usual", async () => {
    // 10%, then 95% (done in ~6 ms by that pace: wait the 100 ms minimum), then four polls fail in
    // a way that may pass: the waits after them grow as the backoff says, not stuck at 100 ms.
    const { clock, client } = setup((n) => (n === 1 ? taskReply("t8", "IN_PROGRESS", 10) : n === 2 ? taskReply("t8", "IN_PROGRESS", 95) : n < 7 ? { throws: new TypeError("socket hang up") } : taskReply("t8", "COMPLETE", 100)));
    await drive(clock, taskHandle(client, "t8").waitTillDone({ random: () => 0.999999, minDelayMs: 100, maxDelayMs: 10_000 }));
    expect(clock.delays).toEqual([100, 100, 400, 800, 1600, 3200]);
  });

  it("when every poll fails until the deadline, the timeout error says why", async () => {
    const { clock, client } = setup(() => ({ status: 502, body: { errors: [{ message: "bad gateway" }] } }));
    const error = (await drive(clock, taskHandle(client, "t7").waitTillDone({ timeout: 500 })).catch((e: unknown) => e)) as TaskTimeoutError;
    expect(error).toBeInstanceOf(TaskTimeoutError);
    expect(error.lastStatus).toBe("UNKNOWN");
    expect(error.message).toMatch(/last poll failed/);
  });
});
