// An import killed with SIGKILL mid-way resumes from its checkpoint: every row imported exactly
// once, the failures file holding each failed row once, and the summary covering both runs.
import fs from "node:fs";
import path from "node:path";
import { createClient, iterateDataRows } from "@lbx/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers/emulator.js";
import { readNdjson, urlRows, writeNdjson } from "./helpers/rows.js";
import { json, lbx, start } from "./helpers/run.js";
import { watch } from "./helpers/watch.js";

let server: TestServer;
beforeAll(async () => {
  // Slow tasks (25 rows per batch, 60 ms between batches) so the import is still running when killed.
  server = await startTestServer({ taskBatchSize: 25, taskBatchDelayMs: 60 });
});
afterAll(() => server.emulator.close());

/** Polls the checkpoint folder until a checkpoint records reported rows and a task still running. */
async function midImport(dir: string, timeoutMs = 30_000): Promise<{ doneBefore: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith(".json")) : []) {
      try {
        const state = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as { doneBefore: number; spans: { state: string }[] };
        if (state.doneBefore >= 100 && state.spans.some((s) => s.state === "submitted")) return state;
      } catch {
        // Renamed over while reading: look again.
      }
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the import never reached the middle");
}

describe("lbx import --resume", () => {
  it("continues an import killed with SIGKILL, importing no row twice", async () => {
    const work = path.join(server.home, "work");
    const rows = urlRows("resume", 600).map((r, i) => (i === 50 || i === 550 ? { ...r, metadataFields: [{ name: "split", value: "nope" }] } : r));
    const file = writeNdjson(path.join(work, "big.ndjson"), rows);
    const args = ["import", file, "--dataset", "Resume", "--rows-per-task", "100", "--concurrency", "2"];
    expect((await lbx(["datasets", "create", "Resume"], { env: server.env })).code).toBe(0);

    const child = watch(start(args, { env: server.env, cwd: work }));
    const state = await midImport(path.join(server.home, ".lbx", "checkpoints"));
    child.child.kill("SIGKILL");
    expect((await child.exited).signal).toBe("SIGKILL");
    expect(state.doneBefore).toBeLessThan(600);
    // The first run reported row 50's failure before it was killed.
    expect(readNdjson(path.join(work, "big.failures.ndjson")).length).toBeGreaterThanOrEqual(1);

    // Without --resume, the unfinished run is not silently started over.
    const refused = await lbx(args, { env: server.env, cwd: work });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Add --resume to continue it");

    const resumed = await lbx([...args, "--resume", "--json"], { env: server.env, cwd: work });
    expect(resumed.code).toBe(4);
    const out = json<{ datasetId: string; summary: { total: number; created: number; failed: number; resumedAt?: number }; failuresFile: string }>(resumed);
    expect(out.summary).toMatchObject({ total: 600, created: 598, failed: 2 });
    expect(out.summary.resumedAt).toBeGreaterThanOrEqual(100);

    const failures = readNdjson<{ globalKey: string; lbxFailure: { index: number } }>(out.failuresFile);
    expect(failures.map((f) => f.lbxFailure.index)).toEqual([50, 550]);

    const client = createClient({ apiKey: server.apiKey, endpoint: server.emulator.url });
    const keys = (await iterateDataRows(client, out.datasetId).toArray()).map((r) => r.globalKey);
    expect(keys).toHaveLength(598);
    expect(new Set(keys).size).toBe(598);
    expect(fs.readdirSync(path.join(server.home, ".lbx", "checkpoints")).filter((n) => n.endsWith(".json"))).toEqual([]);
  }, 120_000);

  it("stops on Ctrl-C with exit 130 and says how to continue", async () => {
    const work = path.join(server.home, "work-int");
    const file = writeNdjson(path.join(work, "int.ndjson"), urlRows("interrupt", 400));
    const args = ["import", file, "--dataset", "Interrupt", "--create", "--rows-per-task", "100", "--concurrency", "1"];
    const child = watch(start(args, { env: { ...server.env, HOME: work }, cwd: work }));
    await midImport(path.join(work, ".lbx", "checkpoints"));
    child.child.kill("SIGINT");
    const { code } = await child.exited;
    expect(code, child.stderr() + child.stdout()).toBe(130);
    // With the options the checkpoint must agree with: without --rows-per-task it would not resume.
    expect(child.stderr()).toMatch(new RegExp(`continue it with: lbx import ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} --dataset c\\w+ --rows-per-task 100 --resume`));
    expect(child.stderr()).toContain("error: Interrupted.");
    const resumed = await lbx([...args, "--resume", "--json"], { env: { ...server.env, HOME: work }, cwd: work });
    expect(resumed.code).toBe(0);
    expect(json<{ summary: { total: number; created: number } }>(resumed).summary).toMatchObject({ total: 400, created: 400 });
  }, 120_000);
});
