// The API key appears in no output of any command: results, progress, warnings, errors, debug
// stack traces, and server messages that echo it back.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers/emulator.js";
import { urlRows, writeNdjson } from "./helpers/rows.js";
import { json, lbx, type RunResult, sandbox } from "./helpers/run.js";

let server: TestServer;
let work: string;
const results: { args: string[]; r: RunResult }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  work = path.join(server.home, "work");
  fs.mkdirSync(work, { recursive: true });
});
afterAll(() => server.emulator.close());

/** Runs lbx and records its output for the leak check. */
async function run(args: string[], env: Record<string, string | undefined> = server.env, input?: string): Promise<RunResult> {
  const r = await lbx(args, { env, cwd: work, ...(input !== undefined ? { input } : {}) });
  results.push({ args, r });
  return r;
}

function expectNoLeak(secret: string): void {
  // The random part alone, so a key cut in two or re-encoded around it is caught too.
  const core = secret.slice(-24);
  for (const { args, r } of results) {
    expect(r.stdout, `stdout of lbx ${args.join(" ")}`).not.toContain(core);
    expect(r.stderr, `stderr of lbx ${args.join(" ")}`).not.toContain(core);
  }
}

describe("the API key", () => {
  it("is in no output of any command, success or failure", async () => {
    writeNdjson(path.join(work, "rows.ndjson"), [...urlRows("s", 5), { rowData: "https://example.com/x.jpg", metadataFields: [{ name: "split", value: "nope" }] }]);
    const ds = json<{ id: string }>(await run(["datasets", "create", "Secrets", "--json"]));
    expect((await run(["import", "rows.ndjson", "--dataset", "Secrets"])).code).toBe(4);
    // Commands that change nothing run side by side.
    await Promise.all([
      run(["datasets", "list"]),
      run(["datasets", "get", "Secrets", "--json"]),
      run(["import", "rows.ndjson", "--dataset", "Secrets", "--dry-run"]),
      run(["export", "--dataset", "Secrets", "--include-metadata"]),
      run(["export", "--dataset", "Secrets", "-o", "e.ndjson", "--json"]),
      run(["data-rows", "get", "--global-key", "s-0001"]),
      run(["data-rows", "get", "--global-key", "missing"]),
      run(["data-rows", "update", "cnosuchrow000000000000000", "--external-id", "x"]),
      run(["global-keys", "lookup", "s-0001", "missing"]),
      run(["metadata", "schemas"]),
      run(["tasks", "get", "cnosuchtask00000000000000"]),
      run(["config", "show"]),
      run(["config", "show", "--json"]),
      run(["datasets", "lst"]),
      run(["datasets", "delete", ds.id]),
    ]);
    await run(["import", "rows.ndjson", "--dataset", "Secrets", "--on-duplicate", "update", "--json"]);
    await run(["data-rows", "delete", "--global-keys", "s-0002", "missing", "--yes"]);
    await run(["global-keys", "clear", "s-0003"]);
    await run(["metadata", "schemas", "create", "secret-field", "--kind", "number", "--json"]);
    await run(["datasets", "delete", ds.id, "--yes"]);
    expect(results.length).toBeGreaterThanOrEqual(22);
    expectNoLeak(server.apiKey);
  });

  it("is redacted from server messages that echo it, also in debug stack traces", async () => {
    server.emulator.faults.set({ rules: [{ kind: "graphql-error", code: "INTERNAL_SERVER_ERROR", status: 500, message: `invalid token ${server.apiKey} for request`, times: 20 }] });
    try {
      const r = await run(["datasets", "list", "--json"], { ...server.env, LBX_DEBUG: "1" });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/invalid token \[redacted\] for request|invalid token \[REDACTED\] for request/i);
    } finally {
      server.emulator.faults.clear();
    }
    server.emulator.faults.set({ rules: [{ kind: "http", status: 502, body: "text", message: `upstream said Bearer ${server.apiKey}`, times: 20 }] });
    try {
      const r = await run(["datasets", "list"], { ...server.env, LBX_DEBUG: "1" });
      expect(r.code).toBe(1);
    } finally {
      server.emulator.faults.clear();
    }
    expectNoLeak(server.apiKey);
  });

  it("is redacted even from data that contains it (every byte printed goes through the redactor)", async () => {
    writeNdjson(path.join(work, "leaky.ndjson"), [{ rowData: "https://example.com/leak.jpg", globalKey: "leaky-1", externalId: `pasted ${server.apiKey} by mistake` }]);
    expect((await run(["import", "leaky.ndjson", "--dataset", "Leaky", "--create"])).code).toBe(0);
    const get = await run(["data-rows", "get", "--global-key", "leaky-1", "--json"]);
    expect(json<{ externalId: string }>(get).externalId).toBe("pasted [redacted] by mistake");
    const exported = await run(["export", "--dataset", "Leaky"]);
    expect(exported.stdout).toContain("pasted [redacted] by mistake");
    // A file is not printed: `-o` holds the rows exactly as the server sent them.
    expect((await run(["export", "--dataset", "Leaky", "-o", "leaky-export.ndjson"])).code).toBe(0);
    expect(fs.readFileSync(path.join(work, "leaky-export.ndjson"), "utf8")).toContain(`pasted ${server.apiKey} by mistake`);
    expectNoLeak(server.apiKey);
  });

  it("leaves data that merely looks like a token alone, while errors still hide bearer tokens", async () => {
    // Rows are data: only the key itself is replaced in them, never text shaped like a credential.
    const externalId = "Authorization: Bearer abcdefghijkl";
    writeNdjson(path.join(work, "bearer.ndjson"), [{ rowData: "https://example.com/bearer.jpg", globalKey: "bearer-1", externalId }]);
    expect((await run(["import", "bearer.ndjson", "--dataset", "Bearer", "--create"])).code).toBe(0);
    const exported = await run(["export", "--dataset", "Bearer"]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).data_row.external_id).toBe(externalId);
    expect(json<{ externalId: string }>(await run(["data-rows", "get", "--global-key", "bearer-1", "--json"])).externalId).toBe(externalId);
    expect((await run(["data-rows", "get", "--global-key", "bearer-1"])).stdout).toMatch(/^external id\s+Authorization: Bearer abcdefghijkl$/m);

    // Diagnostics: a token the CLI was never told about, quoted by a server message.
    server.emulator.faults.set({ rules: [{ kind: "graphql-error", code: "FORBIDDEN", status: 403, message: "proxy saw Bearer zyxwvutsrqponm", times: 20 }] });
    try {
      const failed = await run(["datasets", "list", "--json"], { ...server.env, LBX_DEBUG: "1" });
      expect(failed.code).not.toBe(0);
      expect(failed.stderr).toContain("proxy saw Bearer [redacted]");
      expect(json<{ error: { message: string } }>(failed).error.message).toContain("proxy saw Bearer [redacted]");
      expect(failed.stdout + failed.stderr).not.toContain("zyxwvutsrqponm");
    } finally {
      server.emulator.faults.clear();
    }
    expectNoLeak(server.apiKey);
  });

  it("is never printed when it is wrong, read from a file, saved to the config, or the endpoint is down", async () => {
    const wrong = "lbx-test-secret-wrongwrongwrongwrong0123";
    expect((await run(["datasets", "list"], { ...server.env, LABELBOX_API_KEY: wrong, LBX_DEBUG: "1" })).code).toBe(3);
    expect((await run(["import", "rows.ndjson", "--dataset", "Secrets", "--json"], { ...server.env, LABELBOX_API_KEY: wrong })).code).toBe(3);
    expectNoLeak(wrong);

    const box = sandbox();
    const keyFile = path.join(box.home, "key.txt");
    fs.writeFileSync(keyFile, `${server.apiKey}\n`);
    const viaFile = { ...box.env, LBX_ENDPOINT: server.emulator.url };
    expect((await run(["datasets", "list", "--api-key-file", keyFile], viaFile)).code).toBe(0);
    expect((await run(["--api-key-file", keyFile, "datasets", "list", "--endpoint", "http://127.0.0.1:9/graphql"], viaFile)).code).toBe(1);
    expect((await run(["config", "set", "--api-key-stdin"], box.env, `${server.apiKey}\n`)).code).toBe(0);
    expect((await run(["config", "show"], box.env)).code).toBe(0);
    // A config file that is wrong in a way that makes the reader quote it.
    fs.writeFileSync(box.env.LBX_CONFIG, JSON.stringify({ apiKey: server.apiKey, endpoint: server.apiKey }), { mode: 0o600 });
    expect((await run(["datasets", "list"], box.env)).code).toBe(2);
    fs.writeFileSync(box.env.LBX_CONFIG, `{"apiKey": "${server.apiKey}"`, { mode: 0o600 });
    expect((await run(["datasets", "list"], box.env)).code).toBe(2);
    expectNoLeak(server.apiKey);
  });
});
