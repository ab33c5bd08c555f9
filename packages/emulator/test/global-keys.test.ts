// Global-key rules, end to end: length and characters, sanitizing, case-insensitive uniqueness per
// organization, keys freed by deletion, duplicates inside a batch vs. against existing rows (on
// the modern and the classic import), and the three asynchronous jobs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { data, gql } from "./helpers/client.js";
import { ASSIGN, CLEAR, LOOKUP, classicImport, createDataset, createRow, runJob, upsertAndWait } from "./helpers/flows.js";

let emu: RunningEmulator;
let url: string;
let key: string;
const ADV_KEY = "adv-org-key";
beforeAll(async () => {
  emu = await startEmulator({ users: [{ apiKey: ADV_KEY, organization: "ADV org" }], organizations: [{ name: "ADV org", adv: true }], limits: { maxGlobalKeyLength: 50 } });
  ({ url, apiKey: key } = emu);
});
afterAll(() => emu.close());

const auto = (ds: string, payload: Record<string, unknown>) => ({ id: { type: "AUTO", value: "" }, payload: { row_data: "https://e.com/a.jpg", dataset_id: ds, ...payload } });

describe("global keys on create", () => {
  it("are unique per organization ignoring case, and the configured length applies", async () => {
    const ds = await createDataset(url, key);
    await createRow(url, key, ds, { gk: "Case-Key" });
    const dup = await gql(url, key, `mutation($d: ID!){createDataRow(data: {rowData: "https://e.com/b.jpg", globalKey: "case-KEY", dataset: {connect: {id: $d}}}){id}}`, { d: ds });
    expect(dup.body.errors?.[0]?.extensions.code).toBe("MALFORMED_REQUEST");
    expect(dup.body.errors?.[0]?.message).toBe("Duplicate global key: 'case-KEY'");
    const long = await gql(url, key, `mutation($d: ID!){createDataRow(data: {rowData: "x", globalKey: "${"k".repeat(51)}", dataset: {connect: {id: $d}}}){id}}`, { d: ds });
    expect(long.body.errors?.[0]?.message).toContain("longer than 50 characters");
  });
  it("are sanitized: \" < > \\ { } | become _", async () => {
    const ds = await createDataset(url, key);
    const d = await data(url, key, `mutation($d: ID!, $gk: String){createDataRow(data: {rowData: "https://e.com/s.jpg", globalKey: $gk, dataset: {connect: {id: $d}}}){globalKey}}`, {
      d: ds,
      gk: '"<>\\{}|san-1',
    });
    expect(d.createDataRow.globalKey).toBe("_______san-1");
  });
  it("are freed when their row is deleted", async () => {
    const ds = await createDataset(url, key);
    const id = await createRow(url, key, ds, { gk: "reuse-me" });
    await data(url, key, `mutation{deleteDataRows(where: {dataRowIds: ["${id}"]}){id}}`);
    const again = await createRow(url, key, ds, { gk: "reuse-me" });
    expect(again).not.toBe(id);
  });
  it("are per organization: another organization may use the same key", async () => {
    const mine = await createDataset(url, key);
    const theirs = await createDataset(url, ADV_KEY);
    await createRow(url, key, mine, { gk: "shared-key" });
    await expect(createRow(url, ADV_KEY, theirs, { gk: "SHARED-key" })).resolves.toMatch(/^c/);
  });
});

describe("duplicates on import", () => {
  it("modern upsert: the first spec in the file wins; later ones and existing keys fail per row", async () => {
    const ds = await createDataset(url, key);
    await createRow(url, key, ds, { gk: "taken" });
    const r = await upsertAndWait(url, key, [auto(ds, { global_key: "dup", external_id: "first" }), auto(ds, { global_key: "DUP", external_id: "second" }), auto(ds, { global_key: "taken" }), auto(ds, { global_key: "ok-1" })]);
    expect(r.task.status).toBe("COMPLETE");
    expect(r.successes.map((s) => s.externalId ?? s.globalKey)).toEqual(["first", "ok-1"]);
    expect(r.failures.map((f) => f.message)).toEqual(["Duplicate global key: 'DUP'", "Duplicate global key: 'taken'"]);
    expect(r.failures[0]!.spec).toMatchObject({ globalKey: "DUP", externalId: "second", rowData: "https://e.com/a.jpg" });
  });
  it("classic import, non-ADV: duplicates inside the batch fail the whole task and create nothing", async () => {
    const ds = await createDataset(url, key);
    const { task, result } = await classicImport(url, key, ds, [
      { row_data: "https://e.com/1.jpg", global_key: "c-dup" },
      { row_data: "https://e.com/2.jpg", global_key: "c-dup" },
      { row_data: "https://e.com/3.jpg", global_key: "c-ok" },
    ]);
    expect(task.status).toBe("FAILED");
    expect(result.error).toBe("Data rows contain duplicate global keys");
    expect(result.errors[0]!.failedDataRows).toHaveLength(2);
    expect(result.createdDataRows).toEqual([]);
    const ds2 = await data(url, key, `query($id: ID!){dataset(where: {id: $id}){rowCount}}`, { id: ds });
    expect(ds2.dataset.rowCount).toBe(0);
  });
  it("classic import, non-ADV: a key that already exists fails the whole task", async () => {
    const ds = await createDataset(url, key);
    await createRow(url, key, ds, { gk: "c-existing" });
    const { task, result } = await classicImport(url, key, ds, [{ row_data: "https://e.com/1.jpg", global_key: "C-EXISTING" }, { row_data: "https://e.com/2.jpg" }]);
    expect(task.status).toBe("FAILED");
    expect(String(result.error)).toMatch(/^Duplicate global keys found: C-EXISTING/);
  });
  it("classic import, ADV organization: problems are reported per row and the rest is created", async () => {
    const ds = await createDataset(url, ADV_KEY);
    const { task, result } = await classicImport(url, ADV_KEY, ds, [
      { row_data: "https://e.com/1.jpg", global_key: "a-dup", external_id: "one" },
      { row_data: "https://e.com/2.jpg", global_key: "a-dup", external_id: "two" },
    ]);
    expect(task.status).toBe("COMPLETE");
    expect(result.createdDataRows).toHaveLength(1);
    expect(result.createdDataRows[0]).toMatchObject({ externalId: "one", globalKey: "a-dup" });
    expect(result.errors).toEqual([
      { message: "Duplicate global key: 'a-dup'", failedDataRows: [{ externalId: "two", globalKey: "a-dup", rowData: "https://e.com/2.jpg", attachmentInputs: [], metadataFields: [] }] },
    ]);
  });
});

