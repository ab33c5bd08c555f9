// Exports: v1 (`exportDatasetDataRows`, re-sent until COMPLETE, a cached NDJSON file) and v2 /
// streamable (`exportDataRowsInCatalog`, metadata header, byte ranges that add up exactly).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { data, download, gql, waitFor } from "./helpers/client.js";
import { createDataset, upsertAndWait, waitForTask } from "./helpers/flows.js";

const V1 = `mutation($d: ID!, $md: Boolean!){exportDatasetDataRows(data:{datasetId: $d, includeMetadataInput: $md}){downloadUrl createdAt status}}`;
const V2 = `mutation($input: ExportDataRowsInCatalogInput!){exportDataRowsInCatalog(input: $input){taskId isStreamable}}`;
const HEADER = `query($w: WhereUniqueIdInput, $s: TaskStreamType!){task(where: $w){exportMetadataHeader(streamType: $s){totalSize totalLines}}}`;
const CHUNK = `query($w: WhereUniqueIdInput, $s: TaskStreamType!, $o: UInt64!){task(where: $w){exportFileFromOffset(streamType: $s, offset: $o){offsets{start end} lines{start end} file}}}`;

let emu: RunningEmulator;
let url: string;
let key: string;
let ds: string;
let rows: Array<{ id: string; externalId: string | null; globalKey: string | null }>;
beforeAll(async () => {
  emu = await startEmulator({ exportChunkBytes: 300, limits: { maxIdsPerExportFilter: 3 } });
  ({ url, apiKey: key } = emu);
  ds = await createDataset(url, key);
  const r = await upsertAndWait(
    url,
    key,
    Array.from({ length: 30 }, (_, i) => ({
      id: { type: "AUTO", value: "" },
      payload: {
        row_data: `https://e.com/${i}.jpg`,
        global_key: `ex-${i}`,
        external_id: `ext-${i}`,
        dataset_id: ds,
        metadata_fields: [{ schemaId: "cko8s9r5v0001h2dk9elqdidh", value: `t${i}` }, { schemaId: "cko8sbczn0002h2dkdaxb5kal", value: {} }, { schemaId: "cko8scbz70005h2dkastwhgqt", value: {} }],
        attachments: [{ type: "IMAGE", value: `https://e.com/o${i}.png`, name: "o" }],
      },
    })),
  );
  rows = r.successes;
});
afterAll(() => emu.close());

function input(query: unknown[], params: Record<string, boolean> = {}, streamable = true) {
  return { input: { taskName: "t", filters: { searchQuery: { scope: null, query } }, isStreamableReady: streamable, streamable, params } };
}

async function streamAll(taskId: string): Promise<{ lines: string[]; chunks: number }> {
  const header = (await data(url, key, HEADER, { w: { id: taskId }, s: "RESULT" })).task.exportMetadataHeader;
  let offset = 0;
  let text = "";
  let chunks = 0;
  let nextLine = 0;
  while (offset < header.totalSize) {
    const info = (await data(url, key, CHUNK, { w: { id: taskId }, s: "RESULT", o: String(offset) })).task.exportFileFromOffset;
    const got = await download(info.file);
    expect(got.status).toBe(200);
    expect(got.bytes.length).toBe(info.offsets.end - info.offsets.start + 1);
    expect(info.offsets.start).toBe(offset);
    expect(info.lines.start).toBe(nextLine);
    const body = got.text;
    expect(body.endsWith("\n")).toBe(true);
    expect(info.lines.end - info.lines.start + 1).toBe(body.split("\n").length - 1);
    text += body;
    nextLine = info.lines.end + 1;
    offset = info.offsets.end + 1;
    chunks += 1;
  }
  expect(Buffer.byteLength(text)).toBe(header.totalSize);
  const lines = text.split("\n").filter(Boolean);
  expect(lines).toHaveLength(header.totalLines);
  return { lines, chunks };
}

