// Faults on demand over real HTTP: per-operation 5xx, 429 with Retry-After, dropped connections,
// latency, injected GraphQL errors, bodies that are not JSON, failing and never-finishing tasks;
// set from options or the authenticated control endpoint; deterministic for a seed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { download, gql, upload } from "./helpers/client.js";
import { createDataset, startUpsert, task, waitForTask } from "./helpers/flows.js";

let emu: RunningEmulator;
let url: string;
let key: string;
let control: string;
beforeAll(async () => {
  emu = await startEmulator();
  ({ url, apiKey: key } = emu);
  control = `${new URL(url).origin}/_emulator/faults`;
});
afterEach(() => emu.faults.clear());
afterAll(() => emu.close());

const post = (body: unknown) => fetch(control, { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
const named = (name: string) => `query ${name}{user{id}}`;

describe("request faults", () => {
  it("HTTP 5xx for one operation only, with an INTERNAL_SERVER_ERROR envelope carrying the status", async () => {
    expect((await post({ rules: [{ kind: "http", status: 503, operation: "Broken" }] })).status).toBe(200);
    const broken = await gql(url, key, named("Broken"));
    expect(broken.status).toBe(503);
    expect(broken.body.errors?.[0]?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", exception: { status: 503 } });
    expect((await gql(url, key, named("Fine"))).status).toBe(200);
  });
  it("429 with Retry-After and the cloud's 'You have exceeded' message", async () => {
    await post({ rules: [{ kind: "rate-limit", retryAfter: 3, times: 1 }] });
    const res = await fetch(url, { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body: JSON.stringify({ query: "{user{id}}" }) });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
    expect(((await res.json()) as { message: string }).message).toMatch(/^You have exceeded/);
    expect((await gql(url, key, "{user{id}}")).status).toBe(200);
  });
  it("dropped connections and added latency", async () => {
    await post({ rules: [{ kind: "drop", operation: "Dropped" }] });
    await expect(gql(url, key, named("Dropped"))).rejects.toThrow();
    await post({ rules: [{ kind: "latency", ms: 250 }] });
    const started = Date.now();
    expect((await gql(url, key, named("Slow"))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });
  it("injected GraphQL errors and non-JSON bodies", async () => {
    await post({ rules: [{ kind: "graphql-error", code: "RESOURCE_CONFLICT", times: 1 }, { kind: "graphql-error", code: "INTERNAL_SERVER_ERROR", status: 422, times: 1 }, { kind: "bad-body", times: 1 }] });
    expect((await gql(url, key, "{user{id}}")).body.errors?.[0]?.extensions).toEqual({ code: "RESOURCE_CONFLICT" });
    expect((await gql(url, key, "{user{id}}")).body.errors?.[0]?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", exception: { status: 422 } });
    await expect(gql(url, key, "{user{id}}")).rejects.toThrow(/Non-JSON response \(200\): not json/);
  });
  it("faults on file downloads", async () => {
    const fileUrl = await upload(url, key, "x");
    await post({ rules: [{ kind: "http", status: 502, operation: "download", body: "text", times: 1 }] });
    const first = await download(fileUrl);
    expect(first.status).toBe(502);
    expect(first.text).toBe("Bad Gateway");
    expect((await download(fileUrl)).text).toBe("x");
  });
  it("are deterministic for a seed", async () => {
    const statuses = async () => {
      await post({ seed: 42, rules: [{ kind: "http", status: 500, rate: 0.5 }] });
      const out: number[] = [];
      for (let i = 0; i < 16; i++) out.push((await gql(url, key, "{user{id}}")).status);
      return out;
    };
    const a = await statuses();
    const b = await statuses();
    expect(a).toEqual(b);
    expect(a).toContain(500);
    expect(a).toContain(200);
  });
  it("the control endpoint validates, shows, appends and clears rules", async () => {
    const bad = await post({ rules: [{ kind: "http" }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe("rules[0].status is required for http faults");
    await post({ rules: [{ kind: "latency", ms: 1 }] });
    await post({ append: true, rules: [{ kind: "drop", times: 2 }] });
    const shown = (await (await fetch(control, { headers: { Authorization: `Bearer ${key}` } })).json()) as { rules: unknown[] };
    expect(shown.rules).toEqual([{ kind: "latency", ms: 1 }, { kind: "drop", times: 2 }]);
    await fetch(control, { method: "DELETE", headers: { Authorization: `Bearer ${key}` } });
    expect(emu.faults.get().rules).toEqual([]);
  });
});

describe("task faults", () => {
  it("task-fail ends the matching task FAILED; task-hang leaves it IN_PROGRESS", async () => {
    const ds = await createDataset(url, key);
    const specs = [{ id: { type: "AUTO", value: "" }, payload: { row_data: "https://e.com/1.jpg", dataset_id: ds } }];
    await post({ rules: [{ kind: "task-fail", operation: "adv-upsert-data-rows", times: 1 }] });
    const failed = await waitForTask(url, key, await startUpsert(url, key, specs));
    expect(failed.status).toBe("FAILED");
    await post({ rules: [{ kind: "task-hang", times: 1 }] });
    const hung = await startUpsert(url, key, specs);
    await new Promise((r) => setTimeout(r, 300));
    expect((await task(url, key, hung))?.status).toBe("IN_PROGRESS");
    expect((await waitForTask(url, key, await startUpsert(url, key, specs))).status).toBe("COMPLETE");
  });
  it("faults given at start apply from the first request", async () => {
    const e = await startEmulator({ faults: { rules: [{ kind: "http", status: 500, times: 1 }] } });
    try {
      expect((await gql(e.url, e.apiKey, "{user{id}}")).status).toBe(500);
      expect((await gql(e.url, e.apiKey, "{user{id}}")).status).toBe(200);
    } finally {
      await e.close();
    }
  });
});
