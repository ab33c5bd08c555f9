// A non-ADV classic import fails as a whole when a global key of its batch is taken (spec §7.1),
// also when another task or call takes it while the import is already writing its rows.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { data, download } from "./helpers/client.js";
import { createDataset, createRow, startClassicImport, task, waitForTask } from "./helpers/flows.js";

let emu: RunningEmulator;
beforeAll(async () => {
  // Small, slow batches: the import is still writing when the key is taken.
  emu = await startEmulator({ taskBatchSize: 10, taskBatchDelayMs: 40 });
});
afterAll(() => emu.close());

it("a key taken by someone else while the import writes fails the whole import, and its rows are deleted again", async () => {
  const ds = await createDataset(emu.url, emu.apiKey);
  const items = Array.from({ length: 100 }, (_, i) => ({ row_data: `https://e.com/${i}.jpg`, global_key: `k${i}`, external_id: `e${i}` }));
  const taskId = await startClassicImport(emu.url, emu.apiKey, ds, JSON.stringify(items));
  // Wait until the import has written some rows, then take one of the keys it has yet to write.
  for (let i = 0; i < 200 && ((await task(emu.url, emu.apiKey, taskId))?.completionPercentage ?? 0) < 10; i++) await new Promise((r) => setTimeout(r, 10));
  await createRow(emu.url, emu.apiKey, ds, { gk: "K95", rowData: "https://e.com/other.jpg" });

  const done = await waitForTask(emu.url, emu.apiKey, taskId);
  expect(done.status).toBe("FAILED");
  const result = JSON.parse((await download(done.result!)).text);
  expect(result).toEqual({
    createdDataRows: [],
    errors: [{ message: "Duplicate global key", failedDataRows: [{ externalId: "e95", globalKey: "k95", rowData: "https://e.com/95.jpg", attachmentInputs: [], metadataFields: [] }] }],
    error: "Duplicate global keys found: k95",
  });
  const rows = await data(emu.url, emu.apiKey, `query($id: ID!){dataset(where: {id: $id}){rowCount}}`, { id: ds });
  expect(rows.dataset.rowCount).toBe(1); // the row that took the key
});

it("the whole-batch rejection reports its rows in the result file's camelCase shape", async () => {
  const ds = await createDataset(emu.url, emu.apiKey);
  const items = [
    { row_data: "https://e.com/1.jpg", global_key: "dup", external_id: "one" },
    { row_data: "https://e.com/2.jpg", global_key: "DUP", external_id: "two" },
  ];
  const done = await waitForTask(emu.url, emu.apiKey, await startClassicImport(emu.url, emu.apiKey, ds, JSON.stringify(items)));
  const result = JSON.parse((await download(done.result!)).text);
  expect(result.errors[0].failedDataRows).toEqual([
    { externalId: "one", globalKey: "dup", rowData: "https://e.com/1.jpg", attachmentInputs: [], metadataFields: [] },
    { externalId: "two", globalKey: "DUP", rowData: "https://e.com/2.jpg", attachmentInputs: [], metadataFields: [] },
  ]);
});
