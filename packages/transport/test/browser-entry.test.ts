// The main entry is for browsers too: bundled for the browser it pulls in no Node builtin, no
// undici, no `process` and no `require`, and it runs in a context that has only browser globals.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
let code = "";
let inputs: string[] = [];

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(packageDir, "src/index.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    globalName: "lbx",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    define: { __LBX_TRANSPORT_VERSION__: JSON.stringify(version) },
  });
  code = result.outputFiles[0]?.text ?? "";
  inputs = Object.keys(result.metafile.inputs);
});

describe("browser entry (@lbx/transport)", () => {
  it("bundles only its own sources: no Node builtin, no undici, no testing helpers", () => {
    expect(inputs.length).toBeGreaterThan(5);
    for (const input of inputs) expect(input).toMatch(/^src\/(?!testing\/|undici)[a-z-]+\.ts$/);
  });

  it("references neither process nor require, and package.json is not read", () => {
    // Only ever read as `globalThis.process` (large-bodies.ts tells Node apart), undefined here.
    expect(code).not.toMatch(/(?<!globalThis\.)\bprocess\b/);
    expect(code).not.toMatch(/\brequire\b/);
    expect(code).not.toContain("node:");
    expect(code).not.toContain("package.json");
    expect(code).toContain(JSON.stringify(version)); // baked in by the build-time define
  });

  it("runs with browser globals only: sends the key and x-lbx-sdk, not User-Agent, and retries", async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const statuses = [503, 200];
    const fakeFetch = async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response("{}", { status: statuses[sent.length - 1] ?? 500, headers: { "retry-after": "0" } });
    };
    const context = vm.createContext({
      fetch: fakeFetch,
      Response,
      Headers,
      AbortController,
      AbortSignal,
      DOMException,
      ReadableStream,
      Blob,
      FormData,
      URL,
      TextEncoder,
      TextDecoder,
      setTimeout,
      clearTimeout,
      console,
      document: {},
    });
    vm.runInContext(code, context);
    const probe = vm.runInContext("[typeof process, typeof require, typeof Buffer]", context) as string[];
    expect([...probe]).toEqual(["undefined", "undefined", "undefined"]);

    const response = (await vm.runInContext(
      `lbx.createDefaultTransport({ apiKey: "browser-key-0123456789" })({
         url: "https://api.labelbox.com/graphql", method: "POST", headers: { "content-type": "application/json" },
         body: "{}", operation: { name: "GetUserPyApi", kind: "query", idempotent: true } })`,
      context,
    )) as Response;
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(2);
    const headers = sent[1]?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe("Bearer browser-key-0123456789");
    expect(headers["x-lbx-sdk"]).toBe(`lbx/${version}`);
    expect(headers["user-agent"]).toBeUndefined();
  });
});