describe("streamable export", () => {
  it("hands out line-aligned byte ranges that add up to the whole file", async () => {
    const started = (await data(url, key, V2, input([{ ids: [ds], operator: "is", type: "dataset" }], { includeMetadata: true, includeAttachments: true, includeDataRowDetails: true }))).exportDataRowsInCatalog;
    expect(started.isStreamable).toBe(true);
    const t = await waitForTask(url, key, started.taskId);
    expect(t).toMatchObject({ status: "COMPLETE", type: "export-data-rows", result: null });
    const { lines, chunks } = await streamAll(started.taskId);
    expect(chunks).toBeGreaterThan(5);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.map((p) => p.data_row.id)).toEqual(rows.map((r) => r.id));
    expect(parsed[3]).toMatchObject({
      data_row: { id: rows[3]!.id, global_key: "ex-3", external_id: "ext-3", row_data: "https://e.com/3.jpg", details: { dataset_id: ds } },
      media_attributes: { mime_type: "image/jpeg" },
      attachments: [{ type: "IMAGE", value: "https://e.com/o3.png", name: "o" }],
      metadata_fields: [
        { schema_id: "cko8s9r5v0001h2dk9elqdidh", schema_name: "tag", value: "t3" },
        { schema_id: "cko8sbczn0002h2dkdaxb5kal", schema_name: "split", value: { schema_id: "cko8scbz70005h2dkastwhgqt", schema_name: "test" } },
      ],
      embeddings: [],
      projects: {},
    });
    const errors = await data(url, key, HEADER, { w: { id: started.taskId }, s: "ERRORS" });
    expect(errors.task.exportMetadataHeader).toBeNull();
    const past = await gql(url, key, CHUNK, { w: { id: started.taskId }, s: "RESULT", o: "999999" });
    expect(past.body.errors?.[0]?.extensions.code).toBe("MALFORMED_REQUEST");
  });
  it("serves a mid-chunk offset with the right first line number", async () => {
    const started = (await data(url, key, V2, input([{ ids: [ds], operator: "is", type: "dataset" }]))).exportDataRowsInCatalog;
    await waitForTask(url, key, started.taskId);
    const first = (await data(url, key, CHUNK, { w: { id: started.taskId }, s: "RESULT", o: "0" })).task.exportFileFromOffset;
    const body = (await download(first.file)).text;
    const secondLine = body.indexOf("\n") + 1;
    const mid = (await data(url, key, CHUNK, { w: { id: started.taskId }, s: "RESULT", o: String(secondLine) })).task.exportFileFromOffset;
    expect(mid.offsets).toEqual({ start: secondLine, end: first.offsets.end });
    expect(mid.lines.start).toBe(1);
    expect((await download(mid.file)).text).toBe(body.slice(secondLine));
  });
  it("filters by data row ids or global keys (at most the configured number), by activity, and labels", async () => {
    const run = async (query: unknown[]) => {
      const started = (await data(url, key, V2, input(query))).exportDataRowsInCatalog;
      await waitForTask(url, key, started.taskId);
      return (await streamAll(started.taskId)).lines.map((l) => JSON.parse(l).data_row.external_id);
    };
    const datasetClause = { ids: [ds], operator: "is", type: "dataset" };
    expect(await run([{ ids: [rows[2]!.id, rows[5]!.id], operator: "is", type: "data_row_id" }, datasetClause])).toEqual(["ext-2", "ext-5"]);
    expect(await run([{ ids: ["EX-7"], operator: "is", type: "global_key" }])).toEqual(["ext-7"]);
    expect(await run([{ type: "data_row_last_activity_at", value: { operator: "BETWEEN", timezone: "UTC", value: { min: "2000-01-01 00:00:00", max: "2000-12-31 00:00:00" } } }, datasetClause])).toEqual([]);
    expect(await run([{ type: "labeled_at", value: { operator: "GREATER_THAN_OR_EQUAL", timezone: "UTC", value: "2000-01-01 00:00:00" } }, datasetClause])).toEqual([]);
    const tooMany = await gql(url, key, V2, input([{ ids: rows.slice(0, 4).map((r) => r.id), operator: "is", type: "data_row_id" }]));
    expect(tooMany.body.errors?.[0]).toMatchObject({ extensions: { code: "MALFORMED_REQUEST" }, message: expect.stringContaining("at most 3 data row ids") });
    const unknown = await gql(url, key, V2, input([{ ids: ["p"], operator: "is", type: "project" }]));
    expect(unknown.body.errors?.[0]?.message).toContain("not supported");
  });
  it("non-streamable exports put the whole NDJSON file at Task.result", async () => {
    const started = (await data(url, key, V2, input([{ ids: [ds], operator: "is", type: "dataset" }], {}, false))).exportDataRowsInCatalog;
    expect(started.isStreamable).toBe(false);
    const t = await waitForTask(url, key, started.taskId);
    const lines = (await download(t.result!)).text.split("\n").filter(Boolean);
    expect(lines).toHaveLength(30);
  });
  it("shows metadata as it is now: after a row's metadata update and a schema rename, not as imported", async () => {
    const schema = (await data(url, key, `mutation($data: UpsertCustomMetadataSchemaInput!){upsertCustomMetadataSchema(data: $data){id name}}`, { data: { name: "lens", kind: "CustomMetadataString" } })).upsertCustomMetadataSchema;
    const set = await createDataset(url, key);
    const imported = await upsertAndWait(url, key, [0, 1].map((i) => ({ id: { type: "AUTO", value: "" }, payload: { row_data: `https://e.com/m${i}.jpg`, global_key: `meta-${i}`, dataset_id: set, metadata_fields: [{ schemaId: schema.id, value: `wide ${i}` }] } })));
    const metadataOf = async () => {
      const started = (await data(url, key, V2, input([{ ids: [set], operator: "is", type: "dataset" }], { includeMetadata: true }))).exportDataRowsInCatalog;
      await waitForTask(url, key, started.taskId);
      return (await streamAll(started.taskId)).lines.map((l) => JSON.parse(l).metadata_fields);
    };
    expect(await metadataOf()).toEqual([0, 1].map((i) => [{ schema_id: schema.id, schema_name: "lens", schema_kind: "CustomMetadataString", value: `wide ${i}` }]));
    await data(url, key, `mutation($m: [DataRowCustomMetadataBatchUpsertInput!]!){upsertDataRowCustomMetadata(data: $m){error}}`, { m: [{ dataRowId: imported.successes[1]!.id, fields: [{ schemaId: schema.id, value: "tele" }] }] });
    expect(await metadataOf()).toEqual([
      [{ schema_id: schema.id, schema_name: "lens", schema_kind: "CustomMetadataString", value: "wide 0" }],
      [{ schema_id: schema.id, schema_name: "lens", schema_kind: "CustomMetadataString", value: "tele" }],
    ]);
    await data(url, key, `mutation($data: UpsertCustomMetadataSchemaInput!){upsertCustomMetadataSchema(data: $data){id}}`, { data: { id: schema.id, name: "lens_type", kind: "CustomMetadataString" } });
    expect(await metadataOf()).toEqual([
      [{ schema_id: schema.id, schema_name: "lens_type", schema_kind: "CustomMetadataString", value: "wide 0" }],
      [{ schema_id: schema.id, schema_name: "lens_type", schema_kind: "CustomMetadataString", value: "tele" }],
    ]);
  });
});

