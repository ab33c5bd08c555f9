// Organizations are isolated: another organization's datasets, rows, files, tasks, metadata
// schemas and jobs behave as if they did not exist. Within an organization, only a task's creator
// sees it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { data, gql, upload } from "./helpers/client.js";
import { ASSIGN, LOOKUP, createDataset, createRow, runJob, startUpsert, task, userId, waitForTask } from "./helpers/flows.js";

const A = "key-org-a";
const A2 = "key-org-a-second-user";
const B = "key-org-b";
let emu: RunningEmulator;
let url: string;
beforeAll(async () => {
  emu = await startEmulator({
    apiKey: A,
    users: [
      { apiKey: A2, organization: "Emulator Organization" },
      { apiKey: B, organization: "Other Org" },
    ],
  });
  url = emu.url;
});
afterAll(() => emu.close());

describe("organization isolation", () => {
  it("datasets and rows of another organization are not found", async () => {
    const ds = await createDataset(url, A, "a-only");
    const row = await createRow(url, A, ds, { gk: "iso-key", ext: "iso-ext" });
    const notFound = async (query: string, variables: Record<string, unknown>) => {
      const r = await gql(url, B, query, variables);
      expect(r.body.errors?.[0]?.extensions.code).toBe("RESOURCE_NOT_FOUND");
    };
    await notFound("query($id: ID!){dataset(where: {id: $id}){id}}", { id: ds });
    await notFound("query($id: ID!){dataRow(where: {id: $id}){id}}", { id: row });
    await notFound("query($id: ID!){datasetDataRows(id: $id){nodes{id}}}", { id: ds });
    await notFound(`mutation($id: ID!){updateDataRow(where: {id: $id} data: {externalId: "x"}){id}}`, { id: row });
    await notFound(`mutation($r: ID!){createDataRowAttachment(data: {type: RAW_TEXT, value: "x", dataRowId: $r}){id}}`, { r: row });
    await notFound(`mutation($d: ID!){createDataRow(data: {rowData: "x", dataset: {connect: {id: $d}}}){id}}`, { d: ds });
    expect((await data(url, B, `query{datasets(where: {name: "a-only"}){id}}`)).datasets).toEqual([]);
    expect((await data(url, B, `mutation($ids: [ID!]!){deleteDataRows(where: {dataRowIds: $ids}){id}}`, { ids: [row] })).deleteDataRows).toEqual([]);
    expect((await data(url, B, `query{externalIdsToDataRowIds(externalId_in: ["iso-ext"]){dataRowId}}`)).externalIdsToDataRowIds).toEqual([]);
    const lookup = await runJob<any>(url, B, LOOKUP.start, { k: ["iso-key"] }, LOOKUP.field, LOOKUP.result);
    expect(lookup.data.fetchedDataRows).toEqual([{ id: "" }]);
    const assign = await runJob<any>(url, B, ASSIGN.start, { a: [{ dataRowId: row, globalKey: "stolen" }] }, ASSIGN.field, ASSIGN.result);
    expect(assign.data.invalidGlobalKeyAssignments).toHaveLength(1);
    expect((await data(url, A, "query($id: ID!){dataRow(where: {id: $id}){globalKey}}", { id: row })).dataRow.globalKey).toBe("iso-key");
  });
  it("files uploaded by another organization cannot feed its imports", async () => {
    const dsB = await createDataset(url, B);
    const chunk = await upload(url, A, JSON.stringify([{ id: { type: "AUTO", value: "" }, payload: { row_data: "https://e.com/x.jpg", dataset_id: dsB } }]), "application/json");
    const manifestByA = await upload(url, A, JSON.stringify({ source: "SDK", item_count: 1, chunk_uris: [chunk] }), "manifest.json");
    expect((await gql(url, B, `mutation($m: String!){upsertDataRows(data: {manifestUri: $m}){id}}`, { m: manifestByA })).body.errors?.[0]?.extensions.code).toBe("MALFORMED_REQUEST");
    const manifestByB = await upload(url, B, JSON.stringify({ source: "SDK", item_count: 1, chunk_uris: [chunk] }), "manifest.json");
    const r = await gql(url, B, `mutation($m: String!){upsertDataRows(data: {manifestUri: $m}){id}}`, { m: manifestByB });
    expect(r.body.errors?.[0]?.message).toBe("chunk_uris[0] is not a URL returned by uploadFile");
    const descriptor = await upload(url, A, "[]", "json_import.json");
    const append = await data(url, B, `mutation($d: ID!, $u: String!){appendRowsToDataset(data:{datasetId: $d, jsonFileUrl: $u}){accepted}}`, { d: dsB, u: descriptor });
    expect(append.appendRowsToDataset.accepted).toBe(false);
  });
  it("metadata schemas belong to one organization", async () => {
    const created = await data(url, A, `mutation{upsertCustomMetadataSchema(data: {name: "a_schema", kind: CustomMetadataString}){id}}`);
    const names = (await data(url, B, "query{customMetadataOntology{name}}", null)).customMetadataOntology.map((s: { name: string }) => s.name);
    expect(names).not.toContain("a_schema");
    const del = await gql(url, B, `mutation($w: WhereUniqueIdInput!){deleteCustomMetadataSchema(schema: $w){success}}`, { w: { id: created.upsertCustomMetadataSchema.id } });
    expect(del.body.errors?.[0]?.extensions.code).toBe("RESOURCE_NOT_FOUND");
  });
  it("tasks are visible to their creator only, even within the organization", async () => {
    const ds = await createDataset(url, A);
    const id = await startUpsert(url, A, [{ id: { type: "AUTO", value: "" }, payload: { row_data: "https://e.com/t.jpg", dataset_id: ds } }]);
    await waitForTask(url, A, id);
    expect(await task(url, A2, id)).toBeUndefined();
    expect(await task(url, B, id)).toBeUndefined();
    expect((await data(url, A2, "query($w: WhereUniqueIdInput){task(where: $w){id}}", { w: { id } })).task).toBeNull();
    const results = await gql(url, A2, `query($t: ID!){successesfulDataRowImports(data: {taskId: $t}){total}}`, { t: id });
    expect(results.body.errors?.[0]?.extensions.code).toBe("RESOURCE_NOT_FOUND");
    const otherUser = await gql(url, A, `query($u: ID!){user(where: {id: $u}){id}}`, { u: await userId(url, A2) });
    expect(otherUser.body.errors?.[0]?.extensions.code).toBe("RESOURCE_NOT_FOUND");
  });
});
