import { describe, expect, it } from "vitest";
import {
  assignGlobalKeysToDataRows,
  clearGlobalKeys,
  createAttachment,
  createMetadataSchema,
  dataRowForExternalId,
  dataRowsForExternalId,
  deleteAttachment,
  deleteDataRow,
  deleteDataRowMetadata,
  deleteDataRows,
  deleteDataset,
  deleteMetadataSchema,
  exportDataRowMetadata,
  getAttachments,
  getDataRow,
  getDataRowByGlobalKey,
  getDataRowIdsForExternalIds,
  getDataRowIdsForGlobalKeys,
  getDataset,
  getDatasets,
  getMetadataOntology,
  getTask,
  iterateDataRows,
  type LbxClient,
  NotFoundError,
  updateAttachment,
  updateDataRow,
  updateDataset,
  updateMetadataSchema,
  upsertDataRowMetadata,
} from "../../src/index.js";
import { type Recorded, recordingClient, type Reply } from "../helpers/recording-transport.js";
import { capture, type CaptureEntry, stepRequests } from "../helpers/spec.js";

// Each test replays one step of the SDK 6.0 capture: the recorded responses are the server, and
// what our function sends must be what Python sent, document bytes and variables alike.
const recorded = capture("v.6.0.0");

function opName(query: string): string {
  return /(?:query|mutation)\s*(\w+)/.exec(query)?.[1] ?? "?";
}

function repliesFrom(entries: readonly CaptureEntry[]): Record<string, Reply[]> {
  const replies: Record<string, Reply[]> = {};
  for (const e of entries) {
    if (e.kind !== "graphql" || !e.query) continue;
    (replies[opName(e.query)] ??= []).push(e.response as object);
  }
  return replies;
}

const ONTOLOGY = repliesFrom(stepRequests(recorded, "get_data_row_metadata_ontology"));

/** A client scripted with a step's responses; `sent` records what it sends. */
function replay(steps: string | string[], extra: Record<string, Reply[]> = {}): { client: LbxClient; sent: Recorded[]; expected: CaptureEntry[] } {
  const expected = [steps].flat().flatMap((s) => stepRequests(recorded, s).filter((e) => e.kind === "graphql"));
  const { client, sent } = recordingClient({ ...ONTOLOGY, ...repliesFrom(expected), ...extra }, { polling: { minDelayMs: 1, maxDelayMs: 1 } });
  return { client, sent, expected };
}

function wire(list: readonly { query?: string; variables?: unknown }[]): [string | undefined, unknown][] {
  return list.map((e) => [e.query, e.variables]);
}

