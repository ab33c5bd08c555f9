// Bulk creation: the classic descriptor import and its "JSON Import" task with a result file, the
// synchronous variant, and the modern chunked upsert with keyed updates and paged results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { data, download, gql, upload } from "./helpers/client.js";
import { classicImport, createDataset, createRow, importResults, startUpsert, task, upsertAndWait, waitForTask } from "./helpers/flows.js";

let emu: RunningEmulator;
let url: string;
let key: string;
beforeAll(async () => {
  emu = await startEmulator({ limits: { maxRowsPerTask: 10, maxRowsPerSyncImport: 3 } });
  ({ url, apiKey: key } = emu);
});
afterAll(() => emu.close());

const spec = (type: string, value: string, payload: Record<string, unknown>) => ({ id: { type, value }, payload });

describe("classic import (appendRowsToDataset)", () => {
  it("creates rows in any item order and lists them in the result file in input order", async () => {
    const ds = await createDataset(url, key);
    const local = await upload(url, key, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]), "local_image.jpg");
    const { task: t, result } = await classicImport(url, key, ds, [
      { row_data: "https://e.com/3.jpg", external_id: "ext-3", metadata_fields: [{ schemaId: "cko8s9r5v0001h2dk9elqdidh", value: "by-id" }] },
      { row_data: "https://e.com/2.jpg", global_key: "ci-2", external_id: "ext-2", attachments: [{ type: "RAW_TEXT", value: "hi", name: "n" }] },
      { row_data: local, external_id: "/data/local_image.jpg" },
      { row_data: "https://e.com/bad.jpg", metadata_fields: [{ schemaId: "cko8s9r5v0001h2dk9elqdidh", value: 5 }] },
    ]);
    expect(t).toMatchObject({ status: "COMPLETE", name: "JSON Import", type: null, completionPercentage: 100 });
    expect(result.createdDataRows.map((r) => r.externalId)).toEqual(["ext-3", "ext-2", "/data/local_image.jpg"]);
    expect(result.createdDataRows[1]).toMatchObject({ globalKey: "ci-2", rowData: "https://e.com/2.jpg" });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toContain("must be a string");
    const localRow = await data(url, key, `query($id: ID!){dataRow(where: {id: $id}){mediaAttributes}}`, { id: result.createdDataRows[2]!.id });
    expect(localRow.dataRow.mediaAttributes).toEqual({ mimeType: "image/jpeg" });
  });
  it("refuses descriptor URLs it did not issue, and more rows than a task may hold", async () => {
    const ds = await createDataset(url, key);
    const foreign = await data(url, key, `mutation($d: ID!){appendRowsToDataset(data:{datasetId: $d, jsonFileUrl: "https://example.com/x.json"}){taskId accepted errorMessage}}`, { d: ds });
    expect(foreign.appendRowsToDataset).toMatchObject({ taskId: null, accepted: false });
    const tooMany = Array.from({ length: 11 }, (_, i) => ({ row_data: `https://e.com/${i}.jpg` }));
    const descriptor = await upload(url, key, JSON.stringify(tooMany), "json_import.json");
    const started = await data(url, key, `mutation($d: ID!, $u: String!){appendRowsToDataset(data:{datasetId: $d, jsonFileUrl: $u}){taskId accepted}}`, { d: ds, u: descriptor });
    const t = await waitForTask(url, key, started.appendRowsToDataset.taskId);
    expect(t.status).toBe("FAILED");
  });
  it("appendRowsToDatasetSync creates all or nothing, up to its limit", async () => {
    const ds = await createDataset(url, key);
    const sync = (items: unknown[]) =>
      upload(url, key, JSON.stringify(items), "json_import.json").then((u) =>
        gql(url, key, `mutation($d: ID!, $u: String!){appendRowsToDatasetSync(data:{datasetId: $d, jsonFileUrl: $u}){dataset{id rowCount}}}`, { d: ds, u }),
      );
    const ok = await sync([{ row_data: "https://e.com/s1.jpg" }, { row_data: "https://e.com/s2.jpg", global_key: "sync-1" }]);
    expect(ok.body.data).toEqual({ appendRowsToDatasetSync: { dataset: { id: ds, rowCount: 2 } } });
    const dup = await sync([{ row_data: "https://e.com/s3.jpg", global_key: "sync-1" }]);
    expect(dup.body.errors?.[0]).toMatchObject({ extensions: { code: "MALFORMED_REQUEST" }, message: "Duplicate global keys found: sync-1" });
    const bad = await sync([{ row_data: "https://e.com/s4.jpg" }, { nope: 1 }]);
    expect(bad.body.errors?.[0]?.message).toBe("item 1: Unknown field 'nope' in item");
    const big = await sync([1, 2, 3, 4].map((i) => ({ row_data: `https://e.com/${i}.jpg` })));
    expect(big.body.errors?.[0]?.message).toContain("more than 3");
    expect((await data(url, key, `query($id: ID!){dataset(where: {id: $id}){rowCount}}`, { id: ds })).dataset.rowCount).toBe(2);
  });
});

