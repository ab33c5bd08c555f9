import fs from "node:fs";
import path from "node:path";
import { createClient, getDataRowByGlobalKey, getDataRowIdsForGlobalKeys, iterateDataRows, type LbxClient } from "@lbx/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers/emulator.js";
import { PNG, readNdjson, urlRows, writeNdjson } from "./helpers/rows.js";
import { json, lbx } from "./helpers/run.js";

interface ImportJson {
  datasetId: string;
  datasetName: string;
  summary: { total: number; created: number; updated: number; skipped: number; failed: number; taskIds: string[]; seconds: number };
  failuresFile: string | null;
}

interface FailureLine {
  rowData?: string;
  globalKey?: string;
  lbxFailure: { index: number; code: string; message: string; line?: number; input?: string; issues?: { path: string; message: string }[] };
}

let server: TestServer;
let client: LbxClient;
let work: string;

beforeAll(async () => {
  server = await startTestServer();
  client = createClient({ apiKey: server.apiKey, endpoint: server.emulator.url });
  work = path.join(server.home, "work");
  fs.mkdirSync(path.join(work, "images"), { recursive: true });
  fs.writeFileSync(path.join(work, "images", "dot.png"), PNG);
});
afterAll(() => server.emulator.close());

const run = (args: string[], input?: string) => lbx(args, { env: server.env, cwd: work, ...(input !== undefined ? { input } : {}) });

async function rowsIn(datasetId: string): Promise<number> {
  return (await iterateDataRows(client, datasetId).toArray()).length;
}

