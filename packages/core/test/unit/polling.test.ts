import { createFakeClock, type FakeClock } from "@lbx/transport/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, clearGlobalKeys, finishEstimateMs, getDataRowIdsForGlobalKeys, TaskFailedError, TaskTimeoutError, waitForTask } from "../../src/index.js";
import { recordingClient } from "../helpers/recording-transport.js";

/** Runs fake time forward until `promise` settles; resolves with its value or its error. */
async function drive(clock: FakeClock, promise: Promise<unknown>): Promise<unknown> {
  let settled = false;
  const outcome = promise.then(
    (v) => v,
    (e: unknown) => e,
  ).finally(() => (settled = true));
  while (!settled) if (!(await clock.next())) await clock.flush();
  return outcome;
}

const USER = { user: { id: "u1", createdAt: null, email: null, intercomHash: null, isExternalUser: null, isViewer: null, nickname: null, name: null, picture: null, updatedAt: null } };
const task = (status: string, completionPercentage = 0, errors: string | null = null) => ({
  user: { createdTasks: [{ id: "t1", status, completionPercentage, errors, createdAt: null, updatedAt: null, name: "upsert", result: null, type: "adv-upsert-data-rows", metadata: null }] },
});

describe("finishEstimateMs", () => {
  it("extends the pace between two readings to 100%", () => {
    expect(finishEstimateMs({ at: 0, percent: 10 }, { at: 100, percent: 30 })).toBe(350);
    expect(finishEstimateMs({ at: 0, percent: 98 }, { at: 10, percent: 99 })).toBe(10);
  });
  it("gives nothing without a rise below 100", () => {
    expect(finishEstimateMs(undefined, { at: 100, percent: 30 })).toBeUndefined();
    expect(finishEstimateMs({ at: 0, percent: 30 }, { at: 100, percent: 30 })).toBeUndefined();
    expect(finishEstimateMs({ at: 0, percent: 50 }, { at: 100, percent: 40 })).toBeUndefined();
    expect(finishEstimateMs({ at: 0, percent: 50 }, { at: 100, percent: 100 })).toBeUndefined();
    expect(finishEstimateMs({ at: 100, percent: 10 }, { at: 100, percent: 20 })).toBeUndefined();
  });
});