describe("modern upsert (upsertDataRows)", () => {
  it("returns the task IN_PROGRESS at once, visible to its creator", async () => {
    const slow = await startEmulator({ taskDelayMs: 200 });
    try {
      const ds = await createDataset(slow.url, slow.apiKey);
      const id = await startUpsert(slow.url, slow.apiKey, [spec("AUTO", "", { row_data: "https://e.com/1.jpg", dataset_id: ds })]);
      expect(await task(slow.url, slow.apiKey, id)).toMatchObject({ status: "IN_PROGRESS", type: "adv-upsert-data-rows", name: "upsert" });
      expect((await waitForTask(slow.url, slow.apiKey, id)).status).toBe("COMPLETE");
    } finally {
      await slow.close();
    }
  });
  it("updates by global key or id, creating keyed rows that carry row_data, whatever the order in the file", async () => {
    const ds = await createDataset(url, key);
    const existing = await createRow(url, key, ds, { gk: "up-existing", ext: "before" });
    const r = await upsertAndWait(url, key, [
      spec("GKEY", "up-new", { external_id: "updated-in-same-task", dataset_id: ds }),
      spec("AUTO", "", { row_data: "https://e.com/new.jpg", global_key: "up-new", external_id: "created", dataset_id: ds }),
      spec("ID", existing, { external_id: "after", dataset_id: ds }),
      spec("GKEY", "up-created-by-key", { row_data: "https://e.com/k.jpg", dataset_id: ds }),
      spec("GKEY", "up-missing", { external_id: "x", dataset_id: ds }),
      spec("ID", "cdoesnotexist000000000000", { external_id: "x", dataset_id: ds }),
    ]);
    expect(r.task.status).toBe("COMPLETE");
    expect(r.successes).toEqual([
      { id: r.successes[1]!.id, externalId: "updated-in-same-task", globalKey: "up-new", rowData: "https://e.com/new.jpg" },
      { id: r.successes[1]!.id, externalId: "updated-in-same-task", globalKey: "up-new", rowData: "https://e.com/new.jpg" },
      { id: existing, externalId: "after", globalKey: "up-existing", rowData: "https://example.com/x.jpg" },
      { id: expect.stringMatching(/^c/), externalId: null, globalKey: "up-created-by-key", rowData: "https://e.com/k.jpg" },
    ]);
    expect(r.failures.map((f) => f.message)).toEqual([
      "No data row has the global key 'up-missing' and the spec has no row_data to create one",
      "Data row not found: cdoesnotexist000000000000",
    ]);
  });
  it("reports bad specs per row with a clear reason", async () => {
    const ds = await createDataset(url, key);
    const r = await upsertAndWait(url, key, [
      spec("AUTO", "", {}),
      spec("AUTO", "", { external_id: "no row data", dataset_id: ds }),
      spec("AUTO", "", { row_data: "https://e.com/x.jpg", dataset_id: ds, colour: "red" }),
      spec("AUTO", "", { row_data: "https://e.com/x.jpg", dataset_id: "cdoesnotexist000000000000" }),
      spec("AUTO", "", { row_data: "https://e.com/x.jpg", dataset_id: ds, attachments: [{ type: "BOGUS", value: "v" }] }),
      spec("AUTO", "", { row_data: "https://e.com/x.jpg", dataset_id: ds, global_key: "has  two spaces" }),
    ]);
    expect(r.failures.map((f) => f.message)).toEqual([
      "Spec has an empty payload",
      "row_data is required to create a data row",
      "Unknown field 'colour' in item",
      "dataset_id is missing or names no dataset of this organization",
      expect.stringContaining("attachments[0]: Attachment type must be one of"),
      expect.stringContaining("consecutive spaces"),
    ]);
  });
  it("pages results with `first` and `after`", async () => {
    const ds = await createDataset(url, key);
    const id = await startUpsert(url, key, Array.from({ length: 7 }, (_, i) => spec("AUTO", "", { row_data: `https://e.com/${i}.jpg`, external_id: `p${i}`, dataset_id: ds })));
    await waitForTask(url, key, id);
    const r = await importResults(url, key, id, 3);
    expect(r.successes.map((s) => s.externalId)).toEqual(["p0", "p1", "p2", "p3", "p4", "p5", "p6"]);
    const first = await data(url, key, `query($t: ID!){successesfulDataRowImports(data: {taskId: $t, first: 3}){after total nodes{id}}}`, { t: id });
    expect(first.successesfulDataRowImports).toMatchObject({ after: "2", total: 7 });
  });
  it("refuses manifests over the per-task limit, and URLs it did not issue", async () => {
    const ds = await createDataset(url, key);
    const chunk = await upload(url, key, "[]", "application/json");
    const manifest = await upload(url, key, JSON.stringify({ source: "SDK", item_count: 11, chunk_uris: [chunk] }), "manifest.json");
    const r = await gql(url, key, `mutation($m: String!){upsertDataRows(data: {manifestUri: $m}){id}}`, { m: manifest });
    expect(r.body.errors?.[0]).toMatchObject({ message: "A task can hold at most 10 data rows; the manifest has 11", extensions: { code: "MALFORMED_REQUEST" } });
    const foreign = await gql(url, key, `mutation{upsertDataRows(data: {manifestUri: "https://example.com/m.json"}){id}}`);
    expect(foreign.body.errors?.[0]?.extensions.code).toBe("MALFORMED_REQUEST");
    void ds;
  });
  it("a manifest that under-reports item_count still cannot pass the limit, and leaves nothing behind", async () => {
    const ds = await createDataset(url, key);
    const chunkOf = (from: number) => JSON.stringify(Array.from({ length: 6 }, (_, i) => spec("AUTO", "", { row_data: `https://e.com/u${from + i}.jpg`, dataset_id: ds })));
    const chunks = [await upload(url, key, chunkOf(0), "application/json"), await upload(url, key, chunkOf(6), "application/json")];
    const manifest = await upload(url, key, JSON.stringify({ source: "SDK", item_count: 1, chunk_uris: chunks }), "manifest.json");
    const started = await data(url, key, `mutation($m: String!){upsertDataRows(data: {manifestUri: $m}){id}}`, { m: manifest });
    const done = await waitForTask(url, key, started.upsertDataRows.id);
    expect(done.status).toBe("FAILED");
    expect((await importResults(url, key, done.id)).successes).toEqual([]);
    expect((await data(url, key, `query($id: ID!){dataset(where: {id: $id}){rowCount}}`, { id: ds })).dataset.rowCount).toBe(0);
  });
  it("stores conversational row data as a file and returns its URL", async () => {
    const ds = await createDataset(url, key);
    const conversation = { type: "application/vnd.labelbox.conversational", version: 1, messages: [{ messageId: "m1", content: "hello", user: { userId: "u", name: "U" }, align: "left", canLabel: true }] };
    const r = await upsertAndWait(url, key, [spec("AUTO", "", { row_data: conversation, dataset_id: ds })]);
    const got = await download(r.successes[0]!.rowData!);
    expect(JSON.parse(got.text)).toEqual(conversation);
  });
});
