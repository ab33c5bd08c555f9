import { describe, expect, it } from "vitest";
import { createClient } from "@lbx/core";
import { createFakeClock } from "@lbx/transport/testing";
import { CheckpointMismatchError } from "../../src/errors.js";
import { exportInput, exportQueries, MAX_IDS_PER_EXPORT } from "../../src/export/filters.js";
import { CheckpointWriter, freshState, resumeState } from "../../src/import/checkpoint.js";
import { settingsOf } from "../../src/import/context.js";
import { ProgressTracker } from "../../src/import/progress.js";
import { memoryCheckpoint } from "../../src/memory-checkpoint.js";
import { backoffMs, isTransient, withRetry } from "../../src/retry.js";
import { NetworkError, TimeoutError } from "@lbx/transport";
import { AuthenticationError, RateLimitError, ServerError } from "@lbx/core";
import type { ImportProgress } from "../../src/types.js";

describe("withRetry", () => {
  it("retries what may pass, with backoff or the server's Retry-After, and gives up on the rest", async () => {
    const clock = createFakeClock();
    const errors = [new ServerError("503"), new RateLimitError("slow down", 2_000), new NetworkError("reset"), new TimeoutError("attempt", 10)];
    let calls = 0;
    const result = withRetry(
      async () => {
        const error = errors[calls++];
        if (error) throw error;
        return "ok";
      },
      { clock, random: () => 0.5, minDelayMs: 100 },
    );
    while (calls < 5) await clock.next();
    expect(await result).toBe("ok");
    expect(clock.delays).toEqual([50, 2_000, 200, 400]);

    let auth = 0;
    await expect(
      withRetry(async () => {
        auth += 1;
        throw new AuthenticationError("no");
      }, { clock }),
    ).rejects.toBeInstanceOf(AuthenticationError);
    expect(auth).toBe(1);
    expect([new TimeoutError("deadline", 5), new Error("plain")].map(isTransient)).toEqual([false, false]);
    expect(backoffMs(30, 250, 10_000, () => 0.999)).toBeLessThan(10_000);
  });

  it("stops after the attempts it is given", async () => {
    const clock = createFakeClock();
    let calls = 0;
    const failing = withRetry(async () => {
      calls += 1;
      throw new ServerError("down");
    }, { clock, attempts: 3 });
    let settled = false;
    failing.catch(() => undefined).finally(() => (settled = true));
    while (!settled) if (!(await clock.next())) await clock.flush();
    await expect(failing).rejects.toBeInstanceOf(ServerError);
    expect(calls).toBe(3);
  });
});

describe("ProgressTracker", () => {
  it("reports at most every interval (and always when forced), with rows per second and time left", async () => {
    const clock = createFakeClock();
    const seen: ImportProgress[] = [];
    const progress = new ProgressTracker(clock, (p) => seen.push(p), 1_000, 100, 5, 200);
    progress.report();
    progress.processed += 200;
    progress.report(); // too soon
    await clock.advance(1_000);
    progress.report();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({ processed: 300, failed: 5, rowsPerSecond: 200, etaSeconds: 3.5, total: 1_000, elapsedSeconds: 1 });
    progress.report(true);
    expect(seen).toHaveLength(3);
  });
});

