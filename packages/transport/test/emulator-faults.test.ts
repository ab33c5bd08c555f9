// The recommended stack against the lbx emulator's fault injection: the failures the Labelbox
// cloud produces (429 with Retry-After, dropped connections, 5xx, latency), served by a real
// Labelbox-compatible GraphQL server on 127.0.0.1.
import { type RunningEmulator, startEmulator } from "@lbx/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDefaultTransport } from "../src/default-transport.js";
import type { TransportEvent } from "../src/events.js";
import { fetchTransport } from "../src/fetch.js";
import type { OperationInfo, Transport } from "../src/types.js";
import { type UndiciTransport, undiciTransport } from "../src/undici.js";

let emulator: RunningEmulator;
const undici: UndiciTransport[] = [];
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await Promise.all(undici.map((t) => t.close()));
  await emulator.close();
});
beforeEach(() => emulator.faults.clear());

const GET_USER: OperationInfo = { name: "GetUserPyApi", kind: "query", idempotent: true };
const body = JSON.stringify({ query: "query GetUserPyApi { user { id email } }", variables: {} });

describe.each([
  ["fetch", (): Transport => fetchTransport()],
  ["undici", (): Transport => (undici.push(undiciTransport()), undici.at(-1) as UndiciTransport)],
])("createDefaultTransport over %s against emulator faults", (_, makeTransport) => {
  const send = (operation: OperationInfo, options: { timeoutMs?: number } = {}) => {
    const events: TransportEvent[] = [];
    const transport = createDefaultTransport({
      apiKey: emulator.apiKey,
      transport: makeTransport(),
      retry: { maxAttempts: 4, baseDelayMs: 20 },
      onEvent: (e) => events.push(e),
      ...options,
    });
    const call = transport({ url: emulator.url, method: "POST", headers: { "content-type": "application/json" }, body, operation });
    return { call, events };
  };

  it("gets through a 429 with Retry-After, a dropped connection and a 503, in that order", async () => {
    emulator.faults.set({
      rules: [
        { kind: "rate-limit", operation: "GetUserPyApi", times: 1, retryAfter: 0.05 },
        { kind: "drop", operation: "GetUserPyApi", times: 1 },
        { kind: "http", operation: "GetUserPyApi", status: 503, times: 1 },
      ],
    });
    const { call, events } = send(GET_USER);
    const response = await call;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { user: { id: string } } }).data.user.id).toBeTruthy();
    expect(events.filter((e) => e.type === "retry").map((e) => e.type === "retry" && [e.cause, e.delaySource])).toEqual([
      ["status 429", "retry-after"],
      ["NETWORK_ERROR", "backoff"],
      ["status 503", "backoff"],
    ]);
    expect(events.find((e) => e.type === "retry")).toMatchObject({ delayMs: 50 });
  });

  it("an attempt slowed past its timeout by injected latency is retried", async () => {
    emulator.faults.set({ rules: [{ kind: "latency", operation: "GetUserPyApi", ms: 2000, times: 1 }] });
    const started = Date.now();
    const { call, events } = send(GET_USER, { timeoutMs: 250 });
    expect((await call).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1800);
    expect(events.find((e) => e.type === "error")).toMatchObject({ error: { code: "TIMEOUT" } });
  });

  it("a mutation not marked idempotent sees the 503 after one attempt", async () => {
    emulator.faults.set({ rules: [{ kind: "http", status: 503, times: 1 }] });
    const { call, events } = send({ name: "GetUserPyApi", kind: "mutation", idempotent: false });
    expect((await call).status).toBe(503);
    expect(events.filter((e) => e.type === "request")).toHaveLength(1);
    expect(events.find((e) => e.type === "give-up")).toMatchObject({ reason: "not-idempotent", cause: "status 503" });
  });

  it("a 429 storm ends after maxAttempts with the last 429 returned for core to map", async () => {
    emulator.faults.set({ rules: [{ kind: "rate-limit", retryAfter: 0 }] });
    const { call, events } = send(GET_USER);
    const response = await call;
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("0");
    expect(events.filter((e) => e.type === "request")).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({ type: "give-up", reason: "max-attempts" });
  });
});