describe("waitForTask", () => {
  afterEach(() => vi.restoreAllMocks());

  it("polls at once, then backs off 500, 1000, 2000, 2000 ms, and reports progress", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999999); // the top of each jitter range
    const clock = createFakeClock();
    const { client, sent } = recordingClient(
      { GetUserPyApi: USER, GetUserCreatedTasksPyApi: [task("IN_PROGRESS", 10), task("IN_PROGRESS", 30), task("IN_PROGRESS", 50), task("IN_PROGRESS", 70), task("COMPLETE", 100)] },
      { clock },
    );
    const progress: number[] = [];
    const done = waitForTask(client, "t1", { onProgress: (_, p) => progress.push(p ?? -1) });
    expect(((await drive(clock, done)) as { status: string }).status).toBe("COMPLETE");
    expect(clock.delays.map(Math.round)).toEqual([500, 1000, 2000, 2000]);
    expect(progress).toEqual([10, 30, 50, 70, 100]);
    expect(sent.filter((s) => s.operationName === "GetUserCreatedTasksPyApi").map((s) => s.variables)).toEqual(
      Array(5).fill({ param_0: "t1", param_1: "u1" }),
    );
  });

  it("looks again when a rising completion says the task will be done, never sooner than minDelayMs", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999999);
    const clock = createFakeClock();
    const { client } = recordingClient(
      { GetUserPyApi: USER, GetUserCreatedTasksPyApi: [task("IN_PROGRESS", 10), task("IN_PROGRESS", 60), task("IN_PROGRESS", 90), task("COMPLETE", 100)] },
      { clock },
    );
    await drive(clock, waitForTask(client, "t1"));
    // Backoff alone: 500, 1000, 2000. At 60% after 50 points in 500 ms, the rest takes ~400 ms
    // (raised to the 500 ms minimum); at 90%, ~167 ms (raised again).
    expect(clock.delays.map(Math.round)).toEqual([500, 500, 500]);
  });

  it("jitters each wait between half and all of its step, so clients do not poll in lockstep", async () => {
    const random = vi.spyOn(Math, "random").mockReturnValueOnce(0).mockReturnValueOnce(0.5).mockReturnValueOnce(0.25);
    const clock = createFakeClock();
    const { client } = recordingClient(
      { GetUserPyApi: USER, GetUserCreatedTasksPyApi: [task("IN_PROGRESS"), task("IN_PROGRESS"), task("IN_PROGRESS"), task("COMPLETE")] },
      { clock },
    );
    await drive(clock, waitForTask(client, "t1"));
    expect(random).toHaveBeenCalledTimes(3);
    // steps 500, 1000, 2000: half of the first, three quarters of the second, five eighths of the third
    expect(clock.delays).toEqual([250, 750, 1250]);
  });

  it("throws TaskTimeoutError with the task id and last status at the deadline, after a last poll", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999999);
    const clock = createFakeClock();
    const { client, sent } = recordingClient({ GetUserPyApi: USER, GetUserCreatedTasksPyApi: task("IN_PROGRESS") }, { clock });
    const error = (await drive(clock, waitForTask(client, "t1", { timeoutMs: 3000 }))) as TaskTimeoutError;
    expect(error).toBeInstanceOf(TaskTimeoutError);
    expect(error.taskId).toBe("t1");
    expect(error.lastStatus).toBe("IN_PROGRESS");
    // 0, 500, 1500, 3000 (the last wait cut to the deadline), then the deadline has passed.
    expect(clock.delays.map(Math.round)).toEqual([500, 1000, 1500]);
    expect(sent.filter((s) => s.operationName === "GetUserCreatedTasksPyApi")).toHaveLength(4);
  });

  it("throws TaskFailedError for a FAILED task, with the server's reason", async () => {
    const { client } = recordingClient({ GetUserPyApi: USER, GetUserCreatedTasksPyApi: task("FAILED", 100, "Data rows contain duplicate global keys") });
    const error = (await waitForTask(client, "t1").catch((e: unknown) => e)) as TaskFailedError;
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error.taskId).toBe("t1");
    expect(error.message).toContain("duplicate global keys");
  });

  it("an abort during a wait rejects at once with AbortError", async () => {
    const clock = createFakeClock();
    const { client } = recordingClient({ GetUserPyApi: USER, GetUserCreatedTasksPyApi: task("IN_PROGRESS") }, { clock });
    const controller = new AbortController();
    const done = waitForTask(client, "t1", { signal: controller.signal }).catch((e: unknown) => e);
    while (clock.pendingTimers() === 0) await clock.flush();
    controller.abort();
    expect(await done).toBeInstanceOf(AbortError);
  });

  it("reads the user id once per client", async () => {
    const { client, sent } = recordingClient({ GetUserPyApi: USER, GetUserCreatedTasksPyApi: task("COMPLETE") });
    await waitForTask(client, "t1");
    await waitForTask(client, "t1");
    expect(sent.filter((s) => s.operationName === "GetUserPyApi")).toHaveLength(1);
  });
});

