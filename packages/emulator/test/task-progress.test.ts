// Completion percentages that a client can extrapolate from (the SDK polls a task again when its
// pace says it will be done): an upsert of creates only nears 100% as its last row is written,
// and a whole-dataset export reports the share of its lines written. Slow batches on purpose.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { data } from "./helpers/client.js";
import { createDataset, startUpsert, task, waitForTask } from "./helpers/flows.js";
import { startBin, type BinProcess } from "./helpers/process.js";

let emulator: BinProcess & { url: string; apiKey: string };
beforeAll(async () => {
  emulator = await startBin(["--memory", "--task-batch-size", "200", "--task-batch-delay", "15"]);
});
afterAll(async () => {
  emulator.child.kill("SIGTERM");
  await emulator.exited;
});

const EXPORT = `mutation($input: ExportDataRowsInCatalogInput!){exportDataRowsInCatalog(input: $input){taskId}}`;

/** Every completion percentage seen while the task runs (polled every 5 ms), then the final task. */
async function watch(taskId: string): Promise<{ seen: number[]; status: string; completion: number }> {
  const seen: number[] = [];
  for (;;) {
    const t = await task(emulator.url, emulator.apiKey, taskId);
    if (t && t.status !== "IN_PROGRESS") return { seen, status: t.status, completion: t.completionPercentage };
    if (t) seen.push(t.completionPercentage);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("task completion percentages", () => {
  it("an upsert of creates only rises past half and on towards 99 while it runs, never backwards", async () => {
    const { url, apiKey } = emulator;
    const ds = await createDataset(url, apiKey);
    const specs = Array.from({ length: 4_000 }, (_, i) => ({ id: { type: "AUTO", value: "" }, payload: { row_data: `https://e.com/${i}.jpg`, dataset_id: ds } }));
    const { seen, status, completion } = await watch(await startUpsert(url, apiKey, specs));
    expect(status).toBe("COMPLETE");
    expect(completion).toBe(100);
    expect(seen.length).toBeGreaterThan(5);
    expect(Math.max(...seen)).toBeGreaterThanOrEqual(80); // pass 1 used to stop at 50 when there is no pass 2
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it("a whole-dataset export reports the share of its lines written", async () => {
    const { url, apiKey } = emulator;
    const ds = await createDataset(url, apiKey, "progress export");
    const specs = Array.from({ length: 20_000 }, (_, i) => ({ id: { type: "AUTO", value: "" }, payload: { row_data: `https://e.com/${i}.jpg`, dataset_id: ds } }));
    expect((await waitForTask(url, apiKey, await startUpsert(url, apiKey, specs), 60_000)).status).toBe("COMPLETE");
    const input = { taskName: "t", filters: { searchQuery: { scope: null, query: [{ ids: [ds], operator: "is", type: "dataset" }] } }, isStreamableReady: true, streamable: true, params: {} };
    const taskId = (await data(url, apiKey, EXPORT, { input })).exportDataRowsInCatalog.taskId as string;
    const { seen, status, completion } = await watch(taskId);
    expect(status).toBe("COMPLETE");
    expect(completion).toBe(100);
    // 20,000 lines in batches of 5,000: 24%, 49%, 74% and 99% after each (as lines counted up to
    // 99 before, it read 99 from the first batch on).
    expect(seen.filter((p) => p > 0 && p < 99)).not.toEqual([]);
    expect(seen.every((p) => [0, 24, 49, 74, 99].includes(p))).toBe(true);
  });
});
