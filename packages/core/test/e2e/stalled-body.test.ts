import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, createClient, createDataset, getDataset, TimeoutError } from "../../src/index.js";

// A server that sends 200 and the start of a JSON body, then never sends the rest.
let server: Server;
let endpoint: string;
const seen: string[] = [];
const closed: Array<Promise<unknown>> = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push(/(query|mutation)\s*(\w+)/.exec(body)?.[2] ?? "?");
      // Resolves when the client gives up on the body and drops the connection.
      closed.push(once(res, "close"));
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":{"dataset":');
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

// The default transport's per-attempt limit is 60 s; this clock runs timers 200 times faster
// (300 ms, enough for the headers on a busy machine), backoff between retries included.
const fast = { now: Date.now, setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms / 200), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };

describe("a response body that stalls after the headers", () => {
  it("times out like a header wait, is retried for a query, and the body is cancelled", async () => {
    seen.length = 0;
    closed.length = 0;
    const client = createClient({ apiKey: "test-key-123456", endpoint, clock: fast });
    const error = await getDataset(client, "cdataset00000000000000000").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "TIMEOUT", scope: "attempt", timeoutMs: 60_000, operationName: "GetDatasetPyApi" });
    // retry()'s default three attempts, as for a timed-out header wait.
    expect(seen).toEqual(["GetDatasetPyApi", "GetDatasetPyApi", "GetDatasetPyApi"]);
    await Promise.all(closed);
  }, 5_000);

  it("is not retried for a mutation that is not safe to repeat", async () => {
    seen.length = 0;
    const client = createClient({ apiKey: "test-key-123456", endpoint, clock: fast });
    const error = await createDataset(client, { name: "x", iamIntegration: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(seen).toEqual(["CreateDatasetPyApi"]);
  }, 5_000);

  // Guards the fix: the caller's signal must still end a stalled read.
  it("still stops at once when the caller aborts", async () => {
    const client = createClient({ apiKey: "test-key-123456", endpoint });
    const started = Date.now();
    const error = await getDataset(client, "cdataset00000000000000000", { signal: AbortSignal.timeout(200) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
