// --local: an embedded emulator on a persistent folder, so commands work across invocations
// with no server running and no key.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readNdjson, urlRows, writeNdjson } from "./helpers/rows.js";
import { json, lbx, sandbox } from "./helpers/run.js";

describe("lbx --local", () => {
  it("imports in one run and exports in the next from the same data folder, with no key", async () => {
    const box = sandbox();
    const env = { ...box.env, LABELBOX_API_KEY: undefined };
    const data = path.join(box.home, "lbx-data");
    writeNdjson(path.join(box.home, "rows.ndjson"), urlRows("local", 25));
    const imported = await lbx(["--local", "--data", data, "import", "rows.ndjson", "--dataset", "Local", "--create", "--json"], { env, cwd: box.home });
    expect(imported.code).toBe(0);
    expect(json<{ summary: { created: number } }>(imported).summary.created).toBe(25);
    expect(fs.existsSync(data)).toBe(true);

    const exported = await lbx(["export", "--dataset", "Local", "-o", "out.ndjson", "--local", "--data", data], { env, cwd: box.home });
    expect(exported.code).toBe(0);
    expect(readNdjson(path.join(box.home, "out.ndjson"))).toHaveLength(25);

    // LBX_LOCAL_DATA is the default folder (the sandbox sets it): empty there.
    const other = await lbx(["--local", "datasets", "list", "--json"], { env, cwd: box.home });
    expect(json(other)).toEqual([]);
  });

  it("cannot be combined with --endpoint", async () => {
    const r = await lbx(["--local", "--endpoint", "http://127.0.0.1:1/graphql", "datasets", "list"], { env: sandbox().env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--local");
  });
});
