// get, update and delete; the rows are made with @lbx/core directly so these tests need no import.
import fs from "node:fs";
import path from "node:path";
import { createDataRow, type DataRowRecord, getDataRow, type LbxClient, NotFoundError } from "@lbx/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverWithDataset, type TestServer } from "./helpers/emulator.js";
import { json, lbx } from "./helpers/run.js";

let server: TestServer;
let client: LbxClient;
let datasetId: string;

beforeAll(async () => {
  ({ server, client, datasetId } = await serverWithDataset("Rows"));
});
afterAll(() => server.emulator.close());

function row(globalKey: string): Promise<DataRowRecord> {
  return createDataRow(client, datasetId, {
    rowData: `https://example.com/${globalKey}.jpg`,
    globalKey,
    externalId: `${globalKey}.jpg`,
    metadataFields: [{ name: "tag", value: "first" }],
    attachments: [{ type: "RAW_TEXT", value: "a caption", name: "caption" }],
  });
}

async function gone(id: string): Promise<boolean> {
  try {
    await getDataRow(client, id);
    return false;
  } catch (error) {
    if (error instanceof NotFoundError) return true;
    throw error;
  }
}

describe("lbx data-rows get", () => {
  it("finds a row by id, global key and external id, with metadata and attachments", async () => {
    const created = await row("get-1");
    const byId = json<DataRowRecord & { attachments: { type: string; value: string }[] }>(await lbx(["data-rows", "get", created.id, "--json"], { env: server.env }));
    expect(byId).toMatchObject({ id: created.id, globalKey: "get-1", externalId: "get-1.jpg" });
    expect(byId.metadataFields).toEqual([expect.objectContaining({ name: "tag", value: "first" })]);
    expect(byId.attachments).toEqual([expect.objectContaining({ type: "RAW_TEXT", value: "a caption" })]);

    const byKey = json<DataRowRecord>(await lbx(["data-rows", "get", "--global-key", "get-1", "--json"], { env: server.env }));
    expect(byKey.id).toBe(created.id);
    const byExternal = json<DataRowRecord>(await lbx(["data-rows", "get", "--external-id", "get-1.jpg", "--dataset", "Rows", "--json"], { env: server.env }));
    expect(byExternal.id).toBe(created.id);

    const human = await lbx(["data-rows", "get", "--global-key", "get-1"], { env: server.env });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^id\s+c[a-z0-9]{24}$/m);
    expect(human.stdout).toMatch(/^metadata tag\s+first$/m);
    expect(human.stdout).toMatch(/^attachment RAW_TEXT\s+caption: a caption$/m);
  });

  it("exits 5 for an unknown row and 2 for a wrong combination of selectors", async () => {
    const missing = await lbx(["data-rows", "get", "--global-key", "no-such-key"], { env: server.env });
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain("no-such-key");
    const both = await lbx(["data-rows", "get", "cabc", "--global-key", "x"], { env: server.env });
    expect(both.code).toBe(2);
    const noDataset = await lbx(["data-rows", "get", "--external-id", "x.jpg"], { env: server.env });
    expect(noDataset.code).toBe(2);
    expect(noDataset.stderr).toContain("--external-id needs --dataset");
  });
});

