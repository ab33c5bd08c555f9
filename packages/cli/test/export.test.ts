import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers/emulator.js";
import { readNdjson, urlRows, writeNdjson } from "./helpers/rows.js";
import { json, lbx, start } from "./helpers/run.js";
import { watch } from "./helpers/watch.js";

interface Exported {
  data_row: { id: string; global_key: string | null; external_id: string | null; row_data: string };
  metadata_fields: { schema_name: string; value: unknown }[];
  attachments: { type: string; value: string }[];
}

let server: TestServer;
let work: string;
beforeAll(async () => {
  server = await startTestServer();
  work = path.join(server.home, "work");
  writeNdjson(path.join(work, "rows.ndjson"), urlRows("exp", 30));
  const r = await lbx(["import", "rows.ndjson", "--dataset", "Export", "--create"], { env: server.env, cwd: work });
  expect(r.code).toBe(0);
});
afterAll(() => server.emulator.close());

const run = (args: string[]) => lbx(args, { env: server.env, cwd: work });

describe("lbx export", () => {
  it("writes every row to a file, with metadata and attachments when asked, and a JSON summary", async () => {
    const r = await run(["export", "--dataset", "Export", "--output", "out/all.ndjson", "--include-metadata", "--include-attachments", "--json"]);
    expect(r.code).toBe(0);
    const out = json<{ rows: number; bytes: number; file: string; taskIds: string[] }>(r);
    expect(out).toMatchObject({ rows: 30, file: path.join(work, "out", "all.ndjson") });
    expect(out.taskIds).toHaveLength(1);
    expect(fs.statSync(out.file).size).toBe(out.bytes);
    expect(fs.existsSync(`${out.file}.partial`)).toBe(false);
    const rows = readNdjson<Exported>(out.file);
    expect(rows.map((x) => x.data_row.global_key).sort()).toEqual(urlRows("exp", 30).map((x) => x.globalKey).sort());
    const seven = rows.find((x) => x.data_row.global_key === "exp-0007")!;
    expect(seven.metadata_fields.map((f) => f.schema_name).sort()).toEqual(["split", "tag"]);
    expect(seven.attachments).toEqual([expect.objectContaining({ type: "RAW_TEXT", value: "row 7" })]);
  });

  it("streams NDJSON to stdout (the summary on stderr), and filters by global keys", async () => {
    const all = await run(["data-rows", "export", "--dataset", "Export"]);
    expect(all.code).toBe(0);
    expect(all.stdout.trimEnd().split("\n")).toHaveLength(30);
    expect(all.stderr).toContain("Exported 30 rows of Export");
    const lines = all.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Exported);
    expect(lines[0]!.metadata_fields).toEqual([]);

    fs.writeFileSync(path.join(work, "keys.txt"), "exp-0001\nexp-0002\n# a comment\nexp-0029\n");
    const some = await run(["export", "--dataset", "Export", "--global-keys", "keys.txt", "-o", "some.ndjson", "--json"]);
    expect(json<{ rows: number }>(some).rows).toBe(3);
    expect(readNdjson<Exported>(path.join(work, "some.ndjson")).map((x) => x.data_row.global_key).sort()).toEqual(["exp-0001", "exp-0002", "exp-0029"]);
  });

  it("feeds `data-rows delete --from-file -`", async () => {
    fs.writeFileSync(path.join(work, "one.txt"), "exp-0005\n");
    const one = await run(["export", "--dataset", "Export", "--global-keys", "one.txt"]);
    const del = await lbx(["data-rows", "delete", "--from-file", "-", "--yes", "--json"], { env: server.env, cwd: work, input: one.stdout });
    expect(json(del)).toMatchObject({ deleted: 1 });
    const after = await run(["export", "--dataset", "Export", "--json", "-o", "after.ndjson"]);
    expect(json<{ rows: number }>(after).rows).toBe(29);
  });

  it("refuses an output that is a folder or goes through a file before exporting (exit 2), leaving no .partial", async () => {
    fs.mkdirSync(path.join(work, "a-folder"), { recursive: true });
    const folder = await run(["export", "--dataset", "Export", "-o", "a-folder", "--json"]);
    expect(folder.code).toBe(2);
    expect(json(folder)).toEqual({ error: { code: "USAGE", message: expect.stringContaining("a-folder is a folder: give --output a file name"), exitCode: 2 } });
    expect(folder.stderr).not.toMatch(/EISDIR|Exported/);
    expect(fs.existsSync(path.join(work, "a-folder.partial"))).toBe(false);

    fs.writeFileSync(path.join(work, "a-file.ndjson"), "kept\n");
    const throughFile = await run(["export", "--dataset", "Export", "-o", "a-file.ndjson/x.ndjson"]);
    expect(throughFile.code).toBe(2);
    expect(throughFile.stderr).toContain("Cannot write a-file.ndjson/x.ndjson: a part of that path is a file");
    expect(throughFile.stderr).not.toMatch(/EEXIST/);
    expect(fs.readFileSync(path.join(work, "a-file.ndjson"), "utf8")).toBe("kept\n");
  });

  it("removes the .partial file when the final rename fails", async () => {
    // Slow downloads, so that the target can turn into a folder while the export runs.
    server.emulator.faults.set({ rules: [{ kind: "latency", operation: "download", ms: 1500 }] });
    try {
      const target = path.join(work, "late.ndjson");
      const child = watch(start(["export", "--dataset", "Export", "-o", "late.ndjson"], { env: server.env, cwd: work }));
      for (let waited = 0; !fs.existsSync(`${target}.partial`); waited += 20) {
        if (waited > 20_000) throw new Error(`no .partial file\n${child.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      fs.mkdirSync(path.join(target, "inside"), { recursive: true });
      expect((await child.exited).code).toBe(1);
      expect(child.stderr()).toContain("Cannot write late.ndjson:");
      expect(fs.existsSync(`${target}.partial`)).toBe(false);
    } finally {
      server.emulator.faults.clear();
    }
  });

  it("refuses --json without --output and unknown datasets", async () => {
    const r = await run(["export", "--dataset", "Export", "--json"]);
    expect(r.code).toBe(2);
    expect(json(r)).toMatchObject({ error: { code: "USAGE" } });
    expect((await run(["export", "--dataset", "Nope", "-o", "x.ndjson"])).code).toBe(5);
    expect(fs.existsSync(path.join(work, "x.ndjson"))).toBe(false);
  });
});
