import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  Client,
  createClient,
  createClientWithTransport,
  getDataRow,
  isLbxError,
  NetworkError,
  NotFoundError,
  ServerError,
} from "../../src/index.js";
import { graphQLError, recordingClient, recordingTransport } from "../helpers/recording-transport.js";

const KEY = "lb-secret-0123456789abcdef";
const env = (globalThis as { process: { env: Record<string, string | undefined> } }).process.env;
const saved = env["LABELBOX_API_KEY"];
afterEach(() => {
  if (saved === undefined) delete env["LABELBOX_API_KEY"];
  else env["LABELBOX_API_KEY"] = saved;
});

describe("createClient", () => {
  it("reads LABELBOX_API_KEY when no key is given, and sends it as a Bearer token", async () => {
    env["LABELBOX_API_KEY"] = KEY;
    const { transport, sent } = recordingTransport({ GetDataRowPyApi: { dataRow: null } });
    const client = createClient({ transport });
    await getDataRow(client, "x").catch(() => undefined);
    expect(sent[0]?.request.headers["authorization"]).toBe(`Bearer ${KEY}`);
    expect(sent[0]?.request.headers["content-type"]).toBe("application/json");
    expect(sent[0]?.request.url).toBe("https://api.labelbox.com/graphql");
    expect(sent[0]?.request.method).toBe("POST");
  });

  it("in Node its default transport sends large byte bodies (chunk files) with redirects as errors, others as they are", async () => {
    const inits: RequestInit[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (async (_url: string, init: RequestInit) => (inits.push(init), new Response("{}"))) as typeof fetch;
    try {
      const client = createClient({ apiKey: KEY, endpoint: "http://127.0.0.1:9/graphql" });
      const upload = (body: Uint8Array) =>
        client.send({ url: "http://127.0.0.1:9/upload", method: "POST", headers: {}, body, operation: { name: "UploadFile", kind: "upload", idempotent: false } });
      await upload(new Uint8Array(64 * 1024)); // largeBodyFetch: undici then skips a copy of the body
      await upload(new Uint8Array(100));
    } finally {
      globalThis.fetch = original;
    }
    expect(inits[0]).toMatchObject({ redirect: "error", window: null });
    expect(inits[1]!.redirect).toBeUndefined();
  });

  it("without a key it throws AuthenticationError and makes no call", () => {
    delete env["LABELBOX_API_KEY"];
    expect(() => createClient()).toThrow(AuthenticationError);
  });

  it("rejects an endpoint that is not an http(s) URL", () => {
    expect(() => createClient({ apiKey: KEY, endpoint: "api.labelbox.com" })).toThrow(/endpoint: must be an http\(s\) URL/);
  });

  it("keeps the key out of the client object and of errors", async () => {
    const { transport } = recordingTransport({ GetDataRowPyApi: graphQLError("AUTHORIZATION_ERROR", `key ${KEY} may not read this`) });
    const client = createClient({ apiKey: KEY, transport });
    expect(JSON.stringify(client)).not.toContain(KEY);
    expect(Object.values(client).some((v) => typeof v === "string" && v.includes(KEY))).toBe(false);
    const error = await getDataRow(client, "x").catch((e: unknown) => e);
    expect(String(error)).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it("a transport that throws becomes a NetworkError naming the operation, with the key removed", async () => {
    const client = createClient({
      apiKey: KEY,
      transport: async (r) => {
        throw new TypeError(`connect ECONNREFUSED while sending ${r.headers["authorization"]}`);
      },
    });
    const error = (await getDataRow(client, "x").catch((e: unknown) => e)) as NetworkError & { operationName: string };
    expect(error).toBeInstanceOf(NetworkError);
    expect(isLbxError(error)).toBe(true);
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.operationName).toBe("GetDataRowPyApi");
    expect(error.message).not.toContain(KEY);
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("adds the client's extra headers and per-call headers", async () => {
    const { client, sent } = recordingClient({ GetDataRowPyApi: { dataRow: null } }, { headers: { "x-team": "a" } });
    await getDataRow(client, "x", { headers: { "x-call": "b" } }).catch(() => undefined);
    expect(sent[0]?.request.headers).toMatchObject({ "x-team": "a", "x-call": "b", accept: "application/json" });
  });

  it("marks queries idempotent and names each operation for the retry middleware", async () => {
    const { client, sent } = recordingClient({ GetDataRowPyApi: { dataRow: null } });
    await getDataRow(client, "x").catch(() => undefined);
    expect(sent[0]?.request.operation).toEqual({ name: "GetDataRowPyApi", kind: "query", idempotent: true });
  });
});

describe("createClientWithTransport", () => {
  it("sends through exactly the given transport, with auth and the client's headers, and retries nothing", async () => {
    const { transport, sent } = recordingTransport({ GetDataRowPyApi: [new Response("busy", { status: 503 }), { dataRow: null }] });
    const client = createClientWithTransport({ apiKey: KEY, endpoint: "http://127.0.0.1:1/graphql", transport, headers: { "x-team": "a" } });
    expect(client.endpoint).toBe("http://127.0.0.1:1/graphql");
    expect(client.polling).toEqual({ minDelayMs: 500, maxDelayMs: 2000 });
    await expect(getDataRow(client, "x")).rejects.toBeInstanceOf(ServerError);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.request.headers).toMatchObject({ authorization: `Bearer ${KEY}`, "x-team": "a" });
    expect(client.redact(`a ${KEY} b`)).toBe("a [REDACTED] b");
  });

  it("checks the key and endpoint like createClient", () => {
    delete env["LABELBOX_API_KEY"];
    const { transport } = recordingTransport({});
    expect(() => createClientWithTransport({ transport })).toThrow(AuthenticationError);
    expect(() => createClientWithTransport({ apiKey: KEY, endpoint: "ftp://x", transport })).toThrow(/endpoint: must be an http\(s\) URL/);
  });
});

describe("createClient without a transport", () => {
  it("uses the default stack over fetch: auth, user agent, and a retry of a query that got a 503", async () => {
    const seen: { authorization?: string; userAgent?: string }[] = [];
    const server = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        seen.push({ authorization: request.headers.authorization, userAgent: request.headers["user-agent"] });
        response.writeHead(seen.length === 1 ? 503 : 200, { "content-type": "application/json", "retry-after": "0" });
        response.end(seen.length === 1 ? "{}" : JSON.stringify({ data: { dataRow: null } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createClient({ apiKey: KEY, endpoint: `http://127.0.0.1:${port}/graphql` });
      await expect(getDataRow(client, "x")).rejects.toBeInstanceOf(NotFoundError);
      expect(seen).toHaveLength(2);
      expect(seen.every((s) => s.authorization === `Bearer ${KEY}` && s.userAgent?.startsWith("lbx/"))).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe("Client facade", () => {
  it("is an LbxClient whose methods return entities", async () => {
    const { transport } = recordingTransport({
      GetDataRowPyApi: { dataRow: { id: "r1", rowData: "u", externalId: null, globalKey: "g", createdAt: null, updatedAt: null, mediaAttributes: null, metadataFields: [], customMetadata: [] } },
      updateDataRowPyApi: (r) => ({ updateDataRow: { id: "r1", rowData: "u", externalId: (r.variables as { externalId: string }).externalId, globalKey: "g", createdAt: null, updatedAt: null, mediaAttributes: null, metadataFields: [], customMetadata: [] } }),
    });
    const client = new Client({ apiKey: KEY, transport });
    const row = await client.getDataRow("r1");
    const updated = await row.update({ externalId: "e2" });
    expect(updated.externalId).toBe("e2");
    expect(row.externalId).toBeNull();
    expect((await getDataRow(client, "r1")).id).toBe("r1");
  });

  it("getDataRow of an unknown id is a NotFoundError", async () => {
    const { transport } = recordingTransport({ GetDataRowPyApi: graphQLError("RESOURCE_NOT_FOUND", "Resource not found") });
    await expect(new Client({ apiKey: KEY, transport }).getDataRow("nope")).rejects.toBeInstanceOf(NotFoundError);
  });
});
