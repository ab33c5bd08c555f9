import { isLbxError, TimeoutError } from "../errors.js";
import type { Transport, TransportRequest } from "../types.js";
import { type ConformanceServer, type EchoReply, startConformanceServer } from "./server.js";

/** One named check; `run` resolves when the transport behaves and rejects with a clear message when not. */
export interface ConformanceCheck {
  readonly name: string;
  run(): Promise<void>;
}

export interface ConformanceOptions {
  /**
   * Makes a fresh transport for each check. If the transport has a `close()` method (like
   * `undiciTransport`), it is awaited after the check.
   */
  createTransport(): Transport | Promise<Transport>;
  /** Starts a server with the conformance routes. Default: `startConformanceServer` (Node). */
  startServer?: () => Promise<ConformanceServer>;
  /** How soon an abort must reject, in ms. Default 1,000. */
  abortToleranceMs?: number;
  /** How long the slow route takes in the abort checks, in ms; well above the tolerance. Default 10,000. */
  slowResponseMs?: number;
}

/** A failed conformance expectation. */
export class ConformanceFailure extends Error {
  override name = "ConformanceFailure";
}

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

function describe(value: unknown): string {
  if (value instanceof Error) {
    const code = isLbxError(value) ? ` (code ${value.code})` : "";
    return `${value.name}${code}: ${value.message}`;
  }
  return JSON.stringify(value) ?? String(value);
}

async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    const value = await promise;
    throw new ConformanceFailure(`${what} resolved (${value instanceof Response ? `status ${value.status}` : describe(value)}) but should have rejected`);
  } catch (error) {
    if (error instanceof ConformanceFailure) throw error;
    return error;
  }
}

function expectCode(error: unknown, code: string, what: string): void {
  expect(isLbxError(error) && error.code === code, `${what} should reject with an lbx error of code ${code}; got ${describe(error)}`);
}

