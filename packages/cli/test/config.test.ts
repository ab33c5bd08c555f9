// Where the key and endpoint come from, the config file's mode, and authentication exit codes.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers/emulator.js";
import { json, lbx, sandbox } from "./helpers/run.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.emulator.close());

describe("lbx config", () => {
  it("saves key and endpoint from stdin with mode 0600, and uses them with no environment", async () => {
    const box = sandbox();
    const set = await lbx(["--endpoint", server.emulator.url, "config", "set", "--api-key-stdin", "--json"], { env: box.env, input: `${server.apiKey}\n` });
    expect(set.code).toBe(0);
    expect(json(set)).toEqual({ path: box.env.LBX_CONFIG, saved: { apiKey: true, endpoint: server.emulator.url } });
    expect(fs.statSync(box.env.LBX_CONFIG).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(box.env.LBX_CONFIG, "utf8"))).toEqual({ apiKey: server.apiKey, endpoint: server.emulator.url });

    const list = await lbx(["datasets", "list", "--json"], { env: box.env });
    expect(list.code).toBe(0);
    expect(Array.isArray(json(list))).toBe(true);

    const show = await lbx(["config", "show", "--json"], { env: box.env });
    expect(json(show)).toEqual({ path: box.env.LBX_CONFIG, endpoint: server.emulator.url, endpointSource: "config file", apiKey: { set: true, source: "config file" } });
    const human = await lbx(["config", "show"], { env: box.env });
    expect(human.stdout).toMatch(/^API key\s+set \(from config file\)$/m);
  });

  it("copies a key from --api-key-file and tightens a pre-existing file to 0600", async () => {
    const box = sandbox();
    fs.writeFileSync(box.env.LBX_CONFIG, "{}\n", { mode: 0o644 });
    const keyFile = path.join(box.home, "key.txt");
    fs.writeFileSync(keyFile, `\n  ${server.apiKey}  \n`);
    const set = await lbx(["config", "set", "--api-key-file", keyFile], { env: box.env });
    expect(set.code).toBe(0);
    expect(set.stderr).toContain("can be read by other users");
    expect(fs.statSync(box.env.LBX_CONFIG).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(box.env.LBX_CONFIG, "utf8")).apiKey).toBe(server.apiKey);
  });

  it("prefers --api-key-file over LABELBOX_API_KEY over the config file", async () => {
    const box = sandbox();
    fs.writeFileSync(box.env.LBX_CONFIG, JSON.stringify({ apiKey: "config-file-key-that-is-wrong" }), { mode: 0o600 });
    const env = { ...box.env, LBX_ENDPOINT: server.emulator.url };
    // The config file's (wrong) key alone fails...
    expect((await lbx(["datasets", "list"], { env })).code).toBe(3);
    // ...the environment's key wins over it...
    expect((await lbx(["datasets", "list"], { env: { ...env, LABELBOX_API_KEY: server.apiKey } })).code).toBe(0);
    // ...and --api-key-file wins over the environment.
    const keyFile = path.join(box.home, "right.txt");
    fs.writeFileSync(keyFile, server.apiKey);
    expect((await lbx(["datasets", "list", "--api-key-file", keyFile], { env: { ...env, LABELBOX_API_KEY: "env-key-that-is-wrong" } })).code).toBe(0);
    const show = json<{ apiKey: { source: string } }>(await lbx(["config", "show", "--json", "--api-key-file", keyFile], { env }));
    expect(show.apiKey.source).toBe("--api-key-file");
  });

  it("exits 3 with advice when there is no key or the key is wrong", async () => {
    const box = sandbox();
    const none = await lbx(["datasets", "list", "--endpoint", server.emulator.url], { env: box.env });
    expect(none.code).toBe(3);
    expect(none.stderr).toContain("No API key. Set LABELBOX_API_KEY");
    const wrong = await lbx(["datasets", "list", "--json"], { env: { ...server.env, LABELBOX_API_KEY: "wrong-key-0123456789" } });
    expect(wrong.code).toBe(3);
    expect(json(wrong)).toMatchObject({ error: { code: "AUTHENTICATION_ERROR", exitCode: 3 } });
    expect(wrong.stderr).toContain("Check LABELBOX_API_KEY");
  });

  it("reports unusable config and key files as usage errors naming the file", async () => {
    const box = sandbox();
    fs.writeFileSync(box.env.LBX_CONFIG, JSON.stringify({ apiKey: "k".repeat(20), endpont: "typo" }), { mode: 0o600 });
    const bad = await lbx(["datasets", "list"], { env: box.env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`The config file ${box.env.LBX_CONFIG} is invalid`);
    const missing = await lbx(["datasets", "list", "--api-key-file", path.join(box.home, "nope.txt")], { env: { ...box.env, LBX_CONFIG: path.join(box.home, "none.json") } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Cannot read the API key file");
    const unreachable = await lbx(["datasets", "list", "--endpoint", "ftp://x"], { env: server.env });
    expect(unreachable.code).toBe(2);
  });

  it("exits 1 when the endpoint does not answer", async () => {
    const r = await lbx(["datasets", "list", "--endpoint", "http://127.0.0.1:9/graphql", "--json"], { env: server.env, timeoutMs: 120_000 });
    expect(r.code).toBe(1);
    expect(json(r)).toMatchObject({ error: { code: "NETWORK_ERROR" } });
  }, 120_000);
});
