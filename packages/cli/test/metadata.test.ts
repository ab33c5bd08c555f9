import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers/emulator.js";
import { json, lbx } from "./helpers/run.js";

interface Schema {
  id: string;
  name: string;
  kind: string;
  reserved: boolean;
  options: { id: string; name: string }[];
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.emulator.close());

describe("lbx metadata schemas", () => {
  it("lists the reserved fields (list is the default subcommand)", async () => {
    const r = await lbx(["metadata", "schemas", "--json"], { env: server.env });
    expect(r.code).toBe(0);
    const byName = new Map(json<Schema[]>(r).map((s) => [s.name, s]));
    expect(byName.get("split")).toMatchObject({ kind: "CustomMetadataEnum", reserved: true });
    expect(byName.get("split")!.options.map((o) => o.name)).toEqual(["train", "valid", "test"]);
    expect(byName.get("tag")?.kind).toBe("CustomMetadataString");
  });

  it("creates an enum and a string field, then deletes one", async () => {
    const e = await lbx(["metadata", "schemas", "create", "weather", "--kind", "enum", "--option", "sunny", "--option", "rainy", "--json"], { env: server.env });
    expect(e.code).toBe(0);
    expect(json<Schema>(e)).toMatchObject({ name: "weather", kind: "CustomMetadataEnum", reserved: false, options: [{ name: "sunny" }, { name: "rainy" }] });
    const s = await lbx(["metadata", "schemas", "create", "camera", "--kind", "string"], { env: server.env });
    expect(s.stdout).toMatch(/^Created metadata field camera \(string, c[a-z0-9]+\)\.$/m);

    const list = await lbx(["metadata", "schemas", "list"], { env: server.env });
    expect(list.stdout).toMatch(/^weather\tenum\t\tsunny, rainy\t/m);

    const d = await lbx(["metadata", "schemas", "delete", "camera", "--yes", "--json"], { env: server.env });
    expect(d.code).toBe(0);
    const names = json<Schema[]>(await lbx(["metadata", "schemas", "--json"], { env: server.env })).map((x) => x.name);
    expect(names).toContain("weather");
    expect(names).not.toContain("camera");
  });

  it("checks arguments before calling the server", async () => {
    const noOptions = await lbx(["metadata", "schemas", "create", "x", "--kind", "enum"], { env: server.env });
    expect(noOptions.code).toBe(2);
    expect(noOptions.stderr).toContain("needs at least one --option");
    const badKind = await lbx(["metadata", "schemas", "create", "x", "--kind", "colour"], { env: server.env });
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain("Allowed choices are string, number, datetime, enum, embedding");
    const reserved = await lbx(["metadata", "schemas", "delete", "split", "--yes"], { env: server.env });
    expect(reserved.code).toBe(2);
    expect(reserved.stderr).toContain("reserved");
    const unknown = await lbx(["metadata", "schemas", "delete", "nope", "--yes"], { env: server.env });
    expect(unknown.code).toBe(5);
  });
});
