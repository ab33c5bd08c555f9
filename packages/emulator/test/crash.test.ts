// Crash safety: kill -9 the emulator while import and export tasks are running, restart it on the
// same data directory, and check that every task finishes and the state is consistent (each item
// has exactly one outcome, no row is duplicated or lost, row counts agree).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { data, upload, waitFor } from "./helpers/client.js";
import { createDataset, importResults, startUpsert, task, waitForTask, LOOKUP, runJob } from "./helpers/flows.js";
import { startBin } from "./helpers/process.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-emulator-crash-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROWS = 4_000;

describe("crash and restart", () => {
  it("resumes or finishes every task after kill -9, with consistent state", async () => {
    // Slow tasks on purpose (small batches with pauses) so the kill lands in the middle of one.
    const first = await startBin(["--data", dir, "--task-batch-size", "100", "--task-batch-delay", "25"]);
    const { url, apiKey: key } = first;
    const ds = await createDataset(url, key);
    const specs = Array.from({ length: ROWS }, (_, i) => ({
      id: { type: "AUTO", value: "" },
      payload: { row_data: `https://e.com/${i}.jpg`, global_key: `crash-${i}`, external_id: `ext-${i}`, dataset_id: ds, attachments: [{ type: "IMAGE", value: "https://e.com/o.png" }] },
    }));
    // A keyed update of a row created by the same task, so both passes of the upsert are exercised.
    specs.push({ id: { type: "GKEY", value: "crash-0" }, payload: { external_id: "ext-0-updated", dataset_id: ds } } as never);
    const upsertTask = await startUpsert(url, key, specs);
    const classicDs = await createDataset(url, key, "classic");
    const descriptor = await upload(url, key, JSON.stringify(Array.from({ length: 1500 }, (_, i) => ({ row_data: `https://e.com/c${i}.jpg`, global_key: `classic-${i}` }))), "json_import.json");
    const classicTask = (await data(url, key, `mutation($d: ID!, $u: String!){appendRowsToDataset(data:{datasetId: $d, jsonFileUrl: $u}){taskId}}`, { d: classicDs, u: descriptor })).appendRowsToDataset.taskId;

    await waitFor(async () => {
      const t = await task(url, key, upsertTask);
      return t && t.completionPercentage > 5 ? t : undefined;
    });
    expect((await task(url, key, upsertTask))?.status).toBe("IN_PROGRESS");
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");

    const second = await startBin(["--data", dir]);
    try {
      const u2 = second.url;
      const done = await waitForTask(u2, key, upsertTask, 60_000);
      expect(done.status).toBe("COMPLETE");
      const results = await importResults(u2, key, upsertTask);
      expect(results.failures).toEqual([]);
      expect(results.successes).toHaveLength(ROWS + 1);
      expect(results.successes[0]!.externalId).toBe("ext-0-updated");
      expect(new Set(results.successes.map((s) => s.id)).size).toBe(ROWS);

      const listed: string[] = [];
      for (let from: string | null = null; ; ) {
        const page: any = await data(u2, key, `query($id: ID!, $from: ID){datasetDataRows(id: $id, from: $from, first: 1000){nodes{id globalKey} pageInfo{startCursor}}}`, { id: ds, from });
        listed.push(...page.datasetDataRows.nodes.map((n: { id: string }) => n.id));
        from = page.datasetDataRows.pageInfo.startCursor;
        if (!from) break;
      }
      expect(listed).toHaveLength(ROWS);
      expect(new Set(listed).size).toBe(ROWS);
      expect((await data(u2, key, `query($id: ID!){dataset(where: {id: $id}){rowCount}}`, { id: ds })).dataset.rowCount).toBe(ROWS);
      const lookup = await runJob<any>(u2, key, LOOKUP.start, { k: ["crash-0", `crash-${ROWS - 1}`] }, LOOKUP.field, LOOKUP.result);
      expect(lookup.data.notFoundGlobalKeys).toEqual([]);
      const attachments = await data(u2, key, `query($id: ID!){dataRow(where: {id: $id}){attachments{type}}}`, { id: listed[0] });
      expect(attachments.dataRow.attachments).toEqual([{ type: "IMAGE" }]);

      const classic = await waitForTask(u2, key, classicTask, 60_000);
      expect(classic.status).toBe("COMPLETE");
      const file = (await (await fetch(classic.result!)).json()) as { createdDataRows: unknown[]; errors: unknown[] };
      expect(file.createdDataRows).toHaveLength(1500);
      expect(file.errors).toEqual([]);
      expect((await data(u2, key, `query($id: ID!){dataset(where: {id: $id}){rowCount}}`, { id: classicDs })).dataset.rowCount).toBe(1500);

    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 120_000);

  it("an export interrupted by kill -9 starts over and completes", async () => {
    const first = await startBin(["--data", dir, "--task-delay", "2000"]);
    const { url, apiKey: key } = first;
    const ds = (await data(url, key, `query{datasets(where: {name: "classic"}){id}}`)).datasets[0].id;
    const started = await data(url, key, `mutation($input: ExportDataRowsInCatalogInput!){exportDataRowsInCatalog(input: $input){taskId}}`, {
      input: { taskName: "crash export", filters: { searchQuery: { scope: null, query: [{ ids: [ds], operator: "is", type: "dataset" }] } }, params: {}, isStreamableReady: true },
    });
    first.child.kill("SIGKILL");
    await first.exited;
    const second = await startBin(["--data", dir]);
    try {
      const t = await waitForTask(second.url, key, started.exportDataRowsInCatalog.taskId, 60_000);
      expect(t.status).toBe("COMPLETE");
      const header = await data(second.url, key, `query($w: WhereUniqueIdInput){task(where: $w){exportMetadataHeader(streamType: RESULT){totalLines}}}`, { w: { id: started.exportDataRowsInCatalog.taskId } });
      expect(header.task.exportMetadataHeader.totalLines).toBe(1500);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 60_000);
});