describe("v1 export", () => {
  it("is polled by re-sending the mutation and serves every DataRow key; a finished file is reused", async () => {
    const slow = await startEmulator({ taskDelayMs: 150 });
    try {
      const d = await createDataset(slow.url, slow.apiKey);
      await upsertAndWait(slow.url, slow.apiKey, [{ id: { type: "AUTO", value: "" }, payload: { row_data: "https://e.com/a.jpg", dataset_id: d, metadata_fields: [{ schemaId: "cko8s9r5v0001h2dk9elqdidh", value: "v" }] } }]);
      const first = await data(slow.url, slow.apiKey, V1, { d, md: true });
      expect(first.exportDatasetDataRows).toEqual({ downloadUrl: null, createdAt: null, status: "IN_PROGRESS" });
      const done = await waitFor(async () => {
        const r = await data(slow.url, slow.apiKey, V1, { d, md: true });
        return r.exportDatasetDataRows.status === "COMPLETE" ? r.exportDatasetDataRows : undefined;
      });
      const line = JSON.parse((await download(done.downloadUrl)).text.trim());
      expect(Object.keys(line).sort()).toEqual(["createdAt", "customMetadata", "externalId", "globalKey", "id", "mediaAttributes", "metadataFields", "rowData", "updatedAt"]);
      expect(line.metadataFields).toEqual([{ schemaId: "cko8s9r5v0001h2dk9elqdidh", name: "tag", value: "v", kind: "CustomMetadataString" }]);
      const again = await data(slow.url, slow.apiKey, V1, { d, md: true });
      expect(again.exportDatasetDataRows.status).toBe("COMPLETE");
      expect(again.exportDatasetDataRows.createdAt).toBe(done.createdAt);
      const noMetadata = await waitFor(async () => {
        const r = await data(slow.url, slow.apiKey, V1, { d, md: false });
        return r.exportDatasetDataRows.status === "COMPLETE" ? r.exportDatasetDataRows : undefined;
      });
      const plain = JSON.parse((await download(noMetadata.downloadUrl)).text.trim());
      expect(plain.metadataFields).toEqual([]);
      expect(plain.customMetadata).toEqual([]);
    } finally {
      await slow.close();
    }
  });
});
