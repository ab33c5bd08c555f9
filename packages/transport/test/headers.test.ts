// Auth and user-agent headers, and the redaction that keeps the API key out of errors and events.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createDefaultTransport } from "../src/default-transport.js";
import { NetworkError } from "../src/errors.js";
import type { TransportEvent } from "../src/events.js";
import { auth, userAgent } from "../src/headers.js";
import { observe } from "../src/observe.js";
import { REDACTED, redactError, redactHeaders, redactText, secretsOf } from "../src/redact.js";
import type { Transport, TransportRequest } from "../src/types.js";
import { VERSION } from "../src/version.js";
import { createFakeClock } from "../src/testing/fake-clock.js";
import { query, scripted } from "./helpers/scripted.js";
import { settle } from "./helpers/settle.js";

const KEY = "eyJhbGciOiJIUzI1NiJ9.lbx-test-key.c2lnbmF0dXJl";
const packageVersion = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** Records what reaches the transport. */
function capture(response: () => Response = () => new Response("ok")) {
  const seen: TransportRequest[] = [];
  const transport: Transport = async (r) => (seen.push(r), response());
  return { seen, transport };
}

describe("auth", () => {
  it("adds authorization: Bearer <key> to a copy of the headers", async () => {
    const { seen, transport } = capture();
    const headers = Object.freeze({ "content-type": "application/json" });
    await auth({ apiKey: KEY })(transport)(query({ headers }));
    expect(seen[0]?.headers).toEqual({ "content-type": "application/json", authorization: `Bearer ${KEY}` });
    expect(headers).toEqual({ "content-type": "application/json" });
  });

  it("never sends the key with downloads of signed URLs", async () => {
    const { seen, transport } = capture();
    await auth({ apiKey: KEY })(transport)(query({ method: "GET", body: null, operation: { name: "download", kind: "download", idempotent: true } }));
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it("with origins, sends the key only to those origins", async () => {
    const { seen, transport } = capture();
    const send = auth({ apiKey: KEY, origins: ["https://api.labelbox.com"] })(transport);
    await send(query({ url: "https://api.labelbox.com/graphql" }));
    await send(query({ url: "https://storage.googleapis.com/bucket/file?X-Goog-Signature=abc" }));
    await send(query({ url: "not a url" }));
    expect(seen.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`, undefined, undefined]);
  });

  it("reads a key function on every request (key rotation)", async () => {
    const { seen, transport } = capture();
    let n = 0;
    const send = auth({ apiKey: async () => `${KEY}-${++n}` })(transport);
    await send(query());
    await send(query());
    expect(seen.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}-1`, `Bearer ${KEY}-2`]);
  });

  it("rejects a key with a trailing newline, saying where, without showing it", async () => {
    expect(() => auth({ apiKey: `${KEY}\n` })).toThrow(`auth: apiKey has whitespace or a control character at index ${KEY.length} of ${KEY.length + 1}`);
    try {
      auth({ apiKey: `${KEY}\n` });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(KEY);
    }
    expect(() => auth({ apiKey: "" })).toThrow("auth: apiKey must be a non-empty string, got string");
    const fromFunction = auth({ apiKey: () => ` ${KEY}` })(capture().transport)(query());
    await expect(fromFunction).rejects.toThrow("at index 0");
  });

  it("removes the key from every error that comes back: message, stack, causes, aggregates", async () => {
    const root = new TypeError(`Headers.append: "Bearer ${KEY}\\u0000" is an invalid header value.`);
    const aggregate = new AggregateError([new Error(`inner ${KEY}`)], "several");
    const failing: Transport = async () => {
      throw new NetworkError(`failed with ${KEY}`, { cause: Object.assign(new Error("wrapper", { cause: root }), { errors: aggregate.errors }) });
    };
    const error = await auth({ apiKey: KEY })(failing)(query()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    const dump = JSON.stringify(error, ["message", "stack", "cause", "errors"]) + String((error as Error).stack);
    expect(dump).not.toContain(KEY);
    expect(dump).toContain(REDACTED);
    expect(((error as Error).cause as Error).cause).toBe(root);
    expect(root.message).toBe(`Headers.append: "${REDACTED}\\u0000" is an invalid header value.`);
  });

  it("replaces an error it cannot rewrite (frozen) instead of letting the key through", async () => {
    const frozen = Object.freeze(new Error(`frozen ${KEY}`));
    const error = await auth({ apiKey: KEY })(async () => Promise.reject(frozen))(query()).catch((e: unknown) => e);
    expect(error).not.toBe(frozen);
    expect((error as Error).message).toBe(`frozen ${REDACTED}`);
    expect(String((error as Error).cause)).toContain("withheld");
  });
});

describe("userAgent", () => {
  const scope = globalThis as { document?: unknown };
  afterEach(() => {
    delete scope.document;
  });

  it("names lbx and the version baked in at build time (the package.json version, never read at run time)", async () => {
    expect(VERSION).toBe(packageVersion);
    const { seen, transport } = capture();
    await userAgent()(transport)(query());
    expect(seen[0]?.headers).toMatchObject({ "user-agent": `lbx/${packageVersion}`, "x-lbx-sdk": `lbx/${packageVersion}` });
  });

  it("puts the application's product first, and a user-agent the caller set wins", async () => {
    const { seen, transport } = capture();
    await userAgent({ product: "my-importer/2.0.0" })(transport)(query());
    await userAgent()(transport)(query({ headers: { "user-agent": "custom/1" } }));
    expect(seen.map((r) => r.headers["user-agent"])).toEqual([`my-importer/2.0.0 lbx/${packageVersion}`, "custom/1"]);
  });

  it("does not set User-Agent in a browser, where it is forbidden, but still sends x-lbx-sdk", async () => {
    scope.document = {};
    const { seen, transport } = capture();
    await userAgent()(transport)(query());
    expect(seen[0]?.headers["user-agent"]).toBeUndefined();
    expect(seen[0]?.headers["x-lbx-sdk"]).toBe(`lbx/${packageVersion}`);
  });

  it("sdkHeader false leaves x-lbx-sdk out (for servers whose CORS policy does not allow it)", async () => {
    const { seen, transport } = capture();
    await userAgent({ sdkHeader: false })(transport)(query());
    expect(seen[0]?.headers["x-lbx-sdk"]).toBeUndefined();
  });
});

describe("redaction helpers", () => {
  it("finds credentials in sensitive headers, whole and after the scheme", () => {
    expect(secretsOf({ Authorization: `Bearer ${KEY}`, "x-api-key": "abcdefghij", accept: "application/json", cookie: "short" })).toEqual([
      `Bearer ${KEY}`,
      KEY,
      "abcdefghij",
    ]);
  });

  it("redacts text and headers", () => {
    expect(redactText(`a ${KEY} b ${KEY}`, [KEY])).toBe(`a ${REDACTED} b ${REDACTED}`);
    expect(redactHeaders({ authorization: `Bearer ${KEY}`, "Proxy-Authorization": "Basic xyz", accept: "*/*" })).toEqual({
      authorization: REDACTED,
      "Proxy-Authorization": REDACTED,
      accept: "*/*",
    });
  });

  it("handles cycles, strings and non-errors", () => {
    const a = new Error(`a ${KEY}`) as Error & { cause?: unknown };
    a.cause = a;
    expect(redactError(a, [KEY]).message).toBe(`a ${REDACTED}`);
    expect(redactError(`text ${KEY}`, [KEY])).toBe(`text ${REDACTED}`);
    expect(redactError(42, [KEY])).toBe(42);
  });
});

describe("observe", () => {
  it("reports each attempt with redacted headers, the URL without its query, status and duration", async () => {
    const clock = createFakeClock();
    const events: TransportEvent[] = [];
    const slow: Transport = async () => {
      await new Promise<void>((resolve) => clock.setTimeout(resolve, 120));
      return new Response("ok", { status: 201 });
    };
    const send = observe({ onEvent: (e) => events.push(e), clock })(slow);
    const call = send(query({ url: "https://storage.example/file?X-Goog-Signature=topsecret", headers: { authorization: `Bearer ${KEY}`, accept: "*/*" } }));
    await settle(call, clock);
    expect(events).toEqual([
      {
        type: "request",
        method: "POST",
        url: "https://storage.example/file",
        operation: "GetDataRowPyApi",
        attempt: 1,
        headers: { authorization: REDACTED, accept: "*/*" },
      },
      { type: "response", method: "POST", url: "https://storage.example/file", operation: "GetDataRowPyApi", attempt: 1, status: 201, durationMs: 120 },
    ]);
  });

  it("reports a failed attempt with the error's code and a redacted message, and rethrows it", async () => {
    const events: TransportEvent[] = [];
    const failing: Transport = async () => {
      throw new NetworkError(`connect failed for key ${KEY}`);
    };
    const error = await observe({ onEvent: (e) => events.push(e) })(failing)(query({ headers: { authorization: `Bearer ${KEY}` } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    const last = events.at(-1);
    expect(last).toMatchObject({ type: "error", error: { name: "NetworkError", code: "NETWORK_ERROR", message: `connect failed for key ${REDACTED}` } });
  });

  it("requires an onEvent function", () => {
    expect(() => observe({ onEvent: undefined as unknown as () => void })).toThrow("observe({ onEvent }) must be a function, got undefined");
  });
});

describe("createDefaultTransport", () => {
  it("runs the documented stack: events in order, key only in the request, never in any event", async () => {
    const clock = createFakeClock();
    const events: TransportEvent[] = [];
    const inner = scripted([{ status: 503, headers: { "retry-after": "1" } }, 200]);
    const transport = createDefaultTransport({ apiKey: KEY, transport: inner, clock, onEvent: (e) => events.push(e), product: "test/1" });
    const outcome = await settle(transport(query()), clock);
    expect(outcome.ok && outcome.value.status).toBe(200);
    expect(events.map((e) => `${e.type}:${e.attempt}`)).toEqual(["request:1", "response:1", "retry:1", "request:2", "response:2"]);
    expect(JSON.stringify(events)).not.toContain(KEY);
    expect(inner.calls[1]?.headers).toMatchObject({ authorization: `Bearer ${KEY}`, "user-agent": `test/1 lbx/${packageVersion}` });
    // The attempt timeout (60 s by default) was armed for each attempt, and the 1 s Retry-After taken.
    expect(clock.delays).toEqual([60_000, 1000, 60_000]);
  });

  it("gives uploads a 10-minute attempt timeout and honours timeoutMs and deadlineMs", async () => {
    const clock = createFakeClock();
    const upload = query({ operation: { name: "UploadFile", kind: "upload", idempotent: true } });
    await settle(createDefaultTransport({ transport: scripted([200]), clock })(upload), clock);
    await settle(createDefaultTransport({ transport: scripted([200]), clock, timeoutMs: 5000, deadlineMs: 9000 })(query()), clock);
    await settle(createDefaultTransport({ transport: scripted([200]), clock, timeoutMs: () => Infinity })(query()), clock);
    await settle(createDefaultTransport({ transport: scripted([200]), clock, timeoutMs: false })(query()), clock);
    expect(clock.delays).toEqual([600_000, 9000, 5000]);
  });

  it("applies a rate-limit preset", async () => {
    const clock = createFakeClock();
    const events: TransportEvent[] = [];
    const transport = createDefaultTransport({ transport: scripted(Array(26).fill(200)), clock, rateLimit: "free", onEvent: (e) => events.push(e) });
    const outcome = await settle(Promise.all(Array.from({ length: 26 }, () => transport(query()))), clock);
    expect(outcome.ok).toBe(true);
    expect(events.filter((e) => e.type === "rate-limit")).toHaveLength(1);
  });

  it("retry false sends once", async () => {
    const clock = createFakeClock();
    const inner = scripted([503, 200]);
    const outcome = await settle(createDefaultTransport({ transport: inner, clock, retry: false })(query()), clock);
    expect(outcome.ok && outcome.value.status).toBe(503);
    expect(inner.calls).toHaveLength(1);
  });
});
