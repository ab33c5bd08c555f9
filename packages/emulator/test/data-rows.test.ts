// Data rows through the single-object calls: every field clients select, create / get / update /
// delete, the bulk-delete limit, offset and cursor listing, external ids, and attachments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { data, gql } from "./helpers/client.js";
import { createDataset, createRow, upsertAndWait } from "./helpers/flows.js";

const DATA_ROW = "createdAt externalId globalKey mediaAttributes customMetadata { schemaId value } metadataFields { schemaId name value kind } rowData id updatedAt";
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let emu: RunningEmulator;
let url: string;
let key: string;
beforeAll(async () => {
  emu = await startEmulator({ limits: { maxRowsPerBulkDelete: 5 } });
  ({ url, apiKey: key } = emu);
});
afterAll(() => emu.close());

async function bulkRows(ds: string, n: number): Promise<string[]> {
  const specs = Array.from({ length: n }, (_, i) => ({ id: { type: "AUTO", value: "" }, payload: { row_data: `https://e.com/${i}.jpg`, external_id: `ext-${i % 3}`, dataset_id: ds } }));
  const r = await upsertAndWait(url, key, specs);
  expect(r.task.status).toBe("COMPLETE");
  return r.successes.map((s) => s.id);
}

describe("single rows", () => {
  it("createDataRow returns every field, with metadata in both views and cuid ids", async () => {
    const ds = await createDataset(url, key);
    const d = await data(
      url,
      key,
      `mutation($d: ID!, $md: [DataRowCustomMetadataUpsertInput!], $att: [DataRowAttachmentInput!]){createDataRow(data: {rowData: "https://e.com/a.png", externalId: "e1", globalKey: "row-gk", metadataFields: $md, attachments: $att, dataset: {connect: {id: $d}}}){${DATA_ROW} attachments{type value name}}}`,
      {
        d: ds,
        md: [
          { schemaId: "cko8s9r5v0001h2dk9elqdidh", value: "tag_string" },
          { schemaId: "cko8sbczn0002h2dkdaxb5kal", value: {} },
          { schemaId: "cko8sbscr0003h2dk04w86hof", value: {} },
        ],
        att: [{ type: "IMAGE", value: "https://e.com/o.png", name: "att1" }],
      },
    );
    const row = d.createDataRow;
    expect(row.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(row.createdAt).toMatch(TIMESTAMP);
    expect(row.updatedAt).toMatch(TIMESTAMP);
    expect(row).toMatchObject({ externalId: "e1", globalKey: "row-gk", rowData: "https://e.com/a.png", mediaAttributes: { mimeType: "image/png" } });
    expect(row.customMetadata).toHaveLength(3);
    expect(row.metadataFields).toEqual([
      { schemaId: "cko8s9r5v0001h2dk9elqdidh", name: "tag", value: "tag_string", kind: "CustomMetadataString" },
      { schemaId: "cko8sbczn0002h2dkdaxb5kal", name: "split", value: "train", kind: "CustomMetadataEnum" },
    ]);
    expect(row.attachments).toEqual([{ type: "IMAGE", value: "https://e.com/o.png", name: "att1" }]);
    const plain = await data(url, key, `mutation($d: ID!){createDataRow(data: {rowData: "plain text", dataset: {connect: {id: $d}}}){${DATA_ROW}}}`, { d: ds });
    expect(plain.createDataRow).toMatchObject({ globalKey: null, externalId: null, customMetadata: [], metadataFields: [], mediaAttributes: { mimeType: "text/plain" } });
  });
  it("rejects bad row data with the cloud's errors", async () => {
    const ds = await createDataset(url, key);
    const s3 = await gql(url, key, `mutation($d: ID!){createDataRow(data: {rowData: "s3://b/k.jpg", dataset: {connect: {id: $d}}}){id}}`, { d: ds });
    expect(s3.body.errors?.[0]).toMatchObject({ message: "row_data: s3 assets must start with 'https'.", extensions: { code: "MALFORMED_REQUEST" } });
    const media = await gql(url, key, `mutation($d: ID!){createDataRow(data: {rowData: "{\\"a\\": 1}", mediaType: IMAGE, dataset: {connect: {id: $d}}}){id}}`, { d: ds });
    expect(media.body.errors?.[0]).toMatchObject({ message: "Found invalid contents for media type: 'IMAGE'", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    const missing = await gql(url, key, `mutation{createDataRow(data: {rowData: "x", dataset: {connect: {id: "cdoesnotexist000000000000"}}}){id}}`);
    expect(missing.body.errors?.[0]?.extensions.code).toBe("RESOURCE_NOT_FOUND");
  });
  it("get, update (including a {pdfUrl} object) and delete", async () => {
    const ds = await createDataset(url, key);
    const id = await createRow(url, key, ds, { gk: "upd-1", ext: "old" });
    const updated = await data(url, key, `mutation($id: ID!, $rowData: String!, $globalKey: String!, $externalId: String!){updateDataRow(where: {id: $id} data: {rowData: $rowData globalKey: $globalKey externalId: $externalId}){${DATA_ROW}}}`, {
      id,
      rowData: "https://e.com/new.jpg",
      globalKey: "upd-2",
      externalId: "new",
    });
    expect(updated.updateDataRow).toMatchObject({ id, rowData: "https://e.com/new.jpg", globalKey: "upd-2", externalId: "new" });
    const pdf = await data(url, key, `mutation($id: ID!, $rowData: String!){updateDataRow(where: {id: $id} data: {rowData: $rowData}){rowData mediaAttributes}}`, {
      id,
      rowData: JSON.stringify({ pdfUrl: "https://e.com/doc.pdf", tileLayerUrl: "https://e.com/tiles" }),
    });
    expect(pdf.updateDataRow).toEqual({ rowData: "https://e.com/doc.pdf", mediaAttributes: { mimeType: "application/pdf", tileLayerUrl: "https://e.com/tiles" } });
    const deleted = await data(url, key, `mutation{deleteDataRows(where: {dataRowIds: ["${id}"]}){id}}`);
    expect(deleted.deleteDataRows).toEqual([{ id }]);
    const gone = await gql(url, key, `query($id: ID!){dataRow(where: {id: $id}){id}}`, { id });
    expect(gone.status).toBe(200);
    expect(gone.body.errors?.[0]).toMatchObject({ extensions: { code: "RESOURCE_NOT_FOUND" }, path: ["dataRow"] });
  });
  it("bulk delete refuses more ids than the limit and deletes up to it", async () => {
    const ds = await createDataset(url, key);
    const ids = await bulkRows(ds, 6);
    const tooMany = await gql(url, key, `mutation($ids: [ID!]!){deleteDataRows(where: {dataRowIds: $ids}){id}}`, { ids });
    expect(tooMany.body.errors?.[0]).toMatchObject({ message: "Cannot delete more than 5 data rows at once; got 6", extensions: { code: "MALFORMED_REQUEST" } });
    const ok = await data(url, key, `mutation($ids: [ID!]!){deleteDataRows(where: {dataRowIds: $ids}){id}}`, { ids: ids.slice(0, 5) });
    expect(ok.deleteDataRows).toHaveLength(5);
    expect((await data(url, key, `query($id: ID!){dataset(where: {id: $id}){rowCount}}`, { id: ds })).dataset.rowCount).toBe(1);
  });
});

describe("listing", () => {
  it("offset pages of exactly `first` rows in creation order, with where and orderBy", async () => {
    const ds = await createDataset(url, key);
    const ids = await bulkRows(ds, 250);
    const page = async (skip: number, extra = "") =>
      (await data(url, key, `query($id: ID!){dataset(where: {id: $id}){dataRows(${extra} skip: ${skip} first: 100){id externalId}}}`, { id: ds })).dataset.dataRows as Array<{ id: string; externalId: string }>;
    const pages = [await page(0), await page(100), await page(200)];
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pages.flat().map((r) => r.id)).toEqual(ids);
    const filtered = await page(0, `where: {externalId: "ext-1"}`);
    expect(filtered).toHaveLength(83);
    const ordered = await page(0, `orderBy: externalId_DESC`);
    expect(ordered[0]!.externalId).toBe("ext-2");
  });
  it("cursor pages newest first; the next cursor is pageInfo.startCursor, null at the end", async () => {
    const ds = await createDataset(url, key);
    const ids = await bulkRows(ds, 12);
    const seen: string[] = [];
    let from: string | null = null;
    let pages = 0;
    do {
      const d: any = await data(url, key, `query($id: ID!, $from: ID, $first: Int){datasetDataRows(id: $id, from: $from, first: $first){nodes{id} pageInfo{hasNextPage startCursor}}}`, { id: ds, from, first: 5 });
      seen.push(...d.datasetDataRows.nodes.map((n: { id: string }) => n.id));
      from = d.datasetDataRows.pageInfo.startCursor;
      expect(d.datasetDataRows.pageInfo.hasNextPage).toBe(from !== null);
      pages += 1;
    } while (from);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    const where = await data(url, key, `query($id: ID!){datasetDataRows(id: $id, first: 500, where: {externalId: "ext-0"}){nodes{externalId}}}`, { id: ds });
    expect(where.datasetDataRows.nodes).toHaveLength(4);
    const bad = await gql(url, key, `query($id: ID!){datasetDataRows(id: $id, from: "nonsense"){nodes{id}}}`, { id: ds });
    expect(bad.body.errors?.[0]?.extensions.code).toBe("MALFORMED_REQUEST");
  });
  it("externalIdsToDataRowIds maps external ids to every matching row", async () => {
    const ds = await createDataset(url, key);
    const a = await createRow(url, key, ds, { ext: "shared-ext" });
    const b = await createRow(url, key, ds, { ext: "shared-ext" });
    const d = await data(url, key, `query{externalIdsToDataRowIds(externalId_in: ["shared-ext", "absent"]){dataRowId externalId}}`);
    expect(d.externalIdsToDataRowIds).toEqual([
      { dataRowId: a, externalId: "shared-ext" },
      { dataRowId: b, externalId: "shared-ext" },
    ]);
  });
});

describe("attachments", () => {
  it("create, list, update, delete, with type and value checks", async () => {
    const ds = await createDataset(url, key);
    const row = await createRow(url, key, ds);
    const created = await data(url, key, `mutation($r: ID!){createDataRowAttachment(data: {type: RAW_TEXT, value: "note", name: "n1", dataRowId: $r}){id name type value}}`, { r: row });
    const att = created.createDataRowAttachment;
    expect(att).toMatchObject({ name: "n1", type: "RAW_TEXT", value: "note" });
    expect(att.id).toMatch(/^c[0-9a-z]{24}$/);
    const badType = await gql(url, key, `mutation($r: ID!){createDataRowAttachment(data: {type: NOT_A_TYPE, value: "x", dataRowId: $r}){id}}`, { r: row });
    expect(badType.status).toBe(400);
    expect(badType.body.errors?.[0]?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const empty = await gql(url, key, `mutation($r: ID!){createDataRowAttachment(data: {type: IMAGE, value: "", dataRowId: $r}){id}}`, { r: row });
    expect(empty.body.errors?.[0]).toMatchObject({ message: "Attachment value must be a non-empty string", extensions: { code: "MALFORMED_REQUEST" } });
    const updated = await data(url, key, `mutation($id: ID!){updateDataRowAttachment(where: {id: $id}, data: {name: "n2", value: "v2"}){id name type value}}`, { id: att.id });
    expect(updated.updateDataRowAttachment).toEqual({ id: att.id, name: "n2", type: "RAW_TEXT", value: "v2" });
    const listed = await data(url, key, `query($r: ID!){dataRow(where: {id: $r}){attachments(skip: 0 first: 100){name type value id}}}`, { r: row });
    expect(listed.dataRow.attachments).toEqual([updated.updateDataRowAttachment]);
    await data(url, key, `mutation($id: ID!){deleteDataRowAttachment(where: {id: $id}){id}}`, { id: att.id });
    const after = await data(url, key, `query($r: ID!){dataRow(where: {id: $r}){attachments{id}}}`, { r: row });
    expect(after.dataRow.attachments).toEqual([]);
    const gone = await gql(url, key, `mutation($id: ID!){deleteDataRowAttachment(where: {id: $id}){id}}`, { id: att.id });
    expect(gone.body.errors?.[0]?.extensions.code).toBe("RESOURCE_NOT_FOUND");
  });
});
