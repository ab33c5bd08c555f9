// The README's first command runs `lbx quickstart` on the bundled example: check that it really
// imports, uploads, looks up and exports, and that its numbers agree with the files.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readNdjson } from "./helpers/rows.js";
import { json, lbx, sandbox } from "./helpers/run.js";

const repo = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));

interface Summary {
  imported: number;
  created: number;
  failed: number;
  uploadedFiles: number;
  lookup: { globalKey: string; dataRowId: string; metadataFields: number; attachments: number };
  exportFile: string;
  exportedRows: number;
  dataDir: string | null;
  seconds: number;
}

describe("lbx quickstart", () => {
  it("imports the 1,200 example rows (3 local images uploaded), looks one up, exports them all", async () => {
    const box = sandbox();
    const out = path.join(box.home, "export.ndjson");
    // From a folder inside the repository: the example is found by walking up.
    const r = await lbx(["quickstart", "--out", out, "--json"], { env: { ...box.env, LABELBOX_API_KEY: undefined }, cwd: path.join(repo, "packages"), timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const s = json<Summary>(r);
    expect(s).toMatchObject({ imported: 1200, created: 1200, failed: 0, uploadedFiles: 3, exportedRows: 1200, exportFile: out, dataDir: null });
    expect(s.lookup).toMatchObject({ globalKey: "quickstart-00000", metadataFields: 3, attachments: 2 });
    const rows = readNdjson<{ data_row: { global_key: string }; metadata_fields: unknown[]; attachments: { type: string }[] }>(out);
    expect(rows).toHaveLength(1200);
    expect(new Set(rows.map((x) => x.data_row.global_key)).size).toBe(1200);
    expect(rows.every((x) => x.metadata_fields.length === 3)).toBe(true);
    expect(new Set(rows.flatMap((x) => x.attachments.map((a) => a.type)))).toEqual(new Set(["IMAGE_OVERLAY", "RAW_TEXT"]));
    expect(r.stderr).toContain("5/5 Exported 1,200 rows");
    // The temporary emulator folder is gone.
    expect(fs.readdirSync(box.home)).toEqual(["export.ndjson"]);
  }, 120_000);

  it("prints a human summary, and keeps the data folder with --data for later --local commands", async () => {
    const box = sandbox();
    const data = path.join(box.home, "qs-data");
    const r = await lbx(["quickstart", "--data", data, "--out", path.join(box.home, "e.ndjson")], { env: box.env, cwd: repo, timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^rows imported\s+1,200 \(1,200 created, 0 updated; 3 local images uploaded\)$/m);
    expect(r.stdout).toMatch(/^rows failed\s+0$/m);
    expect(r.stdout).toMatch(/^export\s+.*e\.ndjson \(1,200 rows\)$/m);
    const list = json<{ name: string; rowCount: number }[]>(await lbx(["--local", "--data", data, "datasets", "list", "--json"], { env: box.env }));
    expect(list).toEqual([expect.objectContaining({ name: "Quickstart", rowCount: 1200 })]);
  }, 120_000);
});
