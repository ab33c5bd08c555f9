import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { browserBundle } from "../browser/bundle.js";
import { emulatorWithClient } from "./setup.js";

// The main entry must run where only browser globals exist: no `process`, `require`, `Buffer`,
// `global` or Node builtins. Linear's SDK fails exactly this way (anchors §7).
const APP = `
  import { createClient, createDataset, createDataRow, getDataRowByGlobalKey, iterateDataRows, isLbxError, getDataRow } from "./src/index.ts";
  globalThis.app = async (endpoint, apiKey) => {
    const client = createClient({ apiKey, endpoint, polling: { minDelayMs: 10, maxDelayMs: 50 } });
    const dataset = await createDataset(client, { name: "browser-globals", iamIntegration: null });
    const row = await createDataRow(client, dataset.id, {
      rowData: new Blob(["hello"], { type: "text/plain" }),
      globalKey: "browser-globals-1",
      metadataFields: [{ name: "tag", value: "vm" }],
      attachments: [{ type: "RAW_TEXT", value: "note" }],
    });
    const found = await getDataRowByGlobalKey(client, "browser-globals-1");
    const rows = await iterateDataRows(client, dataset.id).toArray();
    const missing = await getDataRow(client, "cdoesnotexist0000000000000").catch((e) => e);
    return { id: row.id, found: found.id, count: rows.length, missing: [isLbxError(missing), missing.code] };
  };
  globalThis.noKey = () => { try { createClient(); return "created"; } catch (e) { return e.code; } };
`;

function browserGlobals(): Record<string, unknown> {
  const g = globalThis as Record<string, unknown>;
  const names = [
    "fetch", "Request", "Response", "Headers", "FormData", "Blob", "File", "URL", "URLSearchParams",
    "AbortController", "AbortSignal", "DOMException", "TextEncoder", "TextDecoder", "ReadableStream",
    "setTimeout", "clearTimeout", "queueMicrotask", "structuredClone", "console", "crypto", "Event", "EventTarget",
  ];
  const context: Record<string, unknown> = Object.fromEntries(names.map((n) => [n, g[n]]));
  context["navigator"] = { userAgent: "vm" };
  return context;
}

let emulator: RunningEmulator;
beforeAll(async () => {
  ({ emulator } = await emulatorWithClient());
});
afterAll(() => emulator?.close());

describe("the browser bundle in a context with browser globals only", () => {
  it("has no Node globals in the context, and the app runs the workflow against the emulator", async () => {
    const code = await browserBundle(APP);
    expect(code).not.toMatch(/\brequire\(/);
    const context = browserGlobals();
    runInNewContext("globalThis.self = globalThis;", context);
    expect(runInNewContext("[typeof process, typeof require, typeof Buffer, typeof global]", context)).toEqual(["undefined", "undefined", "undefined", "undefined"]);
    runInNewContext(code, context);
    const result = await (context["app"] as (u: string, k: string) => Promise<{ id: string; found: string; count: number; missing: unknown[] }>)(emulator.url, emulator.apiKey);
    expect(result.found).toBe(result.id);
    expect(result.count).toBe(1);
    expect(result.missing).toEqual([true, "NOT_FOUND"]);
    // Without `process`, a missing key is reported, not a ReferenceError.
    expect((context["noKey"] as () => string)()).toBe("AUTHENTICATION_ERROR");
  });

  it("a Node builtin anywhere in the main entry's graph would fail the browser build", async () => {
    await expect(browserBundle(`import "./src/node.ts";`)).rejects.toThrow(/node:fs|Could not resolve/);
  });
});
