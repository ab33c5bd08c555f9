import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers/emulator.js";
import { json, lbx } from "./helpers/run.js";

interface Dataset {
  id: string;
  name: string;
  description: string | null;
  rowCount: number | null;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.emulator.close());

describe("lbx datasets", () => {
  it("creates, lists, gets and deletes a dataset, with --json results that parse", async () => {
    const created = await lbx(["datasets", "create", "Birds", "--description", "bird pictures", "--json"], { env: server.env });
    expect(created.code).toBe(0);
    const dataset = json<Dataset>(created);
    expect(dataset).toMatchObject({ name: "Birds", description: "bird pictures", rowCount: 0 });
    expect(dataset.id).toMatch(/^c[a-z0-9]{24}$/);

    const list = json<Dataset[]>(await lbx(["--json", "datasets", "list"], { env: server.env }));
    expect(list.map((d) => d.id)).toContain(dataset.id);

    const byName = json<Dataset>(await lbx(["datasets", "get", "Birds", "--json"], { env: server.env }));
    const byId = json<Dataset>(await lbx(["datasets", "get", dataset.id, "--json"], { env: server.env }));
    expect(byName.id).toBe(dataset.id);
    expect(byId.name).toBe("Birds");

    const deleted = await lbx(["datasets", "delete", "Birds", "--yes", "--json"], { env: server.env });
    expect(deleted.code).toBe(0);
    expect(json(deleted)).toEqual({ deleted: dataset.id, name: "Birds" });
    const after = await lbx(["datasets", "get", dataset.id, "--json"], { env: server.env });
    expect(after.code).toBe(5);
    expect(json(after)).toMatchObject({ error: { code: "NOT_FOUND", exitCode: 5 } });
  });

  it("prints plain tab-separated lines when stdout is not a terminal", async () => {
    await lbx(["datasets", "create", "Plain"], { env: server.env });
    const r = await lbx(["datasets", "list", "--name", "Plain"], { env: server.env });
    expect(r.code).toBe(0);
    const [header, row, extra] = r.stdout.trimEnd().split("\n");
    expect(header).toBe("ID\tNAME\tROWS\tCREATED");
    expect(row?.split("\t")[1]).toBe("Plain");
    expect(extra).toBeUndefined();
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("refuses an ambiguous name with the ids to choose from (exit 2)", async () => {
    const a = json<Dataset>(await lbx(["datasets", "create", "Twin", "--json"], { env: server.env }));
    const b = json<Dataset>(await lbx(["datasets", "create", "Twin", "--json"], { env: server.env }));
    const r = await lbx(["datasets", "get", "Twin"], { env: server.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(a.id);
    expect(r.stderr).toContain(b.id);
    expect(r.stdout).toBe("");
  });

  it("does not delete without --yes when nobody can be asked (exit 2), and keeps the dataset", async () => {
    const d = json<Dataset>(await lbx(["datasets", "create", "Keep", "--json"], { env: server.env }));
    const r = await lbx(["datasets", "delete", d.id], { env: server.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pass --yes/);
    expect((await lbx(["datasets", "get", d.id], { env: server.env })).code).toBe(0);
  });

  it("reports a missing dataset as not found (exit 5) and a missing argument as usage (exit 2)", async () => {
    const missing = await lbx(["datasets", "get", "No Such Dataset"], { env: server.env });
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('No dataset with id or name "No Such Dataset"');
    const usage = await lbx(["datasets", "create"], { env: server.env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("missing required argument 'name'");
  });
});