describe("wire parity with the Python SDK 6.0 capture", () => {
  it("get_data_row", async () => {
    const { client, sent, expected } = replay("get_data_row");
    const row = await getDataRow(client, "c3eqe1mgzm36pxn60lntdw8j5");
    expect(row.globalKey).toBe("gk-1");
    expect(row.metadataFields.map((f) => f.name)).toEqual(["tag", "split", "captureDateTime"]);
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("get_data_row_missing -> NotFoundError", async () => {
    const { client, sent, expected } = replay("get_data_row_missing");
    await expect(getDataRow(client, "cdoesnotexist0000000000000")).rejects.toBeInstanceOf(NotFoundError);
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("get_data_row_ids_for_global_keys (job polled until COMPLETE)", async () => {
    const { client, sent, expected } = replay("get_data_row_ids_for_global_keys");
    expect(await getDataRowIdsForGlobalKeys(client, ["gk-1", "nope"])).toEqual({
      status: "PARTIAL SUCCESS",
      results: ["c3eqe1mgzm36pxn60lntdw8j5", ""],
      errors: [{ globalKey: "nope", error: "Data Row not found" }],
    });
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("get_data_row_by_global_key", async () => {
    const { client, sent, expected } = replay("get_data_row_by_global_key");
    expect((await getDataRowByGlobalKey(client, "gk-1")).id).toBe("c3eqe1mgzm36pxn60lntdw8j5");
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("assign_global_keys_to_data_rows", async () => {
    const { client, sent, expected } = replay("assign_global_keys_to_data_rows");
    expect(await assignGlobalKeysToDataRows(client, [{ dataRowId: "ckytae4zt14lz4ksxwnk734b3", globalKey: "gk-local" }])).toEqual({
      status: "SUCCESS",
      results: [{ dataRowId: "ckytae4zt14lz4ksxwnk734b3", globalKey: "gk-local", sanitized: false }],
      errors: [],
    });
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("clear_global_keys", async () => {
    const { client, sent, expected } = replay("clear_global_keys");
    expect(await clearGlobalKeys(client, ["gk-local", "nope"])).toEqual({
      status: "PARTIAL SUCCESS",
      results: ["gk-local"],
      errors: [{ globalKey: "nope", error: "Failed to find data row matching provided global key" }],
    });
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("data_row_for_external_id, data_rows_for_external_id, and the missing case", async () => {
    const { client, sent, expected } = replay(["data_row_for_external_id", "data_rows_for_external_id", "data_rows_for_external_id_missing"]);
    expect((await dataRowForExternalId(client, "cykde5ke9njbwh7jt3c0rclrj", "ext-1")).id).toBe("c3eqe1mgzm36pxn60lntdw8j5");
    expect((await dataRowsForExternalId(client, "cykde5ke9njbwh7jt3c0rclrj", "ext-1")).map((r) => r.id)).toEqual(["c3eqe1mgzm36pxn60lntdw8j5"]);
    await expect(dataRowsForExternalId(client, "cykde5ke9njbwh7jt3c0rclrj", "missing")).rejects.toBeInstanceOf(NotFoundError);
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("data_rows_iter: one page of 7 rows", async () => {
    const { client, sent, expected } = replay("data_rows_iter");
    const ids: string[] = [];
    for await (const row of iterateDataRows(client, "cykde5ke9njbwh7jt3c0rclrj")) ids.push(row.id);
    expect(ids).toHaveLength(7);
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("data_rows_get_one: same document, one row asked for", async () => {
    const { client, sent, expected } = replay("data_rows_get_one");
    expect((await iterateDataRows(client, "cykde5ke9njbwh7jt3c0rclrj").first())?.id).toBe("crmqbkugcdq1uvt1kyzassupj");
    expect(sent[0]?.query).toBe(expected[0]?.query);
    expect(sent[0]?.variables).toEqual({ ...(expected[0]?.variables as object), first: 1 });
  });

  it("data_row_update", async () => {
    const { client, sent, expected } = replay("data_row_update");
    const row = await updateDataRow(client, "c3eqe1mgzm36pxn60lntdw8j5", { rowData: "https://example.com/new.jpg", globalKey: "gk-1b", externalId: "ext-1b" });
    expect(row.rowData).toBe("https://example.com/new.jpg");
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("data_row_delete and bulk_delete", async () => {
    const { client, sent, expected } = replay(["data_row_delete", "bulk_delete"]);
    await deleteDataRow(client, "c3eqe1mgzm36pxn60lntdw8j5");
    await deleteDataRows(client, ["crmqbkugcdq1uvt1kyzassupj", "crlw0754462xg7zig45g89iqp"]);
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("get_dataset, dataset_update, get_datasets, dataset_delete", async () => {
    const { client, sent, expected } = replay(["get_dataset", "dataset_update", "get_datasets", "dataset_delete"]);
    expect((await getDataset(client, "cykde5ke9njbwh7jt3c0rclrj")).name).toBe("Example dataset");
    expect((await updateDataset(client, "cykde5ke9njbwh7jt3c0rclrj", { name: "Renamed", description: "d" })).name).toBe("Renamed");
    expect((await getDatasets(client, { name: "Renamed" }).toArray()).map((d) => d.id)).toEqual(["cykde5ke9njbwh7jt3c0rclrj", "cg5yqmwgkrju2efzndsco6fut"]);
    await deleteDataset(client, "cykde5ke9njbwh7jt3c0rclrj");
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("get_data_row_ids_for_external_ids", async () => {
    const { client, sent, expected } = replay("get_data_row_ids_for_external_ids");
    expect(await getDataRowIdsForExternalIds(client, ["local-1"])).toEqual(new Map([["local-1", ["ckytae4zt14lz4ksxwnk734b3"]]]));
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("create_attachment, list_attachments, attachment_delete, attachment_update", async () => {
    const { client, sent, expected } = replay(["create_attachment", "list_attachments", "attachment_delete", "attachment_update"]);
    expect((await createAttachment(client, "c3eqe1mgzm36pxn60lntdw8j5", { type: "RAW_TEXT", value: "some text", name: "note" })).id).toBe("cf79hpqxibzccnju7w16etq5o");
    expect((await getAttachments(client, "c3eqe1mgzm36pxn60lntdw8j5").toArray()).map((a) => a.name)).toEqual(["att1", "note"]);
    await deleteAttachment(client, "cf79hpqxibzccnju7w16etq5o");
    const created = await createAttachment(client, "ckytae4zt14lz4ksxwnk734b3", { type: "RAW_TEXT", value: "v1", name: "n1" });
    expect(await updateAttachment(client, created.id, { value: "v2", name: "n2" })).toEqual({ id: created.id, type: "RAW_TEXT", value: "v2", name: "n2" });
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("get_task_by_id", async () => {
    const { client, sent, expected } = replay("get_task_by_id");
    expect((await getTask(client, "cevzs7wz9m43u27g83femlvly")).status).toBe("COMPLETE");
    expect(wire(sent)).toEqual(wire(expected));
  });

  it("metadata: create, update, delete schema; bulk upsert, export, delete", async () => {
    const steps = ["mdo_create_schema", "mdo_update_schema", "mdo_delete_schema", "mdo_bulk_upsert", "mdo_bulk_export", "mdo_bulk_delete"];
    const expected = steps.flatMap((s) => stepRequests(recorded, s));
    const replies: Record<string, Reply[]> = {};
    for (const e of [...stepRequests(recorded, "get_data_row_metadata_ontology"), ...expected]) {
      if (e.query) (replies[opName(e.query)] ??= []).push(e.response as object);
    }
    const { client, sent } = recordingClient(replies);
    await getMetadataOntology(client);
    sent.length = 0;
    const created = await createMetadataSchema(client, { name: "my_enum", kind: "CustomMetadataEnum", options: ["a", "b"] });
    expect(created.optionsByName["a"]?.parent).toBe(created.id);
    // By id: the recorded ontology responses already carry the new name.
    expect((await updateMetadataSchema(client, created.id, { name: "my_enum2" })).name).toBe("my_enum2");
    expect(await deleteMetadataSchema(client, "my_enum2")).toBe(true);
    expect(await upsertDataRowMetadata(client, [{ dataRowId: "ckytae4zt14lz4ksxwnk734b3", fields: [{ name: "tag", value: "upserted" }] }])).toEqual([]);
    expect(await exportDataRowMetadata(client, { dataRowIds: ["ckytae4zt14lz4ksxwnk734b3"] })).toEqual([
      { dataRowId: "ckytae4zt14lz4ksxwnk734b3", globalKey: null, fields: [{ schemaId: "cko8s9r5v0001h2dk9elqdidh", name: "tag", value: "upserted" }] },
    ]);
    expect(await deleteDataRowMetadata(client, [{ dataRowId: "ckytae4zt14lz4ksxwnk734b3", fields: ["tag"] }])).toEqual([]);
    expect(wire(sent)).toEqual(wire(expected));
  });
});
