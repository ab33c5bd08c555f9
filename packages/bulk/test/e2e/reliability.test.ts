import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { createClient, execute, getUser, iterateDataRows, type LbxClient, TaskTimeoutError } from "@lbx/core";
import { importDataRows } from "../../src/index.js";
import { CreatedUpsertTasksDocument } from "../../src/documents/created-tasks.js";
import { emulatorWithClient, newDataset, sampleRows } from "../helpers/emulator.js";
import { bundleChild, killStrays, runChild } from "../helpers/child.js";
import { losingAnswers } from "../helpers/lost-answers.js";

let emulator: RunningEmulator;
let client: LbxClient;
let child: { file: string; dir: string };

beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient());
  child = await bundleChild();
});
afterAll(async () => {
  killStrays();
  await emulator?.close();
  if (child) fs.rmSync(child.dir, { recursive: true, force: true });
});

/** Every row of the dataset, counted by global key (or external id for rows without one). */
async function census(dataset: string, on = client): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const row of iterateDataRows(on, dataset)) {
    const key = row.globalKey ?? `ext:${row.externalId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function expectExactlyOnce(counts: Map<string, number>, expected: string[]): void {
  expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  expect([...counts.keys()].sort()).toEqual([...expected].sort());
}

async function upsertTasksCreatedSince(since: string, on = client): Promise<number> {
  const userId = (await getUser(on)).id;
  const data = await execute(on, CreatedUpsertTasksDocument, { userId, since, skip: 0, first: 1000 });
  return data.user?.createdTasks.length ?? 0;
}

describe("reliability", () => {
  // CI runs 10,000 rows; LBX_BULK_RELIABILITY_ROWS=100000 runs the full size.
  const ROWS = Number(process.env["LBX_BULK_RELIABILITY_ROWS"] ?? 10_000);
  it(`${ROWS.toLocaleString("en")} rows with 20% of requests failing (500, 502, 503, 429 + Retry-After, dropped connections) and added latency: every row exactly once`, async () => {
    const dataset = await newDataset(client, "faults");
    const rows = sampleRows(ROWS, "faulty");
    emulator.faults.set({
      seed: 7,
      rules: [
        { kind: "latency", ms: 40, rate: 0.2 },
        { kind: "http", status: 500, rate: 0.045 },
        { kind: "http", status: 502, rate: 0.045, body: "text" },
        { kind: "http", status: 503, rate: 0.045 },
        { kind: "rate-limit", retryAfter: 1, rate: 0.045 },
        { kind: "drop", rate: 0.045 },
      ],
    });
    let result;
    try {
      // Ten tasks of one size at any ROWS (the first tasks would otherwise start at 2,500 rows).
      const limits = { maxRowsPerTask: ROWS / 10, firstTaskRows: ROWS / 10, maxChunkRows: ROWS / 40 };
      result = await importDataRows(client, dataset, rows, { limits, collectOutcomes: false });
    } finally {
      emulator.faults.clear();
    }
    expect(result.summary).toMatchObject({ total: ROWS, created: ROWS, failed: 0, unmatchedResults: 0 });
    expect(result.summary.taskIds).toHaveLength(10);
    expectExactlyOnce(await census(dataset), rows.map((r) => r.globalKey));
  }, 600_000);

  it("an upsertDataRows whose response is lost after the server created the task is found, not sent twice (rows without global keys)", async () => {
    const dataset = await newDataset(client, "lost");
    const since = new Date().toISOString();
    const { transport, lost } = losingAnswers("UpsertDataRowsPyApi", 2);
    const lossy = createClient({ apiKey: emulator.apiKey, endpoint: emulator.url, transport, polling: { minDelayMs: 10, maxDelayMs: 50 } });
    const rows = Array.from({ length: 300 }, (_, i) => ({ rowData: `https://example.com/lost/${i}.jpg`, externalId: `lost-${i}` }));
    const { summary } = await importDataRows(lossy, dataset, rows, { limits: { maxRowsPerTask: 100 } });
    expect(lost()).toBe(2);
    expect(summary).toMatchObject({ created: 300, failed: 0 });
    expect(summary.taskIds).toHaveLength(3);
    expect(await upsertTasksCreatedSince(since)).toBe(3);
    expectExactlyOnce(await census(dataset), rows.map((r) => `ext:${r.externalId}`));
  });

  it("the same holds for rows whose row data is an object (the results report a URL for it, not the object)", async () => {
    const dataset = await newDataset(client, "lost-objects");
    const { transport, lost } = losingAnswers("UpsertDataRowsPyApi", 1);
    const lossy = createClient({ apiKey: emulator.apiKey, endpoint: emulator.url, transport, polling: { minDelayMs: 10, maxDelayMs: 50 } });
    const rows = Array.from({ length: 20 }, (_, i) => ({ rowData: { pdfUrl: `https://example.com/lost/doc-${i}.pdf` }, externalId: `pdf-${i}` }));
    const { summary, outcomes } = await importDataRows(lossy, dataset, rows);
    expect(lost()).toBe(1);
    expect(summary).toMatchObject({ created: 20, failed: 0, unmatchedResults: 0 });
    expect(outcomes.every((o) => o.status === "created")).toBe(true);
    expectExactlyOnce(await census(dataset), rows.map((r) => `ext:${r.externalId}`));
  });

  it("a task that never finishes ends the import with a TaskTimeoutError carrying the task id", async () => {
    const dataset = await newDataset(client, "hang");
    emulator.faults.set({ rules: [{ kind: "task-hang", operation: "adv-upsert-data-rows", times: 1 }] });
    const started: string[] = [];
    try {
      const error = (await importDataRows(client, dataset, sampleRows(5, "hang"), { taskTimeoutMs: 300, onTask: (t) => started.push(t.id) }).catch((e: unknown) => e)) as TaskTimeoutError;
      expect(error).toBeInstanceOf(TaskTimeoutError);
      expect(error.taskId).toBe(started[0]);
      expect(error.lastStatus).toBe("IN_PROGRESS");
      expect(error.message).toContain(started[0]);
    } finally {
      emulator.faults.clear();
    }
  });

  describe("a process killed with SIGKILL and started again imports every row exactly once", () => {
    const N = 1_200;
    let dir: string;
    // Half the rows have no global key: only the checkpoint stands between them and duplicates.
    const rowsOf = (label: string) =>
      Array.from({ length: N }, (_, i) =>
        i % 2
          ? { rowData: `https://example.com/${label}/${i}.jpg`, externalId: `${label}-${i}` }
          : { rowData: `https://example.com/${label}/${i}.jpg`, globalKey: `${label}-${i}`, externalId: `${label}-${i}` },
      );
    const options = JSON.stringify({ limits: { maxRowsPerTask: 150, maxChunkRows: 50 }, concurrency: 2 });

    let killEmulator: RunningEmulator;
    let killClient: LbxClient;
    beforeAll(async () => {
      // A fresh emulator: other tests leave tasks behind (one never finishes) that a resumed run
      // would have to rule out as its own lost submission.
      ({ emulator: killEmulator, client: killClient } = await emulatorWithClient());
      dir = fs.mkdtempSync(path.join(child.dir, "kill-"));
    });

    afterAll(async () => {
      killStrays();
      await killEmulator?.close();
    });

    async function crashThenResume(label: string, killWhen: (line: Record<string, unknown>) => boolean, settleMs = 0) {
      const dataset = await newDataset(killClient, label);
      const rows = rowsOf(label);
      const input = path.join(dir, `${label}.ndjson`);
      fs.writeFileSync(input, rows.map((r) => JSON.stringify(r)).join("\n"));
      const checkpoint = path.join(dir, `${label}.checkpoint.json`);
      const args = [killEmulator.url, killEmulator.apiKey, dataset, input, checkpoint, options];
      const killed = await runChild(child.file, args, killWhen).finished;
      expect(killed.signal, killed.stderr).toBe("SIGKILL");
      expect(fs.existsSync(checkpoint)).toBe(true);
      // Let requests the server still holds finish first (see `findSubmittedTask`: a request not
      // yet turned into a task when the resumed run looks cannot be seen).
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      killEmulator.faults.clear();
      const resumed = await runChild(child.file, args).finished;
      expect(resumed.code, resumed.stderr).toBe(0);
      const done = resumed.lines.at(-1)!["done"] as { created: number; failed: number; total: number; resumedAt?: number; taskIds: string[] };
      expect(done, JSON.stringify({ killed: killed.lines.slice(-3), resumed: resumed.lines.filter((l) => l["failure"]).slice(0, 5), stderr: resumed.stderr.slice(0, 2000) })).toMatchObject({ total: N, created: N, failed: 0 });
      expect(fs.existsSync(checkpoint)).toBe(false);
      expectExactlyOnce(await census(dataset, killClient), rows.map((r) => r.globalKey ?? `ext:${r.externalId}`));
      return { killed, done };
    }

    it("killed while a task's upsertDataRows is in flight (the server creates the task after the client died)", async () => {
      const since = new Date().toISOString();
      // The server holds each upsertDataRows for 400 ms before creating the task.
      killEmulator.faults.set({ rules: [{ kind: "latency", ms: 400, operation: "UpsertDataRowsPyApi" }] });
      let sawDone = false;
      // The resumed run starts once the held requests are through (2.5 times the hold): the case
      // under test is a task the server created after the client died, before the resume looked.
      const { killed, done } = await crashThenResume(
        "kill-submitting",
        (line) => {
          sawDone ||= (line["doneBefore"] as number) > 0;
          return sawDone && (line["spans"] as string[]).some((s) => s.endsWith(":submitting"));
        },
        1_000,
      );
      expect((killed.lines.at(-1)!["spans"] as string[]).some((s) => s.endsWith(":submitting"))).toBe(true);
      // Every span became exactly one task: the orphaned one was found and adopted, not sent again.
      expect(await upsertTasksCreatedSince(since, killClient)).toBe(N / 150);
      expect(done.taskIds).toHaveLength(N / 150);
    }, 60_000);

    it("killed while tasks run on the server (re-attached by task id)", async () => {
      killEmulator.faults.set({ rules: [{ kind: "latency", ms: 150, operation: "GetUserCreatedTasksPyApi" }] });
      const { done } = await crashThenResume("kill-submitted", (line) => (line["spans"] as string[]).filter((s) => s.endsWith(":submitted")).length >= 2 && (line["doneBefore"] as number) >= 300);
      expect(done.resumedAt).toBeGreaterThanOrEqual(300);
    }, 60_000);
  });
});
