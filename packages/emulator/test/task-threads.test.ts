// Upsert tasks on task threads (file stores, built bin only): two tasks running at the same time
// on two threads with their own connections, with overlapping global keys. The unique index
// decides: each key lands exactly once, and the other task's spec fails with the duplicate message.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { data, waitFor } from "./helpers/client.js";
import { createDataset, importResults, startUpsert, task, waitForTask } from "./helpers/flows.js";
import { startBin } from "./helpers/process.js";
import { startEmulator } from "../src/index.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-emulator-task-threads-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PER_TASK = 6_000;
const OVERLAP = 3_000;

describe("upsert tasks on two threads", () => {
  it("give every global key to exactly one of two concurrent tasks; the other spec fails as a duplicate", { timeout: 120_000 }, async () => {
    // Small, slowed-down batches, so the two tasks overlap and their transactions interleave many times.
    const p = await startBin(["--data", dir, "--verbose", "--task-threads", "2", "--task-batch-size", "200", "--task-batch-delay", "25", "--task-delay", "300"]);
    try {
      const { url, apiKey: key } = p;
      const ds = await createDataset(url, key);
      const specs = (from: number) =>
        Array.from({ length: PER_TASK }, (_, i) => ({
          id: { type: "AUTO", value: "" },
          payload: { row_data: `https://e.com/${from + i}.jpg`, global_key: `dup-${from + i}`, external_id: `from-${from}`, dataset_id: ds },
        }));
      // The task delay lets both be submitted before either starts.
      const a = await startUpsert(url, key, specs(0));
      const b = await startUpsert(url, key, specs(PER_TASK - OVERLAP));
      // Both run at the same time: each is seen IN_PROGRESS with some progress while the other is too.
      await waitFor(async () => {
        const [ta, tb] = await Promise.all([task(url, key, a), task(url, key, b)]);
        return ta && tb && ta.status === "IN_PROGRESS" && tb.status === "IN_PROGRESS" && ta.completionPercentage > 0 && tb.completionPercentage > 0 ? true : undefined;
      }, 30_000);
      expect((await waitForTask(url, key, a, 60_000)).status).toBe("COMPLETE");
      expect((await waitForTask(url, key, b, 60_000)).status).toBe("COMPLETE");
      expect(p.stderr()).toMatch(/upsert task thread 1 started/);
      expect(p.stderr()).toMatch(/upsert task thread 2 started/);

      const ra = await importResults(url, key, a);
      const rb = await importResults(url, key, b);
      const landed = [...ra.successes, ...rb.successes].map((s) => s.globalKey);
      const total = 2 * PER_TASK - OVERLAP;
      expect(landed).toHaveLength(total);
      expect(new Set(landed)).toEqual(new Set(Array.from({ length: total }, (_, i) => `dup-${i}`)));
      const failed = [...ra.failures, ...rb.failures];
      expect(failed).toHaveLength(OVERLAP);
      for (const f of failed) expect(f.message).toBe(`Duplicate global key: '${f.spec.globalKey}'`);
      const failedKeys = failed.map((f) => f.spec.globalKey);
      expect(new Set(failedKeys).size).toBe(OVERLAP);
      for (const k of failedKeys) expect(Number(k!.slice(4))).toBeGreaterThanOrEqual(PER_TASK - OVERLAP), expect(Number(k!.slice(4))).toBeLessThan(PER_TASK);
      // The store agrees: one row per key, and the dataset's row count.
      const count = (await data(url, key, `query($id: ID!){dataset(where: {id: $id}){rowCount}}`, { id: ds })).dataset.rowCount;
      expect(count).toBe(total);
      const rows: string[] = [];
      for (let from: string | null = null; ; ) {
        const page: any = await data(url, key, `query($id: ID!, $from: ID){datasetDataRows(id: $id, from: $from, first: 1000){nodes{globalKey} pageInfo{startCursor}}}`, { id: ds, from });
        rows.push(...page.datasetDataRows.nodes.map((n: { globalKey: string }) => n.globalKey));
        from = page.datasetDataRows.pageInfo.startCursor;
        if (!from) break;
      }
      expect(rows).toHaveLength(total);
      expect(new Set(rows).size).toBe(total);
    } finally {
      p.child.kill("SIGTERM");
      expect(await p.exited).toBe(0);
    }
  });
  it("stop at their next pause on SIGTERM, leaving the task IN_PROGRESS, and resume it after a restart", { timeout: 120_000 }, async () => {
    const sub = path.join(dir, "sigterm");
    const first = await startBin(["--data", sub, "--verbose", "--task-threads", "2", "--task-batch-size", "100", "--task-batch-delay", "25"]);
    const { url, apiKey: key } = first;
    const ds = await createDataset(url, key);
    const rows = 3_000;
    const specs = Array.from({ length: rows }, (_, i) => ({ id: { type: "AUTO", value: "" }, payload: { row_data: `https://e.com/${i}.jpg`, global_key: `term-${i}`, dataset_id: ds } }));
    const id = await startUpsert(url, key, specs);
    await waitFor(async () => {
      const t = await task(url, key, id);
      return t && t.completionPercentage > 5 ? t : undefined;
    });
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.stderr()).toMatch(/upsert task thread 1 started/);

    // The task delay holds the resumed task back, so its state as the stop left it can be seen.
    const second = await startBin(["--data", sub, "--task-delay", "1000"]);
    try {
      const stopped = await task(second.url, key, id);
      expect(stopped?.status).toBe("IN_PROGRESS");
      expect(stopped!.completionPercentage).toBeGreaterThan(5);
      const done = await waitForTask(second.url, key, id, 60_000);
      expect(done.status).toBe("COMPLETE");
      const results = await importResults(second.url, key, id);
      expect(results.failures).toEqual([]);
      expect(results.successes).toHaveLength(rows);
      expect(new Set(results.successes.map((r) => r.globalKey)).size).toBe(rows);
      expect((await data(second.url, key, `query($id: ID!){dataset(where: {id: $id}){rowCount}}`, { id: ds })).dataset.rowCount).toBe(rows);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  });
  it("obey task faults (a failed task, then a hanging one) decided before a thread gets the task", { timeout: 60_000 }, async () => {
    const p = await startBin(["--data", path.join(dir, "faults"), "--task-threads", "2", "--fault", "task-fail:operation=adv-upsert-data-rows,times=1", "--fault", "task-hang:operation=adv-upsert-data-rows,times=1"]);
    try {
      const { url, apiKey: key } = p;
      const ds = await createDataset(url, key);
      const spec = (i: number) => [{ id: { type: "AUTO", value: "" }, payload: { row_data: `https://e.com/${i}.jpg`, dataset_id: ds } }];
      const failed = await waitForTask(url, key, await startUpsert(url, key, spec(1)));
      expect(failed.status).toBe("FAILED");
      const hanging = await startUpsert(url, key, spec(2));
      const ok = await waitForTask(url, key, await startUpsert(url, key, spec(3)));
      expect(ok.status).toBe("COMPLETE");
      expect((await task(url, key, hanging))?.status).toBe("IN_PROGRESS");
    } finally {
      p.child.kill("SIGTERM");
      expect(await p.exited).toBe(0);
    }
  });

  it("refuse a thread count they are not built for, with the option's name", async () => {
    await expect(startEmulator({ dataDir: dir, taskThreads: 7 })).rejects.toThrow("taskThreads must be 0, 1 or 2, got 7");
    await expect(startEmulator({ dataDir: dir, exportThreads: 0 })).rejects.toThrow("exportThreads must be 1 or 2, got 0");
  });
});