describe("global-key jobs", () => {
  it("look up keys in input order with \"\" for unknown ones, ignoring case", async () => {
    const ds = await createDataset(url, key);
    const a = await createRow(url, key, ds, { gk: "look-a" });
    const b = await createRow(url, key, ds, { gk: "look-b" });
    const r = await runJob<any>(url, key, LOOKUP.start, { k: ["look-b", "nope", "LOOK-A"] }, LOOKUP.field, LOOKUP.result);
    expect(r.jobStatus).toBe("COMPLETE");
    expect(r.data.fetchedDataRows).toEqual([{ id: b }, { id: "" }, { id: a }]);
    expect(r.data.notFoundGlobalKeys).toEqual(["nope"]);
  });
  it("assign: sanitized vs unmodified, invalid keys, unknown rows, keys taken, and the second of two identical keys", async () => {
    const ds = await createDataset(url, key);
    const [r1, r2, r3, r4] = [await createRow(url, key, ds), await createRow(url, key, ds), await createRow(url, key, ds), await createRow(url, key, ds, { gk: "assign-taken" })];
    const r = await runJob<any>(
      url,
      key,
      ASSIGN.start,
      {
        a: [
          { dataRowId: r1, globalKey: "assign-1" },
          { dataRowId: r2, globalKey: "assign|2" },
          { dataRowId: r3, globalKey: "ASSIGN-1" },
          { dataRowId: r3, globalKey: " padded" },
          { dataRowId: r3, globalKey: "assign-taken" },
          { dataRowId: "cdoesnotexist000000000000", globalKey: "assign-x" },
          { dataRowId: r4, globalKey: "assign-taken" },
        ],
      },
      ASSIGN.field,
      ASSIGN.result,
    );
    expect(r.data.unmodifiedAssignments).toEqual([
      { dataRowId: r1, globalKey: "assign-1" },
      { dataRowId: r4, globalKey: "assign-taken" },
    ]);
    expect(r.data.sanitizedAssignments).toEqual([{ dataRowId: r2, globalKey: "assign_2" }]);
    expect(r.data.invalidGlobalKeyAssignments.map((x: any) => x.globalKey)).toEqual(["ASSIGN-1", " padded", "assign-taken", "assign-x"]);
    const row = await data(url, key, `query($id: ID!){dataRow(where: {id: $id}){globalKey}}`, { id: r2 });
    expect(row.dataRow.globalKey).toBe("assign_2");
  });
  it("clear frees keys and reports unknown ones", async () => {
    const ds = await createDataset(url, key);
    const id = await createRow(url, key, ds, { gk: "clear-me" });
    const r = await runJob<any>(url, key, CLEAR.start, { k: ["clear-me", "never-was"] }, CLEAR.field, CLEAR.result);
    expect(r.data).toEqual({ clearedGlobalKeys: ["clear-me"], failedToClearGlobalKeys: [], notFoundGlobalKeys: ["never-was"], accessDeniedGlobalKeys: [] });
    expect((await data(url, key, `query($id: ID!){dataRow(where: {id: $id}){globalKey}}`, { id })).dataRow.globalKey).toBeNull();
    await createRow(url, key, ds, { gk: "clear-me" });
  });
  it("report PENDING until the configured delay has passed", async () => {
    const slow = await startEmulator({ taskDelayMs: 300 });
    try {
      const started = await data(slow.url, slow.apiKey, LOOKUP.start, { k: ["x"] });
      const first = await data(slow.url, slow.apiKey, LOOKUP.result, { jobId: started.dataRowsForGlobalKeys.jobId });
      expect(first.dataRowsForGlobalKeysResult).toEqual({ jobStatus: "PENDING", data: null });
      const done = await runJob<any>(slow.url, slow.apiKey, LOOKUP.start, { k: ["x"] }, LOOKUP.field, LOOKUP.result);
      expect(done.jobStatus).toBe("COMPLETE");
    } finally {
      await slow.close();
    }
  });
});