describe("lbx data-rows update", () => {
  it("changes fields and metadata, converting values by the field's kind", async () => {
    const created = await row("upd-1");
    const r = await lbx(
      ["data-rows", "update", created.id, "--external-id", "renamed.jpg", "--metadata", "split=valid", "--metadata", "tag=reviewed", "--metadata", "captureDateTime=2024-05-01T10:00:00Z", "--json"],
      { env: server.env },
    );
    expect(r.code).toBe(0);
    const updated = json<DataRowRecord>(r);
    expect(updated.externalId).toBe("renamed.jpg");
    const byName = Object.fromEntries(updated.metadataFields.map((f) => [f.name, f.value]));
    expect(byName).toMatchObject({ tag: "reviewed", split: "valid" });
    expect(String(byName["captureDateTime"])).toMatch(/^2024-05-01T10:00:00/);
  });

  it("rejects an update with nothing to change, and bad metadata with the field named", async () => {
    const created = await row("upd-2");
    const nothing = await lbx(["data-rows", "update", created.id], { env: server.env });
    expect(nothing.code).toBe(2);
    const bad = await lbx(["data-rows", "update", created.id, "--metadata", "split=nope"], { env: server.env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/split/);
  });
});

describe("lbx data-rows delete", () => {
  it("deletes by ids, by global keys and from a file of JSON lines", async () => {
    const [a, b, c, d] = await Promise.all(["del-a", "del-b", "del-c", "del-d"].map(row));
    const byIds = await lbx(["data-rows", "delete", a!.id, "--yes", "--json"], { env: server.env });
    expect(byIds.code).toBe(0);
    expect(json(byIds)).toEqual({ deleted: 1, dataRowIds: [a!.id], notFound: [], failed: [] });

    const byKeys = await lbx(["data-rows", "delete", "--global-keys", "del-b", "--yes"], { env: server.env });
    expect(byKeys.code).toBe(0);
    expect(byKeys.stdout).toContain("Deleted 1 data row.");

    const file = path.join(server.home, "to-delete.ndjson");
    fs.writeFileSync(file, `# rows to delete\n{"id":"${c!.id}"}\n\n${d!.id}\n`);
    const fromFile = await lbx(["data-rows", "delete", "--from-file", file, "--yes", "--json"], { env: server.env });
    expect(json(fromFile)).toMatchObject({ deleted: 2 });
    for (const r of [a, b, c, d]) expect(await gone(r!.id)).toBe(true);
  });

  it("exits 4 when some global keys match no row, 5 when none do; deletes the ones that match", async () => {
    const e = await row("del-e");
    const partial = await lbx(["data-rows", "delete", "--global-keys", "del-e", "del-missing", "--yes", "--json"], { env: server.env });
    expect(partial.code).toBe(4);
    expect(json(partial)).toEqual({ deleted: 1, dataRowIds: [e.id], notFound: ["del-missing"], failed: [], globalKeys: { "del-e": e.id } });
    expect(partial.stderr).toContain('no data row has the global key "del-missing"');
    const none = await lbx(["data-rows", "delete", "--global-keys", "del-missing", "--yes"], { env: server.env });
    expect(none.code).toBe(5);
    // Ids the server has no row for (here: the one just deleted) are reported the same way.
    const g = await row("del-g");
    const ids = await lbx(["data-rows", "delete", g.id, e.id, "--yes", "--json"], { env: server.env });
    expect(ids.code).toBe(4);
    expect(json(ids)).toEqual({ deleted: 1, dataRowIds: [g.id], notFound: [e.id], failed: [] });
    expect(ids.stderr).toContain(`no data row with id "${e.id}"`);
  });

  it("deletes a row once when several keys name it (keys are case-insensitive), and counts rows when asking", async () => {
    const h = await row("del-h");
    const unconfirmed = await lbx(["data-rows", "delete", "--global-keys", "del-h", "DEL-H", "Del-H"], { env: server.env });
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("Delete 1 data row: not confirmed");
    expect(await gone(h.id)).toBe(false);
    const r = await lbx(["data-rows", "delete", "--global-keys", "del-h", "DEL-H", "Del-H", "--yes", "--json"], { env: server.env });
    expect(r.code).toBe(0);
    expect(json(r)).toEqual({ deleted: 1, dataRowIds: [h.id], notFound: [], failed: [], globalKeys: { "del-h": h.id, "DEL-H": h.id, "Del-H": h.id } });
    expect(r.stderr).toContain(`Global keys "del-h", "DEL-H", "Del-H" are one data row, ${h.id}`);
    expect(await gone(h.id)).toBe(true);
  });

  it("asks for --yes when not on a terminal and deletes nothing", async () => {
    const f = await row("del-f");
    const r = await lbx(["data-rows", "delete", f.id], { env: server.env });
    expect(r.code).toBe(2);
    expect(await gone(f.id)).toBe(false);
  });
});
