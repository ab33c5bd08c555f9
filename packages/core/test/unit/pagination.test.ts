import { describe, expect, it } from "vitest";
import { Dataset, deleteDataRows, getAttachments, getDatasets, iterateDataRows, LabelboxError, MAX_DELETE_PER_CALL } from "../../src/index.js";
import { recordingClient } from "../helpers/recording-transport.js";

const row = (id: string) => ({ id, rowData: "https://x", externalId: null, globalKey: null, createdAt: null, updatedAt: null, mediaAttributes: {}, metadataFields: null, customMetadata: [] });
const page = (ids: string[], startCursor: string | null) => ({ datasetDataRows: { nodes: ids.map(row), pageInfo: { hasNextPage: startCursor !== null, startCursor } } });

describe("iterateDataRows", () => {
  it("follows startCursor until it is null, lazily, and normalizes metadataFields", async () => {
    const { client, sent } = recordingClient({ DatasetDataRowsPyApi: [page(["a", "b"], "c2"), page(["c"], "c3"), page([], null)] });
    const rows = iterateDataRows(client, "ds", { pageSize: 2 });
    expect(sent).toHaveLength(0);
    const seen: string[] = [];
    for await (const r of rows) {
      seen.push(r.id);
      expect(r.metadataFields).toEqual([]);
    }
    expect(seen).toEqual(["a", "b", "c"]);
    expect(sent.map((s) => s.variables)).toEqual([
      { id: "ds", from: null, first: 2, where: null },
      { id: "ds", from: "c2", first: 2, where: null },
      { id: "ds", from: "c3", first: 2, where: null },
    ]);
  });

  it("stops with PAGINATION_STALLED when the server repeats a cursor", async () => {
    const { client, sent } = recordingClient({ DatasetDataRowsPyApi: [page(["a"], "c1"), page(["b"], "c2"), page(["a"], "c1")] });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const r of iterateDataRows(client, "ds")) seen.push(r.id);
    })().catch((e: unknown) => e);
    expect((error as LabelboxError).code).toBe("PAGINATION_STALLED");
    expect(seen).toEqual(["a", "b", "a"]);
    expect(sent).toHaveLength(3);
  });

  it("toArray stops fetching at the limit; first() asks for one row", async () => {
    const { client, sent } = recordingClient({ DatasetDataRowsPyApi: [page(["a", "b"], "c2"), page(["c", "d"], "c3")] });
    expect((await iterateDataRows(client, "ds").toArray({ limit: 3 })).map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(sent).toHaveLength(2);
    const one = recordingClient({ DatasetDataRowsPyApi: page(["z"], "c9") });
    expect((await iterateDataRows(one.client, "ds").first())?.id).toBe("z");
    expect(one.sent.map((s) => (s.variables as { first: number }).first)).toEqual([1]);
  });

  it("dataset.dataRows() yields DataRow entities that keep the client", async () => {
    const { client } = recordingClient({ DatasetDataRowsPyApi: page(["a"], null) });
    const dataset = new Dataset(client, { id: "ds", name: "n", description: null, rowCount: 1, createdAt: null, updatedAt: null });
    const rows = [];
    for await (const r of dataset.dataRows()) rows.push(r);
    expect(rows[0]?.id).toBe("a");
    expect(rows[0]?.client).toBe(client);
    expect(Object.keys(rows[0] ?? {})).not.toContain("client");
  });
});

describe("offset-paged lists", () => {
  it("getDatasets pages with skip literals until a short page", async () => {
    const ds = (n: number, from: number) => ({ datasets: Array.from({ length: n }, (_, i) => ({ id: `d${from + i}`, name: null, description: null, rowCount: 0, createdAt: null, updatedAt: null })) });
    const { client, sent } = recordingClient({ GetDatasetsPyApi: [ds(100, 0), ds(100, 100), ds(3, 200)] });
    expect(await getDatasets(client).toArray()).toHaveLength(203);
    expect(sent.map((s) => /skip: (\d+) first: 100/.exec(s.query)?.[1])).toEqual(["0", "100", "200"]);
    expect(sent.map((s) => s.variables)).toEqual(Array(3).fill({ param_0: false }));
  });

  it("getAttachments of an unknown row is NotFound", async () => {
    const { client } = recordingClient({ GetDataRowAttachmentsPyApi: { dataRow: null } });
    await expect(getAttachments(client, "nope").toArray()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("deleteDataRows", () => {
  it("splits into calls of at most 4,000 ids and reports progress", async () => {
    const ids = Array.from({ length: 9001 }, (_, i) => `c${String(i).padStart(24, "0")}`);
    const { client, sent } = recordingClient({ deleteDataRowsPyApi: { deleteDataRows: [] } });
    const progress: number[] = [];
    await deleteDataRows(client, ids, { onProgress: (done) => progress.push(done) });
    expect(MAX_DELETE_PER_CALL).toBe(4000);
    expect(sent.map((s) => s.query.match(/"c\d+"/g)?.length)).toEqual([4000, 4000, 1001]);
    expect(sent[2]?.query).toContain(`"${ids[8000]}", `);
    expect(sent.every((s) => JSON.stringify(s.variables) === "{}")).toBe(true);
    expect(progress).toEqual([4000, 8000, 9001]);
    expect(sent[0]?.request.operation).toEqual({ name: "deleteDataRowsPyApi", kind: "mutation", idempotent: true });
  });

  it("refuses an empty list or empty ids before sending", async () => {
    const { client, sent } = recordingClient({});
    await expect(deleteDataRows(client, [])).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    await expect(deleteDataRows(client, ["a", ""])).rejects.toMatchObject({ issues: [{ path: "dataRowIds[1]", message: "must not be empty" }] });
    expect(sent).toEqual([]);
  });
});
