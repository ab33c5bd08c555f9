// The HTTP protocol: any path ending in /graphql, the error envelope and its HTTP statuses,
// the complexity limit, body-size limits, multipart quirks of the SDK, CORS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { UPLOAD_DOCUMENT, data, download, gql, uploadRaw } from "./helpers/client.js";

let emu: RunningEmulator;
let url: string;
let key: string;
let origin: string;
beforeAll(async () => {
  emu = await startEmulator({ limits: { maxQueryDepth: 6, maxQueryFields: 40, maxRequestBytes: 20_000, maxUploadBytes: 1_000 } });
  ({ url, apiKey: key } = emu);
  origin = new URL(url).origin;
});
afterAll(() => emu.close());

describe("envelope", () => {
  it("answers on any path ending in /graphql", async () => {
    expect((await data(`${origin}/api/v1/graphql`, key, "query{user{id}}")).user.id).toMatch(/^c/);
  });
  it("parse errors: HTTP 400, GRAPHQL_PARSE_FAILED, 'Syntax Error'", async () => {
    const r = await gql(url, key, "query {");
    expect(r.status).toBe(400);
    expect(r.body.data).toBeNull();
    expect(r.body.errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_PARSE_FAILED" }, message: expect.stringMatching(/^Syntax Error/) });
  });
  it("validation errors: HTTP 400, GRAPHQL_VALIDATION_FAILED", async () => {
    const r = await gql(url, key, "query{user{bbb}}");
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" }, message: 'Cannot query field "bbb" on type "User".' });
    const vars = await gql(url, key, "query($id: ID!){dataRow(where: {id: $id}){id}}", { id: { not: "an id" } });
    expect(vars.status).toBe(400);
    expect(vars.body.errors?.[0]?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
  it("too deep or too wide documents get the cloud's exact complexity error", async () => {
    const deep = await gql(url, key, "query{user{organization{id} createdTasks{id}} dataset(where: {id: \"x\"}){dataRows{dataset{dataRows{dataset{dataRows{id}}}}}}}");
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]).toMatchObject({ message: "Query complexity limit exceeded", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    const wide = await gql(url, key, `query{${Array.from({ length: 41 }, (_, i) => `a${i}: user{id}`).join(" ")}}`);
    expect(wide.body.errors?.[0]?.message).toBe("Query complexity limit exceeded");
  });
  it("every error has extensions.code; a missing object is RESOURCE_NOT_FOUND with HTTP 200", async () => {
    const r = await gql(url, key, `query{dataset(where: {id: "cdoesnotexist000000000000"}){id}}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      data: { dataset: null },
      errors: [{ message: "Dataset not found: cdoesnotexist000000000000", locations: [{ line: 1, column: 7 }], path: ["dataset"], extensions: { code: "RESOURCE_NOT_FOUND" } }],
    });
  });
  it("non-JSON bodies, wrong methods, unknown paths and oversized bodies", async () => {
    const notJson = await fetch(url, { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body: "{nope" });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as any).errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    const get = await fetch(url);
    expect(get.status).toBe(405);
    const missing = await fetch(`${origin}/elsewhere`);
    expect(missing.status).toBe(404);
    const big = await gql(url, key, "query{user{id}}", { pad: "x".repeat(25_000) });
    expect(big.status).toBe(413);
    expect(big.body.errors?.[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("uploads", () => {
  it("ignore the file part's filename and content type (SDK 3.72+ swaps them), need no CSRF header", async () => {
    const boundary = "1f9ab4266fa0f4354882b1ff8a75b28c";
    const payload = '[{"a": 1}]';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ variables: { file: null, contentLength: payload.length, sign: false }, query: UPLOAD_DOCUMENT })}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"1": ["variables.file"]}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="1"; filename="application/json"\r\nContent-Type: json_import.json\r\n\r\n${payload}\r\n`,
      `--${boundary}--\r\n`,
    ].join("");
    const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${key}`, "Content-Type": `multipart/form-data; boundary=${boundary}` }, body });
    expect(res.status).toBe(200);
    const d = (await res.json()) as any;
    expect((await download(d.data.uploadFile.url)).text).toBe(payload);
  });
  it("in forms the native splitter declines (a preamble, filename*=) are parsed by busboy; a truncated body is a 400", async () => {
    const boundary = "b0undary";
    const payload = '[{"b": 2}]';
    const parts = (disposition: string) =>
      [
        `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ variables: { file: null, contentLength: payload.length, sign: false }, query: UPLOAD_DOCUMENT })}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"1": ["variables.file"]}\r\n`,
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/json\r\n\r\n${payload}\r\n`,
      ].join("");
    const send = (body: string) => fetch(url, { method: "POST", headers: { authorization: `Bearer ${key}`, "Content-Type": `multipart/form-data; boundary=${boundary}` }, body });
    for (const body of [`preamble text\r\n${parts('form-data; name="1"; filename="x.json"')}--${boundary}--\r\n`, `${parts(`form-data; name="1"; filename*=UTF-8''%C3%BC.json`)}--${boundary}--\r\n`]) {
      const res = await send(body);
      expect(res.status).toBe(200);
      const d = (await res.json()) as any;
      expect((await download(d.data.uploadFile.url)).text).toBe(payload);
    }
    expect((await send(parts('form-data; name="1"; filename="x.json"'))).status).toBe(400);
  });
  it("at and around the file size limit get the same answer with a Content-Length (split natively) and chunked (busboy)", async () => {
    const boundary = "l1m1t";
    const status = async (size: number, chunked: boolean): Promise<number> => {
      const text = [
        `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ variables: { file: null, contentLength: size, sign: false }, query: UPLOAD_DOCUMENT })}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"1": ["variables.file"]}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="1"; filename="f.json"\r\n\r\n${"x".repeat(size)}\r\n--${boundary}--\r\n`,
      ].join("");
      const bytes = new TextEncoder().encode(text);
      const body = chunked ? new ReadableStream({ start: (c) => (c.enqueue(bytes), c.close()) }) : bytes;
      const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${key}`, "Content-Type": `multipart/form-data; boundary=${boundary}` }, body, duplex: "half" } as RequestInit);
      await res.arrayBuffer();
      return res.status;
    };
    for (const size of [999, 1_000, 1_001]) expect([size, await status(size, false)]).toEqual([size, await status(size, true)]);
    expect(await status(999, false)).toBe(200);
    expect(await status(1_001, false)).toBe(413);
  });
  it("are refused over the size limit, and files never reach the store", async () => {
    const r = await uploadRaw(url, key, "x".repeat(1_001));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });
  it("an Upload variable can only come from a file part", async () => {
    const r = await gql(url, key, UPLOAD_DOCUMENT, { file: "not a file", contentLength: 1 });
    expect(r.status).toBe(400);
  });
});

describe("CORS", () => {
  it("answers preflights for local origins only by default", async () => {
    const ok = await fetch(url, { method: "OPTIONS", headers: { Origin: "http://localhost:5173", "Access-Control-Request-Headers": "authorization,content-type" } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(ok.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
    const other = await fetch(url, { method: "OPTIONS", headers: { Origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
  it("allows configured origins", async () => {
    const e = await startEmulator({ corsOrigins: ["https://app.example"] });
    try {
      const res = await fetch(e.url, { method: "POST", headers: { Origin: "https://app.example", Authorization: `Bearer ${e.apiKey}`, "Content-Type": "application/json" }, body: JSON.stringify({ query: "{user{id}}" }) });
      expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example");
    } finally {
      await e.close();
    }
  });
});