// Guards a step that might hang in a broken transport, so the check fails instead of the runner timing out.
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConformanceFailure(`${what} did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

const bytesOf = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

interface Context {
  readonly server: ConformanceServer;
  readonly transport: Transport;
  readonly abortToleranceMs: number;
  readonly slowResponseMs: number;
  request(path: string, init?: Partial<TransportRequest>): TransportRequest;
  echo(init: Partial<TransportRequest>): Promise<EchoReply>;
}

type Body = (context: Context) => Promise<void>;

const checks: Record<string, Body> = {
  "GET sends method, path, query and lower-case headers, and resolves 200 with a readable body": async (c) => {
    // Frozen: a transport that writes to the caller's request or headers throws here.
    const headers = Object.freeze({ accept: "application/json", "x-conformance-test": "yes" });
    const request = Object.freeze(c.request("/echo?a=1&b=two%20words", { headers }));
    const response = await c.transport(request);
    expect(response.status === 200, `expected status 200, got ${response.status}`);
    const reply = (await response.json()) as EchoReply;
    expect(reply.method === "GET", `server saw method ${reply.method}, expected GET`);
    expect(reply.url === "/echo?a=1&b=two%20words", `server saw url ${reply.url}, expected /echo?a=1&b=two%20words`);
    expect(reply.headers["x-conformance-test"] === "yes", `header x-conformance-test did not arrive: ${JSON.stringify(reply.headers)}`);
  },

  "POST sends a string body byte-exact as UTF-8": async (c) => {
    const text = '{"query":"{ user { id } }","note":"é ✓ 🚀"}';
    const reply = await c.echo({ method: "POST", headers: { "content-type": "application/json" }, body: text });
    expect(reply.method === "POST", `server saw method ${reply.method}, expected POST`);
    expect(sameBytes(bytesOf(reply.body), new TextEncoder().encode(text)), "string body arrived changed");
    expect(reply.headers["content-type"] === "application/json", `content-type arrived as ${String(reply.headers["content-type"])}`);
  },

  "POST sends a Uint8Array body byte-exact (all 256 byte values)": async (c) => {
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    const reply = await c.echo({ method: "POST", headers: { "content-type": "application/octet-stream" }, body: bytes });
    expect(sameBytes(bytesOf(reply.body), bytes), "Uint8Array body arrived changed");
  },

  "POST sends a Blob body byte-exact": async (c) => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const reply = await c.echo({ method: "POST", body: new Blob([bytes], { type: "application/octet-stream" }) });
    expect(sameBytes(bytesOf(reply.body), bytes), "Blob body arrived changed");
  },

  "POST sends FormData as multipart/form-data with its fields and files": async (c) => {
    const form = new FormData();
    form.append("operations", '{"query":"mutation UploadFile($file: Upload!) { uploadFile(file: $file) { url } }"}');
    form.append("map", '{"1":["variables.file"]}');
    form.append("1", new Blob(["row-data-payload"], { type: "application/json" }), "chunk-0001.json");
    const reply = await c.echo({ method: "POST", body: form });
    const type = String(reply.headers["content-type"]);
    expect(/^multipart\/form-data; ?boundary=/.test(type), `content-type should be multipart/form-data with a boundary, got ${type}`);
    const text = new TextDecoder().decode(bytesOf(reply.body));
    for (const part of ['name="operations"', 'name="map"', 'filename="chunk-0001.json"', "row-data-payload", "uploadFile(file: $file)"]) {
      expect(text.includes(part), `multipart body lacks ${part}`);
    }
  },

  "POST streams a ReadableStream body and it arrives complete": async (c) => {
    const parts = ["first,", "second,", "third"];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    });
    const reply = await c.echo({ method: "POST", headers: { "content-type": "text/plain" }, body: stream });
    expect(new TextDecoder().decode(bytesOf(reply.body)) === parts.join(""), "stream body arrived incomplete or changed");
  },

  "HEAD resolves with status and headers and an empty body": async (c) => {
    const response = await c.transport(c.request("/status/200", { method: "HEAD" }));
    expect(response.status === 200, `expected status 200, got ${response.status}`);
    expect(response.headers.get("x-conformance") === "yes", "response header x-conformance missing");
    expect((await response.text()) === "", "HEAD response should have an empty body");
  },

  "error statuses (404, 429, 500, 503) resolve with status, headers and body instead of rejecting": async (c) => {
    for (const status of [404, 429, 500, 503]) {
      const response = await c.transport(c.request(`/status/${status}`));
      expect(response.status === status, `expected status ${status}, got ${response.status}`);
      expect(response.headers.get("retry-after") === "1", `status ${status}: retry-after header missing`);
      expect((await response.text()) === `status ${status}`, `status ${status}: body missing`);
    }
  },

  "a large chunked response body streams in pieces and arrives complete": async (c) => {
    const response = await c.transport(c.request("/stream?chunks=64&size=16384"));
    expect(response.body !== null, "response has no body stream");
    const reader = response.body.getReader();
    let total = 0;
    let reads = 0;
    for (;;) {
      const { done, value } = await within(10_000, "reading the streamed body", reader.read());
      if (done) break;
      total += value.length;
      reads++;
    }
    expect(total === 64 * 16384, `expected ${64 * 16384} body bytes, got ${total}`);
    expect(reads > 1, "the body arrived in one piece; it should stream");
  },

  "a connection dropped before any response rejects with NETWORK_ERROR": async (c) => {
    const error = await within(10_000, "the dropped request", rejection(c.transport(c.request("/drop")), "a dropped connection"));
    expectCode(error, "NETWORK_ERROR", "a dropped connection");
  },

  "a connection dropped in the middle of the body makes reading the body reject, not hang": async (c) => {
    const response = await c.transport(c.request("/drop-mid-body"));
    expect(response.status === 200, `expected status 200, got ${response.status}`);
    await within(10_000, "reading a truncated body", rejection(response.arrayBuffer(), "reading a truncated body"));
  },

  "a slow response is awaited (no built-in short timeout)": async (c) => {
    const started = Date.now();
    const response = await c.transport(c.request("/slow?ms=300"));
    expect(response.status === 200 && (await response.text()) === "slow", "slow route did not answer 200 slow");
    expect(Date.now() - started >= 250, "the slow response arrived too early; is the server route right?");
  },

  "aborting during a slow response rejects at once with ABORTED and the signal's reason as cause": async (c) => {
    const controller = new AbortController();
    const reason = new Error("user pressed cancel");
    const pending = c.transport(c.request(`/slow?ms=${c.slowResponseMs}`, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 100);
    const error = await within(10_000, "the aborted request", rejection(pending, "an aborted request"));
    expectCode(error, "ABORTED", "an aborted request");
    expect((error as Error).cause === reason, `cause should be the signal's reason, got ${describe((error as Error).cause)}`);
  },

  "abort rejects within the tolerance, long before the server answers": async (c) => {
    const controller = new AbortController();
    const pending = c.transport(c.request(`/slow?ms=${c.slowResponseMs}`, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const abortedAt = Date.now();
    controller.abort();
    const error = await within(10_000, "the aborted request", rejection(pending, "an aborted request"));
    const took = Date.now() - abortedAt;
    expectCode(error, "ABORTED", "an aborted request");
    expect(took <= c.abortToleranceMs, `abort took ${took} ms to reject; must be at most ${c.abortToleranceMs} ms`);
  },

  "an already-aborted signal rejects with ABORTED and sends nothing": async (c) => {
    const id = `pre-aborted-${Math.random().toString(36).slice(2)}`;
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      c.transport(c.request("/echo", { headers: { "x-conformance-id": id }, signal: controller.signal })),
      "a request with an aborted signal",
    );
    expectCode(error, "ABORTED", "a request with an aborted signal");
    const { count } = (await (await c.transport(c.request(`/seen/${id}`))).json()) as { count: number };
    expect(count === 0, `the server received ${count} request(s) that should never have been sent`);
  },

  "an lbx error used as the abort reason (a middleware timeout) is rethrown as it is": async (c) => {
    const controller = new AbortController();
    const reason = new TimeoutError("attempt", 50);
    const pending = c.transport(c.request(`/slow?ms=${c.slowResponseMs}`, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 50);
    const error = await within(10_000, "the timed-out request", rejection(pending, "a request aborted by a timeout"));
    expect(error === reason, `expected the TimeoutError reason itself, got ${describe(error)}`);
  },

  "aborting after the headers makes reading the body reject": async (c) => {
    const controller = new AbortController();
    const response = await c.transport(c.request("/stream?chunks=50&size=1024&gapMs=50", { signal: controller.signal }));
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const drain = async () => {
      for (;;) if ((await reader.read()).done) return;
    };
    await within(10_000, "reading an aborted body", rejection(drain(), "reading an aborted body"));
  },

  "concurrent requests get their own responses": async (c) => {
    const ids = Array.from({ length: 12 }, (_, i) => `concurrent-${i}`);
    const replies = await Promise.all(ids.map((id) => c.echo({ method: "POST", body: id, headers: { "x-conformance-id": id } })));
    replies.forEach((reply, i) => {
      const body = new TextDecoder().decode(bytesOf(reply.body));
      expect(body === ids[i] && reply.headers["x-conformance-id"] === ids[i], `request ${i} got the reply of another request (${body})`);
    });
  },
};

/**
 * The transport conformance suite: named async checks that any transport must pass to work under
 * lbx's middleware (bodies of every kind arrive intact, statuses resolve, dropped connections
 * reject with `NETWORK_ERROR`, aborts reject at once with `ABORTED`, lbx abort reasons pass
 * through). Needs no test framework: register each check with yours, or run them all with
 * `runConformance`. Each check starts its own server and closes it when done.
 *
 * @example
 * ```ts
 * import { conformanceChecks } from "@lbx/transport/testing";
 * for (const check of conformanceChecks({ createTransport: () => mySigningTransport })) {
 *   test(check.name, check.run);
 * }
 * ```
 */
export function conformanceChecks(options: ConformanceOptions): ConformanceCheck[] {
  const startServer = options.startServer ?? startConformanceServer;
  const abortToleranceMs = options.abortToleranceMs ?? 1000;
  const slowResponseMs = options.slowResponseMs ?? 10_000;
  return Object.entries(checks).map(([name, body]) => ({
    name,
    async run() {
      const server = await startServer();
      let transport: Transport | undefined;
      try {
        transport = await options.createTransport();
        const send = transport;
        const request = (path: string, init: Partial<TransportRequest> = {}): TransportRequest => ({
          url: `${server.url}${path}`,
          method: "GET",
          headers: {},
          ...init,
        });
        const echo = async (init: Partial<TransportRequest>) => {
          const response = await send(request("/echo", init));
          expect(response.status === 200, `/echo answered ${response.status}`);
          return (await response.json()) as EchoReply;
        };
        await body({ server, transport: send, abortToleranceMs, slowResponseMs, request, echo });
      } finally {
        const closable = transport as { close?: () => unknown } | undefined;
        try {
          if (typeof closable?.close === "function") await closable.close();
        } finally {
          await server.close();
        }
      }
    },
  }));
}

/** One check's outcome from `runConformance`. */
export interface ConformanceResult {
  readonly name: string;
  readonly ok: boolean;
  /** Why it failed. */
  readonly error?: unknown;
}

/** Runs every check one after another and reports each outcome (it never throws). */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceResult[]> {
  const results: ConformanceResult[] = [];
  for (const check of conformanceChecks(options)) {
    try {
      await check.run();
      results.push({ name: check.name, ok: true });
    } catch (error) {
      results.push({ name: check.name, ok: false, error });
    }
  }
  return results;
}
