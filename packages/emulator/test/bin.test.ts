// The `lbx-emulator` bin: ready line, --json, flags, errors, and a clean stop on signals.
import { describe, expect, it } from "vitest";
import { DEFAULT_API_KEY } from "../src/index.js";
import { data, gql } from "./helpers/client.js";
import { runBin, startBin } from "./helpers/process.js";

describe("lbx-emulator", () => {
  it("prints one line with its GraphQL URL when ready and stops cleanly on SIGINT", async () => {
    const p = runBin(["--port", "0"]);
    const line = await p.firstLine;
    const url = /(http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(line)?.[1];
    expect(url).toBeDefined();
    expect((await data(url!, DEFAULT_API_KEY, "{user{id}}")).user.id).toMatch(/^c/);
    p.child.kill("SIGINT");
    expect(await p.exited).toBe(0);
  });
  it("--json prints {url, apiKey}; keys come from flags or LBX_EMULATOR_API_KEY; --user adds isolated users; SIGTERM stops it", async () => {
    const p = await startBin(["--user", "Other=other-key", "--limit", "maxRowsPerBulkDelete=1"], { LBX_EMULATOR_API_KEY: "env-key" });
    expect(p.apiKey).toBe("env-key");
    expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const mine = await data(p.url, "env-key", "{organization{name}}");
    const theirs = await data(p.url, "other-key", "{organization{name}}");
    expect([mine.organization.name, theirs.organization.name]).toEqual(["Emulator Organization", "Other"]);
    const limited = await gql(p.url, "env-key", `mutation{deleteDataRows(where: {dataRowIds: ["a", "b"]}){id}}`);
    expect(limited.body.errors?.[0]?.message).toBe("Cannot delete more than 1 data rows at once; got 2");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });
  it("applies --fault flags", async () => {
    const p = await startBin(["--api-key", "k", "--fault", "http:status=503,operation=Broken,times=1"]);
    expect((await gql(p.url, "k", "query Broken{user{id}}")).status).toBe(503);
    expect((await gql(p.url, "k", "query Broken{user{id}}")).status).toBe(200);
    p.child.kill("SIGTERM");
    await p.exited;
  });
  it("explains bad usage and exits 2", async () => {
    for (const args of [["--bogus"], ["--data", "/tmp/x", "--memory"], ["--fault", "http:rate=2"], ["--limit", "nope=1"], ["--port", "-1"]]) {
      const p = runBin(args);
      expect(await p.exited).toBe(2);
      expect(p.stderr()).toMatch(/^lbx-emulator: /);
    }
  });
  it("--help lists the options", async () => {
    const p = runBin(["--help"]);
    expect(await p.firstLine).toBe("Usage: lbx-emulator [options]");
    expect(await p.exited).toBe(0);
  });
});
