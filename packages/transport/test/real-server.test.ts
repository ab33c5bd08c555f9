// The whole recommended stack over both transports against a real node:http server on 127.0.0.1:
// Retry-After, dropped connections, slow responses, timeouts vs aborts, deadlines, headers, and
// (undici) a real proxy. Real time, kept short with fractional Retry-After and small limits.
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DefaultTransportOptions, createDefaultTransport } from "../src/default-transport.js";
import type { TransportEvent } from "../src/events.js";
import { createHash } from "node:crypto";
import { fetchTransport } from "../src/fetch.js";
import { LARGE_BODY_BYTES, largeBodyFetch } from "../src/large-bodies.js";
import type { Transport, TransportRequest } from "../src/types.js";
import { undiciTransport, type UndiciTransport } from "../src/undici.js";
import { VERSION } from "../src/version.js";
import { startConnectProxy } from "./helpers/connect-proxy.js";
import { type FaultServer, startFaultServer } from "./helpers/fault-server.js";

const KEY = "lbx-real-server-test-key-0123456789";
let server: FaultServer;
const undici: UndiciTransport[] = [];

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await Promise.all(undici.map((t) => t.close()));
  await server.close();
});

const transports: [string, () => Transport][] = [
  ["fetch", () => fetchTransport()],
  [
    "undici",
    () => {
      const t = undiciTransport();
      undici.push(t);
      return t;
    },
  ],
];

let nextId = 0;
function call(path: string, overrides: Partial<TransportRequest> = {}): TransportRequest {
  return {
    url: `${server.url}${path}`,
    method: "POST",
    headers: { "content-type": "application/json", "x-test-id": `t${nextId++}` },
    body: "{}",
    operation: { name: "GetDataRowPyApi", kind: "query", idempotent: true },
    ...overrides,
  };
}
const idOf = (request: TransportRequest) => request.headers["x-test-id"] as string;