describe("global-key jobs", () => {
  const result = (ids: string[], notFound: string[] = []) => ({
    dataRowsForGlobalKeysResult: { jobStatus: "COMPLETE", data: { fetchedDataRows: ids.map((id) => ({ id })), notFoundGlobalKeys: notFound, accessDeniedGlobalKeys: [] } },
  });

  it("splits large lists into jobs of chunkSize and keeps input order", async () => {
    let job = 0;
    const { client, sent } = recordingClient({
      getDataRowsForGlobalKeysPyApi: () => ({ dataRowsForGlobalKeys: { jobId: `j${++job}` } }),
      getDataRowsForGlobalKeysResultPyApi: [result(["r1", "r2"]), result(["", "r4"], ["k3"]), result(["r5"])],
    });
    const out = await getDataRowIdsForGlobalKeys(client, ["k1", "k2", "k3", "k4", "k5"], { chunkSize: 2 });
    expect(out).toEqual({ status: "PARTIAL SUCCESS", results: ["r1", "r2", "", "r4", "r5"], errors: [{ globalKey: "k3", error: "Data Row not found" }] });
    expect(sent.filter((s) => s.operationName === "getDataRowsForGlobalKeysPyApi").map((s) => s.variables)).toEqual([
      { globalKeys: ["k1", "k2"] },
      { globalKeys: ["k3", "k4"] },
      { globalKeys: ["k5"] },
    ]);
  });

  it("all keys missing is FAILURE; a FAILED job is a TaskFailedError; a stuck one times out", async () => {
    const a = recordingClient({ getDataRowsForGlobalKeysPyApi: { dataRowsForGlobalKeys: { jobId: "j" } }, getDataRowsForGlobalKeysResultPyApi: result([""], ["x"]) });
    expect((await getDataRowIdsForGlobalKeys(a.client, ["x"])).status).toBe("FAILURE");

    const b = recordingClient({ clearGlobalKeysPyApi: { clearGlobalKeys: { jobId: "j9" } }, clearGlobalKeysResultPyApi: { clearGlobalKeysResult: { jobStatus: "FAILED", data: null } } });
    const failed = (await clearGlobalKeys(b.client, ["x"]).catch((e: unknown) => e)) as TaskFailedError;
    expect(failed).toBeInstanceOf(TaskFailedError);
    expect([failed.taskId, failed.message]).toEqual(["j9", "Job clearGlobalKeys failed."]);

    const clock = createFakeClock();
    const c = recordingClient(
      { clearGlobalKeysPyApi: { clearGlobalKeys: { jobId: "j7" } }, clearGlobalKeysResultPyApi: { clearGlobalKeysResult: { jobStatus: "PENDING", data: null } } },
      { clock },
    );
    const timeout = (await drive(clock, clearGlobalKeys(c.client, ["x"], { timeoutMs: 5000 }))) as TaskTimeoutError;
    expect(timeout).toBeInstanceOf(TaskTimeoutError);
    expect([timeout.taskId, timeout.lastStatus]).toEqual(["j7", "PENDING"]);
  });

  it("clearGlobalKeys is not retried by middleware; assign is", async () => {
    const { client, sent } = recordingClient({
      clearGlobalKeysPyApi: { clearGlobalKeys: { jobId: "j" } },
      clearGlobalKeysResultPyApi: { clearGlobalKeysResult: { jobStatus: "COMPLETE", data: { clearedGlobalKeys: ["x"], failedToClearGlobalKeys: [], notFoundGlobalKeys: [], accessDeniedGlobalKeys: [] } } },
    });
    await clearGlobalKeys(client, ["x"]);
    expect(sent[0]?.request.operation?.idempotent).toBe(false);
  });
});

describe("per-client caches", () => {
  it("concurrent callers share one request; one caller's abort does not fail the others", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const { client, sent } = recordingClient({
      GetUserPyApi: async () => {
        await gate;
        return USER;
      },
      GetUserCreatedTasksPyApi: task("COMPLETE"),
    });
    const controller = new AbortController();
    const aborted = waitForTask(client, "t1", { signal: controller.signal }).catch((e: unknown) => e);
    const other = waitForTask(client, "t1");
    controller.abort();
    expect(await aborted).toBeInstanceOf(AbortError);
    release();
    expect((await other).status).toBe("COMPLETE");
    expect(sent.filter((s) => s.operationName === "GetUserPyApi")).toHaveLength(1);
  });

  it("a failed fetch is not cached", async () => {
    const { client, sent } = recordingClient({ GetUserPyApi: [{ user: null }, USER], GetUserCreatedTasksPyApi: task("COMPLETE") });
    await expect(waitForTask(client, "t1")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await waitForTask(client, "t1")).status).toBe("COMPLETE");
    expect(sent.filter((s) => s.operationName === "GetUserPyApi")).toHaveLength(2);
  });
});