describe("checkpoint state", () => {
  it("saves one at a time, in order: the store never sees an older state after a newer one", async () => {
    const saving: number[] = [];
    const waiting: Array<() => void> = [];
    const slow = memoryCheckpoint(undefined, {
      onSave: async (state) => {
        saving.push((state as { doneBefore: number }).doneBefore);
        await new Promise<void>((r) => waiting.push(r));
      },
    });
    const writer = new CheckpointWriter(freshState("fp", "0".repeat(16)), slow);
    const first = writer.update((s) => (s.doneBefore = 1));
    const second = writer.update((s) => (s.doneBefore = 2));
    const third = writer.update((s) => (s.doneBefore = 3));
    const nextSave = async () => {
      while (waiting.length === 0) await new Promise((r) => setTimeout(r, 1));
      waiting.shift()!();
    };
    await nextSave();
    await Promise.all([first, second, third]);
    // Changes made before the save started are written together, once.
    expect(saving).toEqual([3]);
    const fourth = writer.update((s) => (s.doneBefore = 4));
    const fifth = writer.update((s) => (s.doneBefore = 5));
    await nextSave();
    await Promise.all([fourth, fifth]);
    expect(saving).toEqual([3, 5]);
    // A change made while a save is being written waits for the next save.
    const sixth = writer.update((s) => (s.doneBefore = 6));
    await new Promise((r) => setTimeout(r, 5));
    const seventh = writer.update((s) => (s.doneBefore = 7));
    await nextSave();
    await sixth;
    await nextSave();
    await seventh;
    expect(saving).toEqual([3, 5, 6, 7]);
    expect((slow.state as { doneBefore: number }).doneBefore).toBe(7);
  });

  it("takes only a checkpoint of this import, with spans sorted and no overlaps", () => {
    const state = { ...freshState("fp", "0".repeat(16)), doneBefore: 10 };
    const span = (start: number, end: number, extra = {}) => ({ start, end, hash: "h", state: "submitting" as const, submittedAt: "t", ...extra });
    const ok = resumeState({ ...state, spans: [span(40, 50), span(10, 20)] }, "fp");
    expect(ok.spans.map((s) => s.start)).toEqual([10, 40]);
    expect(() => resumeState({ ...state, spans: [] }, "other")).toThrow(/another dataset or other options/);
    expect(() => resumeState({ format: "x" }, "fp")).toThrow(CheckpointMismatchError);
    expect(() => resumeState({ ...state, spans: [span(5, 20)] }, "fp")).toThrow(/span at row 5/);
    expect(() => resumeState({ ...state, spans: [span(10, 20), span(15, 30)] }, "fp")).toThrow(/span at row 15/);
    expect(() => resumeState({ ...state, spans: [span(10, 20, { state: "submitted" })] }, "fp")).toThrow(/no task id/);
  });

  it("settings: defaults, and ranges checked with the option named", () => {
    expect(settingsOf({})).toMatchObject({ onDuplicate: "fail", concurrency: 4, collectOutcomes: true, limits: { maxChunkBytes: 1_000_000, maxChunkRows: 10_000, maxRowsPerTask: 25_000, firstTaskRows: 2_500 } });
    expect(() => settingsOf({ expectedTotal: Number.NaN })).toThrow(/expectedTotal must be a non-negative number/);
    expect(() => settingsOf({ expectedTotal: -1 })).toThrow(RangeError);
    expect(() => settingsOf({ concurrency: 0 })).toThrow(/concurrency/);
    expect(() => settingsOf({ limits: { maxChunkRows: 1.5 } })).toThrow(/limits.maxChunkRows/);
    expect(() => settingsOf({ onDuplicate: "merge" as never })).toThrow(/onDuplicate/);
    expect(() => settingsOf({ taskTimeoutMs: -1 })).toThrow(/taskTimeoutMs/);
  });
});

describe("export filters", () => {
  it("one export for a dataset; one per 2,000 ids otherwise, repeats dropped, filter clause first", () => {
    expect(exportQueries("ds", {})).toEqual([[{ ids: ["ds"], operator: "is", type: "dataset" }]]);
    const keys = Array.from({ length: 4_001 }, (_, i) => `k${i}`);
    const queries = exportQueries("ds", { globalKeys: [...keys, "K0"] });
    expect(queries.map((q) => (q[0]!.ids as string[]).length)).toEqual([MAX_IDS_PER_EXPORT, MAX_IDS_PER_EXPORT, 1]);
    expect(queries.every((q) => q[0]!.type === "global_key" && q[1]!.type === "dataset")).toBe(true);
    expect(exportQueries("ds", { dataRowIds: ["a", "a", "b"] })).toEqual([[{ ids: ["a", "b"], operator: "is", type: "data_row_id" }, { ids: ["ds"], operator: "is", type: "dataset" }]]);
  });

  it("sends every parameter the Python SDK 6.0 sends", () => {
    const input = exportInput([{ ids: ["ds"], operator: "is", type: "dataset" }], { includeMetadata: true, includeAttachments: false, includeDataRowDetails: false });
    expect(Object.keys(input)).toEqual(["taskName", "filters", "isStreamableReady", "params", "streamable"]);
    expect(Object.keys(input.params)).toEqual([
      "mediaTypeOverride",
      "includeAttachments",
      "includeEmbeddings",
      "includeMetadata",
      "includeDataRowDetails",
      "includeProjectDetails",
      "includePerformanceDetails",
      "includeLabelDetails",
      "includeInterpolatedFrames",
      "includePredictions",
      "projectIds",
      "modelRunIds",
      "allProjects",
      "allModelRuns",
    ]);
  });
});

it("a client works as the first argument everywhere (type check of the public surface)", () => {
  expect(createClient({ apiKey: "k", endpoint: "http://127.0.0.1:9/graphql" }).endpoint).toContain("127.0.0.1");
});
