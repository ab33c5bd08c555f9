// A FAILED "JSON Import" task still has a result file carrying its `error` (spec §7.1): the Python
// SDK's wait_till_done reads `task.errors` from it once the task is done, and crashes
// (requests.get(None)) on a FAILED task whose `result` is null.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { download } from "./helpers/client.js";
import { createDataset, startClassicImport, waitForTask } from "./helpers/flows.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ limits: { maxRowsPerTask: 3 } });
});
afterAll(() => emu.close());

const appendFile = (datasetId: string, descriptor: string): Promise<string> => startClassicImport(emu.url, emu.apiKey, datasetId, descriptor);

async function failedResult(taskId: string) {
  const task = await waitForTask(emu.url, emu.apiKey, taskId);
  expect(task.status).toBe("FAILED");
  expect(task.result).toEqual(expect.stringMatching(/^http/));
  return JSON.parse((await download(task.result!)).text) as { createdDataRows: unknown[]; errors: unknown[]; error: string };
}

it.each([
  ["a descriptor that is not JSON", "not json", "The descriptor file is not valid JSON"],
  ["a descriptor that is not an array", '{"row_data":"https://e.com/1.jpg"}', "The descriptor file must be a JSON array of data rows"],
  ["more rows than a task may hold", JSON.stringify([1, 2, 3, 4].map((i) => ({ row_data: `https://e.com/${i}.jpg` }))), "Cannot create more than 3 DataRows per task; the descriptor has 4"],
])("%s: FAILED, with a result file whose error says why", async (_name, descriptor, error) => {
  const ds = await createDataset(emu.url, emu.apiKey);
  expect(await failedResult(await appendFile(ds, descriptor))).toEqual({ createdDataRows: [], errors: [], error });
});

it("the task-fail fault gives a JSON Import task its result file too", async () => {
  const ds = await createDataset(emu.url, emu.apiKey);
  emu.faults.set({ rules: [{ kind: "task-fail", operation: "json-import", times: 1 }] });
  try {
    const result = await failedResult(await appendFile(ds, JSON.stringify([{ row_data: "https://e.com/1.jpg" }])));
    expect(result).toEqual({ createdDataRows: [], errors: [], error: "Injected fault: the task failed" });
  } finally {
    emu.faults.clear();
  }
});
