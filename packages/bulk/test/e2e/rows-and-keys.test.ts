import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { AuthenticationError, createClient, iterateDataRows, type LbxClient } from "@lbx/core";
import { assignGlobalKeys, bulkDeleteDataRows, importDataRows, lookupGlobalKeys } from "../../src/index.js";
import { emulatorWithClient, newDataset } from "../helpers/emulator.js";

let emulator: RunningEmulator;
let client: LbxClient;

beforeAll(async () => {
  // A low delete limit, so a few hundred rows already need several calls.
  ({ emulator, client } = await emulatorWithClient({ limits: { maxRowsPerBulkDelete: 100 } }));
});
afterAll(() => emulator?.close());

async function seed(dataset: string, n: number, keyed: boolean): Promise<string[]> {
  const rows = Array.from({ length: n }, (_, i) => ({ rowData: `https://example.com/${dataset}/${i}.jpg`, ...(keyed ? { globalKey: `${dataset}-${i}` } : {}) }));
  const { outcomes } = await importDataRows(client, dataset, rows);
  return outcomes.map((o) => (o as { dataRowId: string }).dataRowId);
}

describe("bulkDeleteDataRows", () => {
  it("deletes any number of rows in calls the server accepts, with one outcome per id", async () => {
    const dataset = await newDataset(client, "del");
    const ids = await seed(dataset, 250, false);
    const progress: number[] = [];
    const input = [...ids, ids[3]!, "", "cnotarealrowidxxxxxxxxxxxx"];
    const { summary, outcomes } = await bulkDeleteDataRows(client, input, { batchSize: 100, onProgress: (done) => progress.push(done) });
    expect(summary).toEqual({ total: 253, deleted: 250, notFound: 1, failed: 2 });
    expect(outcomes[250]).toMatchObject({ index: 250, status: "failed", code: "DUPLICATE_ID", message: "repeats input row 3" });
    expect(outcomes[251]).toMatchObject({ index: 251, status: "failed", code: "INVALID_ID" });
    expect(outcomes[252]).toMatchObject({ index: 252, status: "not_found" });
    expect(progress).toEqual([102, 202, 253]);
    expect(await iterateDataRows(client, dataset).toArray()).toEqual([]);
    // Deleting again changes nothing and says so.
    expect((await bulkDeleteDataRows(client, ids.slice(0, 5))).summary).toMatchObject({ deleted: 0, notFound: 5 });
  });

  it("a call the server rejects fails its own ids and the next calls go on; a bad API key stops at once", async () => {
    const dataset = await newDataset(client, "del2");
    const ids = await seed(dataset, 150, false);
    emulator.faults.set({ rules: [{ kind: "graphql-error", code: "MALFORMED_REQUEST", status: 400, operation: "deleteDataRowsPyApi", times: 1 }] });
    try {
      const { summary, outcomes } = await bulkDeleteDataRows(client, ids, { batchSize: 100 });
      expect(summary).toMatchObject({ deleted: 50, failed: 100 });
      expect(outcomes[0]).toMatchObject({ status: "failed", code: "VALIDATION_ERROR" });
      expect(outcomes[149]).toMatchObject({ status: "deleted" });
    } finally {
      emulator.faults.clear();
    }
    const stranger = createClient({ apiKey: "not-a-key", endpoint: emulator.url });
    await expect(bulkDeleteDataRows(stranger, ids)).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe("assignGlobalKeys and lookupGlobalKeys", () => {
  it("assign any number of keys with per-row results; bad ones fail alone", async () => {
    const dataset = await newDataset(client, "assign");
    const ids = await seed(dataset, 1_200, false);
    const assignments = ids.map((dataRowId, i) => ({ dataRowId, globalKey: `${dataset}-k${i}` }));
    assignments[5] = { dataRowId: ids[5]!, globalKey: " leading space" };
    assignments[6] = { dataRowId: ids[6]!, globalKey: "has<angle>" };
    assignments.push({ dataRowId: ids[7]!, globalKey: "again" }, { dataRowId: "cnotarealrowidxxxxxxxxxxxx", globalKey: `${dataset}-K8` }, { dataRowId: "cnotarealrowidxxxxxxxxxxxx", globalKey: `${dataset}-ghost` });
    const jobs: number[] = [];
    const { summary, outcomes } = await assignGlobalKeys(client, assignments, { batchSize: 500, onProgress: (done) => jobs.push(done) });
    expect(jobs).toHaveLength(3);
    expect(summary).toEqual({ total: 1_203, assigned: 1_199, failed: 4 });
    expect(outcomes[5]).toMatchObject({ status: "failed", code: "INVALID_ASSIGNMENT", message: expect.stringMatching(/^globalKey: /) });
    expect(outcomes[6]).toMatchObject({ status: "assigned", sanitized: true, globalKey: "has_angle_" });
    expect(outcomes[1_200]).toMatchObject({ status: "failed", code: "DUPLICATE_ASSIGNMENT", message: expect.stringMatching(/input row 7/) });
    expect(outcomes[1_201]).toMatchObject({ status: "failed", code: "DUPLICATE_ASSIGNMENT", message: expect.stringMatching(/input row 8/) });
    expect(outcomes[1_202]).toMatchObject({ status: "failed", code: "ASSIGNMENT_REJECTED" });

    const keys = [`${dataset}-k0`, `${dataset}-K1`, "no-such-key", "", `${dataset}-k1199`];
    const found = await lookupGlobalKeys(client, keys, { batchSize: 2 });
    expect(found.summary).toEqual({ total: 5, found: 3, notFound: 1, failed: 1 });
    expect(found.outcomes.map((o) => o.status)).toEqual(["found", "found", "not_found", "failed", "found"]);
    expect(found.outcomes[0]).toMatchObject({ dataRowId: ids[0] });
    expect(found.outcomes[4]).toMatchObject({ dataRowId: ids[1_199] });
  });

  it("a global-key job that never finishes throws a TaskTimeoutError with its job id", async () => {
    emulator.faults.set({ rules: [{ kind: "task-hang", times: 1 }] });
    try {
      await expect(lookupGlobalKeys(client, ["x"], { timeoutMs: 200 })).rejects.toMatchObject({ code: "TASK_TIMEOUT", taskId: expect.any(String) });
    } finally {
      emulator.faults.clear();
    }
  });
});
