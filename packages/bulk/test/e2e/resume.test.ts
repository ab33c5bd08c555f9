import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { iterateDataRows, type LbxClient } from "@lbx/core";
import { createDataRows, type ImportOptions, importDataRows, memoryCheckpoint, type RowOutcome, upsertDataRows } from "../../src/index.js";
import { emulatorWithClient, newDataset } from "../helpers/emulator.js";

let emulator: RunningEmulator;
let client: LbxClient;

beforeAll(async () => {
  // Tasks take a little while, so an abort lands while several are in flight.
  ({ emulator, client } = await emulatorWithClient({ taskBatchSize: 50, taskBatchDelayMs: 5 }));
});
afterAll(() => emulator?.close());

const rowsOf = (label: string, n: number) => Array.from({ length: n }, (_, i) => ({ rowData: `https://example.com/${label}/${i}.jpg`, globalKey: `${label}-${i}`, externalId: `${label}-${i}` }));

/** Runs an import, aborts it once `abortAt` rows have outcomes, then runs it again to the end. */
async function abortThenResume(dataset: string, rows: unknown[], options: ImportOptions, abortAt: number, run = importDataRows) {
  const checkpoint = memoryCheckpoint();
  const controller = new AbortController();
  const first: RowOutcome[] = [];
  const stopped = await run(client, dataset, rows as never, {
    ...options,
    checkpoint,
    signal: controller.signal,
    onOutcome: (o) => {
      first.push(o);
      if (first.length === abortAt) controller.abort();
    },
  }).catch((e: unknown) => e);
  expect(stopped).toMatchObject({ code: "ABORTED" });
  expect(checkpoint.state).toBeDefined();
  const second: RowOutcome[] = [];
  const result = await run(client, dataset, rows as never, { ...options, checkpoint, onOutcome: (o) => second.push(o) });
  expect(checkpoint.state).toBeUndefined();
  return { first, second, result };
}

describe("resume keeps every decision of the interrupted run", () => {
  it("skip: rows found existing before the interruption are still reported skipped, not created", async () => {
    const dataset = await newDataset(client, "rs-skip");
    const rows = rowsOf("rs-skip", 600);
    await createDataRows(client, dataset, rows.filter((_, i) => i % 3 === 0));
    const { first, second, result } = await abortThenResume(dataset, rows, { onDuplicate: "skip", limits: { maxRowsPerTask: 100 }, concurrency: 3 }, 150);
    const all = [...first.filter((o) => o.index < (result.summary.resumedAt ?? 0)), ...second];
    expect(all.map((o) => o.index)).toEqual(rows.map((_, i) => i));
    expect(all.map((o) => o.status)).toEqual(rows.map((_, i) => (i % 3 === 0 ? "skipped" : "created")));
    expect(all.filter((o) => o.status === "skipped").every((o) => "dataRowId" in o && o.dataRowId)).toBe(true);
    expect(result.summary).toMatchObject({ total: 600, skipped: 200, created: 400, failed: 0 });
    expect(await iterateDataRows(client, dataset).toArray()).toHaveLength(600);
  });

  it("update: rows whose key existed before the interruption are still reported updated", async () => {
    const dataset = await newDataset(client, "rs-upd");
    const rows = rowsOf("rs-upd", 600);
    await createDataRows(client, dataset, rows.filter((_, i) => i % 2 === 0).map((r) => ({ ...r, externalId: "old" })));
    const { first, second, result } = await abortThenResume(dataset, rows, { limits: { maxRowsPerTask: 100 }, concurrency: 3 }, 120, upsertDataRows);
    const all = [...first.filter((o) => o.index < (result.summary.resumedAt ?? 0)), ...second];
    expect(all.map((o) => o.status)).toEqual(rows.map((_, i) => (i % 2 === 0 ? "updated" : "created")));
    expect(result.summary).toMatchObject({ total: 600, updated: 300, created: 300 });
    const stored = await iterateDataRows(client, dataset).toArray();
    expect(stored).toHaveLength(600);
    expect(stored.every((r) => r.externalId === r.globalKey)).toBe(true);
  });

  it("fail: duplicates inside the input are judged the same way on resume", async () => {
    const dataset = await newDataset(client, "rs-dup");
    // Rows 209, 219, ... repeat (in another case) the key of the row 205 before them.
    const rows = rowsOf("rs-dup", 500).map((r, i) => (i % 10 === 9 && i >= 200 ? { ...r, globalKey: `RS-DUP-${i - 205}` } : r));
    const { second, result } = await abortThenResume(dataset, rows, { limits: { maxRowsPerTask: 100 }, concurrency: 2 }, 210);
    const repeats = rows.map((_, i) => i).filter((i) => i % 10 === 9 && i >= 200);
    expect(result.summary).toMatchObject({ total: 500, failed: repeats.length, created: 500 - repeats.length });
    expect(second.filter((o) => o.status === "failed").map((o) => o.index)).toEqual(repeats.filter((i) => i >= (result.summary.resumedAt ?? 0)));
  });
});