describe("lbx import", () => {
  it("imports NDJSON (a local image uploaded) into a new dataset, one JSON summary on stdout", async () => {
    const file = writeNdjson(path.join(work, "basic.ndjson"), [{ rowData: "./images/dot.png", globalKey: "basic-local" }, ...urlRows("basic", 49)]);
    const r = await run(["import", file, "--dataset", "Basic", "--create", "--json"]);
    expect(r.code).toBe(0);
    const out = json<ImportJson>(r);
    expect(out.summary).toMatchObject({ total: 50, created: 50, updated: 0, skipped: 0, failed: 0 });
    expect(out.summary.taskIds.length).toBeGreaterThan(0);
    expect(out.failuresFile).toBeNull();
    expect(fs.existsSync(path.join(work, "basic.failures.ndjson"))).toBe(false);
    expect(await rowsIn(out.datasetId)).toBe(50);
    const local = await getDataRowByGlobalKey(client, "basic-local");
    expect(local.rowData).toMatch(new RegExp(`^${server.emulator.url.replace(/\/graphql$/, "")}/files/`));
    expect(await (await fetch(local.rowData!)).arrayBuffer()).toEqual(PNG.buffer.slice(PNG.byteOffset, PNG.byteOffset + PNG.length));
    const row = await getDataRowByGlobalKey(client, "basic-0007");
    expect(row.metadataFields.map((f) => [f.name, f.value])).toEqual(expect.arrayContaining([["tag", "t1"], ["split", "valid"]]));
    expect(r.stderr).toContain("Importing 50 rows");
  });

  it("reports every failed row (exit 4), writes them to the failures file, and imports them when fed back", async () => {
    fs.mkdirSync(path.join(work, "in"), { recursive: true });
    const good = urlRows("mixed", 6);
    const file = writeNdjson(path.join(work, "in", "mixed.ndjson"), [
      good[0]!,
      { ...good[1]!, metadataFields: [{ name: "split", value: "sideways" }] }, // invalid enum option
      "{not json",
      { rowData: "./missing.png", globalKey: "mixed-missing" }, // no such local file
      { ...good[2]!, globalKey: "taken-key" }, // the key belongs to another row
      { rowData: "../images/dot.png", globalKey: "mixed-local-dup" }, // a local file whose key is taken
      good[3]!,
    ]);
    // Rows holding the keys the import will collide with.
    const seed = writeNdjson(path.join(work, "seed.ndjson"), [
      { rowData: "https://example.com/x.jpg", globalKey: "taken-key" },
      { rowData: "https://example.com/y.jpg", globalKey: "mixed-local-dup" },
    ]);
    expect((await run(["import", seed, "--dataset", "Seed", "--create"])).code).toBe(0);

    const r = await run(["import", file, "--dataset", "Mixed", "--create", "--json"]);
    expect(r.code).toBe(4);
    const out = json<ImportJson>(r);
    expect(out.summary).toMatchObject({ total: 7, created: 2, failed: 5 });
    expect(out.failuresFile).toBe(path.join(work, "mixed.failures.ndjson"));
    const failures = readNdjson<FailureLine>(out.failuresFile!);
    expect(failures.map((f) => [f.lbxFailure.index, f.lbxFailure.line, f.lbxFailure.code])).toEqual([
      [1, 2, "INVALID_ROW"],
      [2, 3, expect.any(String)],
      [3, 4, expect.any(String)],
      [4, 5, "DUPLICATE_GLOBAL_KEY"],
      [5, 6, "DUPLICATE_GLOBAL_KEY"],
    ]);
    expect(failures[0]!.lbxFailure.issues?.[0]?.path).toMatch(/^metadataFields\[0\]/);
    expect(failures[1]!.lbxFailure.input).toBe("{not json");
    // Written as the user wrote them, local paths rewritten for the failures file's folder.
    expect(failures[3]).toMatchObject({ globalKey: "taken-key", rowData: good[2]!.rowData });
    expect(failures[4]!.rowData).toBe("./images/dot.png");
    expect(r.stderr).toContain("warning: line 2: INVALID_ROW: metadataFields[0]");

    // Fix what can be fixed, free the taken keys, feed the file back.
    const fixed = failures
      .filter((f) => f.lbxFailure.code !== "INVALID_ROW" || f.globalKey)
      .map((f) => (f.lbxFailure.code === "INVALID_ROW" ? { ...f, metadataFields: [{ name: "split", value: "test" }] } : f))
      .filter((f) => !f.lbxFailure.input && f.rowData !== "./missing.png");
    writeNdjson(out.failuresFile!, fixed.map((f) => JSON.stringify(f)));
    expect((await run(["global-keys", "clear", "taken-key", "mixed-local-dup"])).code).toBe(0);
    const again = await run(["import", "mixed.failures.ndjson", "--dataset", out.datasetId, "--json"]);
    expect(again.code).toBe(0);
    expect(json<ImportJson>(again).summary).toMatchObject({ total: 3, created: 3, failed: 0 });
    expect(await rowsIn(out.datasetId)).toBe(5);
    expect((await getDataRowByGlobalKey(client, "mixed-local-dup")).rowData).toContain("/files/");
    expect((await getDataRowByGlobalKey(client, good[1]!.globalKey!)).metadataFields.find((f) => f.name === "split")?.value).toBe("test");
  });

  it("skips or updates rows whose global key exists, with --on-duplicate", async () => {
    const rows = urlRows("dup", 10);
    const file = writeNdjson(path.join(work, "dup.ndjson"), rows);
    const first = json<ImportJson>(await run(["import", file, "--dataset", "Dup", "--create", "--json"]));
    expect(first.summary.created).toBe(10);
    const skipped = await run(["import", file, "--dataset", "Dup", "--on-duplicate", "skip", "--json"]);
    expect(skipped.code).toBe(0);
    expect(json<ImportJson>(skipped).summary).toMatchObject({ created: 0, skipped: 10, failed: 0 });
    writeNdjson(file, rows.map((r) => ({ ...r, externalId: `new-${r.externalId}` })));
    const updated = await run(["import", file, "--dataset", "Dup", "--on-duplicate", "update", "--json"]);
    expect(json<ImportJson>(updated).summary).toMatchObject({ created: 0, updated: 10, failed: 0 });
    expect((await getDataRowByGlobalKey(client, "dup-0003")).externalId).toBe("new-dup-3.jpg");
    const failed = await run(["import", file, "--dataset", "Dup", "--json"]);
    expect(failed.code).toBe(4);
    expect(json<ImportJson>(failed).summary).toMatchObject({ failed: 10 });
    expect(await rowsIn(first.datasetId)).toBe(10);
  });

  it("--dry-run reports every problem with its line and sends nothing", async () => {
    writeNdjson(path.join(work, "seed2.ndjson"), [{ rowData: "https://example.com/s.jpg", globalKey: "dry-existing" }]);
    expect((await run(["import", "seed2.ndjson", "--dataset", "Seed2", "--create"])).code).toBe(0);
    const file = writeNdjson(path.join(work, "dry.ndjson"), [
      ...urlRows("dry", 3),
      { rowData: "https://example.com/a.jpg", globalKey: "bad key  with double space" },
      { rowData: "https://example.com/b.jpg", globalKey: "DRY-0000" },
      "[1,2",
      { rowData: "https://example.com/c.jpg", metadataFields: [{ name: "no-such-field", value: "x" }] },
      { globalKey: "no-row-data" },
      { rowData: "https://example.com/d.jpg", globalKey: "dry-existing" },
    ]);
    expect((await run(["datasets", "create", "Dry"])).code).toBe(0);
    const r = await run(["import", file, "--dataset", "Dry", "--dry-run", "--json"]);
    expect(r.code).toBe(4);
    const out = json<{ dryRun: true; total: number; valid: number; invalid: number; existingGlobalKeys: number; problems: { index: number; line: number; code: string; message: string }[] }>(r);
    expect(out).toMatchObject({ dryRun: true, total: 9, valid: 3, invalid: 6, existingGlobalKeys: 1 });
    expect(out.problems.map((p) => [p.line, p.code])).toEqual([
      [4, "INVALID_ROW"],
      [5, "DUPLICATE_GLOBAL_KEY"],
      [6, "UNREADABLE_ROW"],
      [7, "INVALID_ROW"],
      [8, "INVALID_ROW"],
      [9, "DUPLICATE_GLOBAL_KEY"],
    ]);
    expect(out.problems[1]!.message).toContain("row 1");
    expect(out.problems[3]!.message).toContain("no-such-field");
    expect(out.problems[4]!.message).toContain("rowData");
    expect(out.problems[5]!.message).toContain("already belongs to data row");
    const human = await run(["import", file, "--dataset", "Dry", "--dry-run"]);
    expect(human.stdout).toMatch(/^line 6: UNREADABLE_ROW: line 6: not valid JSON/m);
    expect(human.stdout).toContain("Checked 9 rows of");
    const dataset = json<{ rowCount: number }>(await run(["datasets", "get", "Dry", "--json"]));
    expect(dataset.rowCount).toBe(0);
    const clean = writeNdjson(path.join(work, "clean.ndjson"), urlRows("clean", 5));
    expect((await run(["import", clean, "--dataset", "Dry", "--dry-run"])).code).toBe(0);
  });

  it("imports CSV, a JSON array, a folder of files, and stdin", async () => {
    fs.writeFileSync(path.join(work, "rows.csv"), "rowData,globalKey,metadata.tag,attachment.RAW_TEXT.note\nhttps://example.com/c1.jpg,csv-1,red,hello\n./images/dot.png,csv-2,blue,\n");
    const csv = await run(["import", "rows.csv", "--dataset", "Formats", "--create", "--json"]);
    expect(json<ImportJson>(csv).summary).toMatchObject({ total: 2, created: 2 });
    expect((await getDataRowByGlobalKey(client, "csv-1")).metadataFields.find((f) => f.name === "tag")?.value).toBe("red");

    fs.writeFileSync(path.join(work, "rows.json"), JSON.stringify(urlRows("json", 3), null, 2));
    expect(json<ImportJson>(await run(["import", "rows.json", "--dataset", "Formats", "--json"])).summary).toMatchObject({ total: 3, created: 3 });

    const folder = path.join(work, "photos");
    fs.mkdirSync(path.join(folder, "sub"), { recursive: true });
    fs.writeFileSync(path.join(folder, "a.png"), PNG);
    fs.writeFileSync(path.join(folder, "sub", "b.png"), PNG);
    const dir = await run(["import", "photos", "--dataset", "Formats", "--keys-from-paths", "--json"]);
    expect(json<ImportJson>(dir).summary).toMatchObject({ total: 2, created: 2 });
    expect((await getDataRowByGlobalKey(client, "sub/b.png")).externalId).toBe("sub/b.png");

    const stdin = await run(["import", "-", "--dataset", "Formats", "--json"], urlRows("stdin", 4).map((r) => JSON.stringify(r)).join("\n"));
    expect(json<ImportJson>(stdin).summary).toMatchObject({ total: 4, created: 4 });
    const found = await getDataRowIdsForGlobalKeys(client, ["stdin-0000", "stdin-0003"]);
    expect(found.results.every((id) => id !== "")).toBe(true);
  });

  it("imports the rows read before bytes that are not UTF-8, reports the file and line (exit 2), and resumes once mended", async () => {
    // Large enough that the reader has handed over rows before it reaches the bad byte.
    const lines = urlRows("broken", 1200).map((r) => JSON.stringify(r));
    const withByte = (byte: Buffer) =>
      Buffer.concat([Buffer.from(`${lines.slice(0, 1000).join("\n")}\n{"rowData":"https://example.com/broken/`), byte, Buffer.from(`.jpg","globalKey":"broken-1000"}\n${lines.slice(1001).join("\n")}\n`)]);
    fs.writeFileSync(path.join(work, "broken.ndjson"), withByte(Buffer.from([0xff])));
    fs.copyFileSync(path.join(work, "broken.ndjson"), path.join(work, "broken-copy.ndjson"));

    const dry = await run(["import", "broken.ndjson", "--dataset", "Broken", "--create", "--dry-run", "--json"]);
    expect(dry.code).toBe(2);
    const checked = json<{ total: number; error: { code: string; line: number; rowsRead: number } }>(dry);
    expect(checked.error).toMatchObject({ code: "INPUT_READ_FAILED", exitCode: 2, file: "broken.ndjson", line: 1001 });
    expect(checked.total).toBe(checked.error.rowsRead);
    expect(dry.stderr).toContain("error: broken.ndjson: line 1001 is not valid UTF-8");

    const r = await run(["import", "broken.ndjson", "--dataset", "Broken", "--create", "--json"]);
    expect(r.code).toBe(2);
    const out = json<ImportJson & { error: { code: string; message: string; exitCode: number; file: string; line: number; rowsRead: number } }>(r);
    const read = out.error.rowsRead;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(1001);
    // The dry run checked the same rows: all those read before the bad bytes.
    expect(checked.total).toBe(read);
    expect(out.error).toMatchObject({ code: "INPUT_READ_FAILED", exitCode: 2, file: "broken.ndjson", line: 1001 });
    expect(out.error.message).toContain(`broken.ndjson: line 1001 is not valid UTF-8; the file was read no further. The ${read.toLocaleString("en-US")} rows read before it were imported`);
    expect(out.error.message).toContain(`then continue with: lbx import broken.ndjson --dataset ${out.datasetId} --resume`);
    expect(out.summary).toMatchObject({ total: read, created: read, failed: 0 });
    expect(await rowsIn(out.datasetId)).toBe(read);
    expect(r.stderr).toContain("error: broken.ndjson: line 1001 is not valid UTF-8");

    // The same, for a human: the summary on stdout as for any import, the error on stderr. Every
    // row read fails here (its key is taken): the failures file has each, with its line.
    const human = await run(["import", "broken-copy.ndjson", "--dataset", "Broken2", "--create"]);
    expect(human.code).toBe(2);
    expect(human.stdout).toMatch(new RegExp(`^Imported 0 of ${read.toLocaleString("en-US")} rows into Broken2 in .*, ${read.toLocaleString("en-US")} failed\\.$`, "m"));
    expect(human.stderr).toContain("error: broken-copy.ndjson: line 1001 is not valid UTF-8");
    expect(human.stderr).toContain("--resume");
    const failed = readNdjson<FailureLine>(path.join(work, "broken-copy.failures.ndjson"));
    expect(failed.map((f) => f.lbxFailure.line)).toEqual(Array.from({ length: read }, (_, i) => i + 1));
    expect(failed.every((f) => f.lbxFailure.code === "DUPLICATE_GLOBAL_KEY")).toBe(true);

    fs.writeFileSync(path.join(work, "broken.ndjson"), withByte(Buffer.from("x")));
    const resumed = await run(["import", "broken.ndjson", "--dataset", out.datasetId, "--resume", "--json"]);
    expect(resumed.code).toBe(0);
    expect(json<ImportJson>(resumed).summary).toMatchObject({ total: 1200, created: 1200, failed: 0, resumedAt: read });
    const keys = (await iterateDataRows(client, out.datasetId).toArray()).map((row) => row.globalKey);
    expect(keys).toHaveLength(1200);
    expect(new Set(keys).size).toBe(1200);
  });

  it("rejects unusable input with a usage error (exit 2)", async () => {
    expect((await run(["import", "nope.ndjson", "--dataset", "Basic"])).code).toBe(2);
    const ext = await run(["import", "rows.txt", "--dataset", "Basic", "--format", "xml"]);
    expect(ext.code).toBe(2);
    fs.writeFileSync(path.join(work, "rows.txt"), "x");
    const unknownExt = await run(["import", "rows.txt", "--dataset", "Basic"]);
    expect(unknownExt.code).toBe(2);
    expect(unknownExt.stderr).toContain("--format");
    const missingDataset = await run(["import", "basic.ndjson", "--dataset", "No Such Dataset"]);
    expect(missingDataset.code).toBe(5);
    const both = await run(["import", "basic.ndjson", "--dataset", "Basic", "--resume", "--restart"]);
    expect(both.code).toBe(2);
    // CSV and JSON files are read whole before an import starts: a break anywhere is found first.
    fs.writeFileSync(path.join(work, "latin1.csv"), Buffer.concat([Buffer.from("rowData,globalKey\nhttps://example.com/1.jpg,l-1\nhttps://example.com/caf"), Buffer.from([0xe9]), Buffer.from(".jpg,l-2\n")]));
    const latin1 = await run(["import", "latin1.csv", "--dataset", "Basic", "--json"]);
    expect(latin1.code).toBe(2);
    expect(json<{ error: { code: string; message: string } }>(latin1).error).toMatchObject({ code: "USAGE", message: expect.stringMatching(/^Cannot read latin1\.csv: line 3 is not valid UTF-8 /) });
    fs.writeFileSync(path.join(work, "quote.csv"), 'rowData,globalKey\nhttps://example.com/1.jpg,q-1\n"https://example.com/2.jpg,q-2\n');
    const quote = await run(["import", "quote.csv", "--dataset", "Basic"]);
    expect(quote.code).toBe(2);
    expect(quote.stderr).toContain("Cannot read quote.csv: line 3: a quoted field is never closed");
  });
});
