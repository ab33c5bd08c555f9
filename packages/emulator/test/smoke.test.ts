import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { data, download, gql, upload } from "./helpers/client.js";
import { createDataset, upsertAndWait } from "./helpers/flows.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ log: (l) => process.env.LBX_DEBUG && console.log(l) });
});
afterAll(() => emu.close());

describe("smoke", () => {
  it("creates a dataset and a row, and reads it back", async () => {
    const ds = await createDataset(emu.url, emu.apiKey);
    const d = await data(emu.url, emu.apiKey, `mutation($ds: ID!){createDataRow(data: {rowData: "https://example.com/a.jpg", globalKey: "gk-1", dataset: {connect: {id: $ds}}}) {id globalKey rowData createdAt customMetadata{schemaId value} metadataFields{schemaId name value kind} mediaAttributes}}`, { ds });
    expect(d.createDataRow.globalKey).toBe("gk-1");
    const got = await data(emu.url, emu.apiKey, `query($id: ID!){dataRow(where: {id: $id}){id rowData}}`, { id: d.createDataRow.id });
    expect(got.dataRow.rowData).toBe("https://example.com/a.jpg");
  });
  it("uploads and downloads byte for byte", async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0, 1, 2, 250]);
    const url = await upload(emu.url, emu.apiKey, bytes, "x.jpg");
    const got = await download(url);
    expect(got.status).toBe(200);
    expect([...got.bytes]).toEqual([...bytes]);
  });
  it("upserts", async () => {
    const ds = await createDataset(emu.url, emu.apiKey);
    const r = await upsertAndWait(emu.url, emu.apiKey, [
      { id: { type: "AUTO", value: "" }, payload: { row_data: "https://e.com/1.jpg", global_key: "u-1", dataset_id: ds } },
      { id: { type: "AUTO", value: "" }, payload: { row_data: "https://e.com/2.jpg", global_key: "u-1", dataset_id: ds } },
    ]);
    expect(r.task.status).toBe("COMPLETE");
    expect(r.successes).toHaveLength(1);
    expect(r.failures[0]!.message).toBe("Duplicate global key: 'u-1'");
    const bad = await gql(emu.url, "nope", "query{user{id}}");
    expect(bad.status).toBe(401);
  });
});