describe.each(transports)("createDefaultTransport over %s, real server", (_, makeTransport) => {
  const stack = (options: Omit<DefaultTransportOptions, "transport"> = {}) => {
    const events: TransportEvent[] = [];
    const transport = createDefaultTransport({ apiKey: KEY, transport: makeTransport(), onEvent: (e) => events.push(e), ...options });
    return { events, transport };
  };

  it("retries 503s with a fractional Retry-After, waiting what the server asked", async () => {
    const { events, transport } = stack();
    const request = call("/flaky?fail=2&status=503&retryAfter=0.05");
    const started = Date.now();
    const response = await transport(request);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hits: 3 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(events.filter((e) => e.type === "retry")).toEqual([
      expect.objectContaining({ attempt: 1, cause: "status 503", delayMs: 50, delaySource: "retry-after" }),
      expect.objectContaining({ attempt: 2, cause: "status 503", delayMs: 50, delaySource: "retry-after" }),
    ]);
  });

  it("retries 429 with Retry-After: 0 at once", async () => {
    const { transport } = stack();
    const request = call("/flaky?fail=1&status=429&retryAfter=0");
    expect((await transport(request)).status).toBe(200);
    expect(server.hits(idOf(request))).toBe(2);
  });

  it("retries a dropped connection", async () => {
    const { events, transport } = stack({ retry: { baseDelayMs: 20 } });
    const request = call("/drop-once");
    const response = await transport(request);
    expect(await response.json()).toEqual({ hits: 2 });
    expect(events.find((e) => e.type === "error")).toMatchObject({ error: { code: "NETWORK_ERROR", name: "NetworkError" } });
  });

  it("times out a slow attempt and succeeds on the retry", async () => {
    const { events, transport } = stack({ timeoutMs: 300, retry: { baseDelayMs: 20 } });
    const request = call("/slow-once?ms=5000");
    const started = Date.now();
    const response = await transport(request);
    expect(await response.json()).toEqual({ hits: 2 });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(events.find((e) => e.type === "error")).toMatchObject({ error: { code: "TIMEOUT", message: "Timed out after 300 ms (attempt)" } });
  });

  it("an abort during a slow response rejects at once with ABORTED, not TIMEOUT", async () => {
    const { transport } = stack({ timeoutMs: 5000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await transport(call("/slow?ms=5000", { signal: controller.signal })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ABORTED", name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("the deadline ends a call whose attempts keep timing out", async () => {
    const { events, transport } = stack({ timeoutMs: 200, deadlineMs: 700, retry: { baseDelayMs: 20, maxAttempts: 10 } });
    const request = call("/slow?ms=5000");
    const started = Date.now();
    const error = await transport(request).catch((e: unknown) => e);
    const took = Date.now() - started;
    // Either the deadline fires during an attempt, or retry sees that the next wait would end
    // after it and gives the last attempt's timeout back; both end the call by 700 ms.
    const gaveUp = events.some((e) => e.type === "give-up" && e.reason === "deadline");
    expect(error).toMatchObject(gaveUp ? { code: "TIMEOUT", scope: "attempt" } : { code: "TIMEOUT", scope: "deadline", timeoutMs: 700 });
    expect(took).toBeGreaterThanOrEqual(gaveUp ? 400 : 690);
    expect(took).toBeLessThan(1500);
    expect(server.hits(idOf(request))).toBeGreaterThanOrEqual(3);
  });

  it("sends a mutation that is not idempotent once, and returns the 503", async () => {
    const { events, transport } = stack();
    const request = call("/flaky?fail=1&status=503", { operation: { name: "CreateDataRowPyApi", kind: "mutation", idempotent: false } });
    expect((await transport(request)).status).toBe(503);
    expect(server.hits(idOf(request))).toBe(1);
    expect(events.find((e) => e.type === "give-up")).toMatchObject({ reason: "not-idempotent" });
  });

  it("sends the key, the user agent and x-lbx-sdk, and no event contains the key", async () => {
    const { events, transport } = stack({ product: "lbx-tests/1.0.0" });
    const received = (await (await transport(call("/headers"))).json()) as Record<string, string>;
    expect(received).toMatchObject({ authorization: `Bearer ${KEY}`, "user-agent": `lbx-tests/1.0.0 lbx/${VERSION}`, "x-lbx-sdk": `lbx/${VERSION}` });
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(KEY);
  });
});

describe("undiciTransport: dispatchers and proxies", () => {
  it("routes through a proxy (ProxyAgent): the proxy sees a CONNECT to the target", async () => {
    const proxy = await startConnectProxy();
    const transport = undiciTransport({ proxy: proxy.url });
    try {
      const response = await transport(call("/anything", { method: "GET", body: null }));
      expect(response.status).toBe(200);
      expect(proxy.connects).toEqual([new URL(server.url).host]);
    } finally {
      await transport.close();
      await proxy.close();
    }
  });

  it('proxy "env" follows HTTP_PROXY', async () => {
    const proxy = await startConnectProxy();
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
    process.env.HTTP_PROXY = proxy.url;
    delete process.env.NO_PROXY;
    const transport = undiciTransport({ proxy: "env" });
    try {
      expect((await transport(call("/anything", { method: "GET", body: null }))).status).toBe(200);
      expect(proxy.connects).toEqual([new URL(server.url).host]);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await transport.close();
      await proxy.close();
    }
  });

  it("close() closes a dispatcher it created, and leaves one passed in open", async () => {
    const owned = undiciTransport();
    await owned(call("/anything"));
    await owned.close();
    await expect(owned(call("/anything"))).rejects.toMatchObject({ code: "NETWORK_ERROR" });

    const agent = new Agent();
    const borrowed = undiciTransport({ dispatcher: agent });
    expect(borrowed.dispatcher).toBe(agent);
    await borrowed.close();
    expect((await borrowed(call("/anything"))).status).toBe(200);
    await agent.close();
  });
});

// Large byte bodies go out with redirects as errors (large-bodies.ts): the server must see exactly
// the request a plain body gives, and a redirect must fail loudly, never half-work.
const largeBodyTransports: [string, () => Transport][] = [
  ["the global fetch (largeBodyFetch)", () => fetchTransport({ fetch: largeBodyFetch() })],
  ["undici", transports[1]![1]],
];
describe.each(largeBodyTransports)("large byte bodies over %s, real server", (_, makeTransport) => {
  type Echo = { headers: Record<string, string>; bytes: number; sha256: string };
  const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
  const send = (body: Uint8Array, path = "/echo") =>
    makeTransport()(call(path, { body, headers: { "content-type": "application/octet-stream", "x-test-id": `t${nextId++}` } }));
  // A view into a larger buffer, as bulk uploads send: only the view's bytes may go out.
  const backing = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7 + 3) % 251);
  const large = backing.subarray(12_345, 12_345 + 1_000_000);

  it("sends a 1 MB view byte for byte, with its content-length", async () => {
    const response = await send(large);
    expect(response.status).toBe(200);
    const seen = (await response.json()) as Echo;
    expect([seen.bytes, seen.sha256, seen.headers["content-length"]]).toEqual([large.byteLength, sha256(large), String(large.byteLength)]);
  });

  it("sends bodies just under and at the threshold intact", async () => {
    for (const size of [LARGE_BODY_BYTES - 1, LARGE_BODY_BYTES]) {
      const body = backing.subarray(7, 7 + size);
      const seen = (await (await send(body)).json()) as Echo;
      expect([seen.bytes, seen.sha256]).toEqual([size, sha256(body)]);
    }
  });

  it("a 307 redirect of a large byte body is a NetworkError: the redirect is not followed", async () => {
    const id = `t${nextId++}`;
    const request = call("/redirect", { body: large, headers: { "content-type": "application/octet-stream", "x-test-id": id } });
    await expect(makeTransport()(request)).rejects.toMatchObject({ code: "NETWORK_ERROR" });
    expect(server.hits(id)).toBe(1); // the 307 only; following it would have been a second request
  });

  it("a retried large body is sent whole again", async () => {
    const transport = createDefaultTransport({ transport: makeTransport(), retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const id = `t${nextId++}`;
    const request = call("/flaky?fail=1&status=503", { body: large, headers: { "x-test-id": id }, operation: { name: "UploadFile", kind: "upload", idempotent: true } });
    expect((await transport(request)).status).toBe(200);
    expect(server.hits(id)).toBe(2);
  });
});

describe("undiciTransport: redirects below the large-body threshold", () => {
  it("a small byte body still follows a 307 with its bytes (Node 20's global fetch cannot replay any byte body)", async () => {
    const transport = undiciTransport();
    undici.push(transport);
    const small = new Uint8Array(100).map((_, i) => i);
    const response = await transport(call("/redirect", { body: small }));
    const seen = (await response.json()) as { bytes: number; sha256: string };
    expect(seen).toMatchObject({ bytes: 100, sha256: createHash("sha256").update(small).digest("hex") });
  });
});
