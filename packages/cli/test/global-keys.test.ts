import fs from "node:fs";
import path from "node:path";
import { createDataRow, getDataRow, type LbxClient } from "@lbx/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverWithDataset, type TestServer } from "./helpers/emulator.js";
import { json, lbx } from "./helpers/run.js";

let server: TestServer;
let client: LbxClient;
let datasetId: string;

beforeAll(async () => {
  ({ server, client, datasetId } = await serverWithDataset("Keys"));
});
afterAll(() => server.emulator.close());

const newRow = (globalKey?: string) => createDataRow(client, datasetId, { rowData: "https://example.com/a.jpg", ...(globalKey ? { globalKey } : {}) });

describe("lbx global-keys", () => {
  it("assigns keys from a CSV file and from JSON lines on stdin", async () => {
    const [a, b] = await Promise.all([newRow(), newRow()]);
    const csv = path.join(server.home, "keys.csv");
    fs.writeFileSync(csv, `dataRowId,globalKey\n${a.id},gk-csv-a\n`);
    const fromCsv = await lbx(["global-keys", "assign", csv, "--json"], { env: server.env });
    expect(fromCsv.code).toBe(0);
    expect(json(fromCsv)).toMatchObject({ status: "SUCCESS", results: [{ dataRowId: a.id, globalKey: "gk-csv-a", sanitized: false }], errors: [] });
    const fromStdin = await lbx(["global-keys", "assign", "-"], { env: server.env, input: `{"dataRowId":"${b.id}","globalKey":"gk-json-b"}\n` });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toContain("Assigned 1 global key; 0 failed.");
    expect((await getDataRow(client, b.id)).globalKey).toBe("gk-json-b");
  });

  it("reports every bad line of an assignments file with its line number (exit 2)", async () => {
    const file = path.join(server.home, "bad.ndjson");
    fs.writeFileSync(file, `{"dataRowId":"x"}\nnot json, no header\n{oops\n`);
    const r = await lbx(["global-keys", "assign", file], { env: server.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:1: needs string fields dataRowId and globalKey`);
    expect(r.stderr).toContain(`${file}:2: a CSV file needs a header line`);
  });

  it("assigns the good lines of a file and reports each bad one as FILE:LINE (exit 4; 2 when no line is usable)", async () => {
    const [a, b, c] = await Promise.all([newRow(), newRow(), newRow()]);
    const csv = path.join(server.home, "mixed-keys.csv");
    fs.writeFileSync(csv, `dataRowId,globalKey\n${a.id},gk-mixed-a\n${b.id},bad key ü\ncnosuchrow000000000000000,gk-mixed-c\n${c.id},GK-MIXED-A\n,no-row\n`);
    const human = await lbx(["global-keys", "assign", csv], { env: server.env });
    expect(human.code).toBe(4);
    expect(human.stdout).toContain("Assigned 1 global key; 4 failed.");
    expect(human.stdout).toContain(`${csv}:3: ${b.id} "bad key ü": INVALID_ASSIGNMENT: globalKey: contains characters`);
    expect(human.stdout).toContain(`${csv}:4: cnosuchrow000000000000000 "gk-mixed-c": ASSIGNMENT_REJECTED:`);
    expect(human.stdout).toContain(`${csv}:5: ${c.id} "GK-MIXED-A": DUPLICATE_ASSIGNMENT: global key already assigned at line 2`);
    expect(human.stdout).toContain(`${csv}:6: INVALID_LINE: needs a dataRowId and a globalKey`);
    expect((await getDataRow(client, a.id)).globalKey).toBe("gk-mixed-a");
    expect((await getDataRow(client, b.id)).globalKey).toBeNull();

    const again = await lbx(["global-keys", "assign", csv, "--json"], { env: server.env });
    const out = json<{ file: string; status: string; results: { line: number }[]; errors: { line: number; code: string }[] }>(again);
    expect(out).toMatchObject({ file: csv, status: "PARTIAL SUCCESS", results: [{ line: 2, dataRowId: a.id, globalKey: "gk-mixed-a" }] });
    expect(out.errors.map((e) => [e.line, e.code])).toEqual([
      [3, "INVALID_ASSIGNMENT"],
      [4, "ASSIGNMENT_REJECTED"],
      [5, "DUPLICATE_ASSIGNMENT"],
      [6, "INVALID_LINE"],
    ]);

    const unusable = await lbx(["global-keys", "assign", "-", "--json"], { env: server.env, input: `{"dataRowId":"${b.id}","globalKey":"bad key ü"}\n{oops\n` });
    expect(unusable.code).toBe(2);
    expect(json<{ errors: { line: number; code: string }[] }>(unusable).errors.map((e) => [e.line, e.code])).toEqual([
      [1, "INVALID_ASSIGNMENT"],
      [2, "INVALID_LINE"],
    ]);
  });

  it("looks keys up: all found exit 0, some missing exit 4, none found exit 5", async () => {
    const row = await newRow("gk-look-1");
    const found = await lbx(["global-keys", "lookup", "gk-look-1", "--json"], { env: server.env });
    expect(found.code).toBe(0);
    expect(json(found)).toEqual([{ globalKey: "gk-look-1", dataRowId: row.id }]);
    const some = await lbx(["global-keys", "lookup", "gk-look-1", "gk-look-missing", "--json"], { env: server.env });
    expect(some.code).toBe(4);
    expect(json(some)).toEqual([
      { globalKey: "gk-look-1", dataRowId: row.id },
      { globalKey: "gk-look-missing", dataRowId: null, error: "Data Row not found" },
    ]);
    const none = await lbx(["global-keys", "lookup", "gk-look-missing"], { env: server.env });
    expect(none.code).toBe(5);
    expect(none.stdout).toContain("(Data Row not found)");
  });

  it("clears keys so they can be used again", async () => {
    const row = await newRow("gk-clear-1");
    const r = await lbx(["global-keys", "clear", "gk-clear-1", "--json"], { env: server.env });
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ results: ["gk-clear-1"], errors: [] });
    expect((await getDataRow(client, row.id)).globalKey).toBeNull();
    expect((await newRow("gk-clear-1")).globalKey).toBe("gk-clear-1");
  });
});
