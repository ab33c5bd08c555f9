import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import {
  Client,
  createDataRow,
  createDataset,
  deleteDataRows,
  getDataRow,
  iterateDataRows,
  type LbxClient,
  NotFoundError,
  ServerError,
  startUpsertTask,
  TaskFailedError,
  TaskTimeoutError,
  taskSuccesses,
  type UpsertItem,
  waitForTask,
} from "../../src/index.js";
import { emulatorWithClient } from "./setup.js";

let emulator: RunningEmulator;
let client: LbxClient;
const run = Date.now().toString(36);

beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient());
});
afterAll(() => emulator?.close());

async function seed(datasetId: string, count: number): Promise<string[]> {
  const items: UpsertItem[] = Array.from({ length: count }, (_, i) => ({ id: { type: "AUTO", value: "" }, payload: { row_data: `https://example.com/${i}.jpg`, external_id: `s${i}`, dataset_id: datasetId } }));
  const task = await startUpsertTask(client, [items]);
  await waitForTask(client, task.id, { timeoutMs: 60_000 });
  return (await taskSuccesses(client, task.id).toArray()).map((r) => r.id);
}

describe("bulk", () => {
  it("iterates 4,100 rows in pages of 500 and bulk-deletes 4,100 rows in two calls", async () => {
    const dataset = await createDataset(client, { name: `bulk-${run}`, iamIntegration: null });
    const ids = await seed(dataset.id, 4100);
    expect(ids).toHaveLength(4100);

    const pages: number[] = [];
    for await (const page of iterateDataRows(client, dataset.id).pages()) pages.push(page.length);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(4100);
    expect(pages.slice(0, 2)).toEqual([500, 500]);

    const progress: number[] = [];
    await deleteDataRows(client, ids, { onProgress: (n) => progress.push(n) });
    expect(progress).toEqual([4000, 4100]);
    expect(await iterateDataRows(client, dataset.id).toArray()).toEqual([]);
    await expect(getDataRow(client, ids[0] ?? "")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("faults", () => {
  it("a query that fails with 503 once is retried by the default transport", async () => {
    const dataset = await createDataset(client, { name: `f-${run}`, iamIntegration: null });
    const row = await createDataRow(client, dataset.id, { rowData: "https://example.com/f.jpg" });
    emulator.faults.set({ rules: [{ kind: "http", status: 503, operation: "GetDataRowPyApi", times: 1 }] });
    expect((await getDataRow(client, row.id)).id).toBe(row.id);
    emulator.faults.set({ rules: [{ kind: "http", status: 503, operation: "GetDataRowPyApi" }] });
    await expect(getDataRow(client, row.id)).rejects.toBeInstanceOf(ServerError);
    emulator.faults.clear();
  });

  it("an upsert task that fails is TaskFailedError; one that hangs is TaskTimeoutError with its id", async () => {
    const dataset = await createDataset(client, { name: `t-${run}`, iamIntegration: null });
    emulator.faults.set({ rules: [{ kind: "task-fail", times: 1 }] });
    await expect(createDataRow(client, dataset.id, { rowData: "https://example.com/t.jpg" })).rejects.toBeInstanceOf(TaskFailedError);
    emulator.faults.set({ rules: [{ kind: "task-hang", times: 1 }] });
    const error = (await createDataRow(client, dataset.id, { rowData: "https://example.com/t.jpg" }, { timeoutMs: 300 }).catch((e: unknown) => e)) as TaskTimeoutError;
    emulator.faults.clear();
    expect(error).toBeInstanceOf(TaskTimeoutError);
    expect(error.taskId).toMatch(/^c[a-z0-9]{24}$/);
    expect(error.lastStatus).toBe("IN_PROGRESS");
  });
});

describe("the Client facade, Python style", () => {
  it("client.createDataset -> dataset.createDataRow -> for await dataset.dataRows() -> row.update / delete", async () => {
    const lb = new Client({ apiKey: emulator.apiKey, endpoint: emulator.url, polling: { minDelayMs: 10, maxDelayMs: 50 } });
    const dataset = await lb.createDataset({ name: `facade-${run}`, iamIntegration: null });
    const row = await dataset.createDataRow({ rowData: "https://example.com/p.jpg", globalKey: `facade-${run}` });
    const note = await row.createAttachment({ type: "RAW_TEXT", value: "hi" });
    expect((await row.attachments().toArray()).map((a) => a.id)).toEqual([note.id]);
    const ids: string[] = [];
    for await (const r of dataset.dataRows()) ids.push(r.id);
    expect(ids).toEqual([row.id]);
    expect((await lb.getDataRowByGlobalKey(`facade-${run}`)).id).toBe(row.id);
    const mdo = await lb.getDataRowMetadataOntology();
    expect(mdo.getByName("split")?.optionsByName["test"]?.parent).toBe(mdo.reservedByName.split?.id);
    expect((await row.update({ externalId: "p2" })).externalId).toBe("p2");
    await row.delete();
    await expect(lb.getDataRow(row.id)).rejects.toBeInstanceOf(NotFoundError);
    await dataset.delete();
  });
});
