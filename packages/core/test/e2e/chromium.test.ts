import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { browserBundle } from "../browser/bundle.js";
import { emulatorWithClient } from "./setup.js";

// Debian's Chromium (`apt-get install -y chromium`), driven by playwright-core; see toolchain.md.
const CHROMIUM = process.env["LBX_CHROMIUM"] ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// The page runs the data-row workflow in the browser against the emulator over HTTP (a different
// origin, so CORS preflights happen as they would against the cloud), and the size budget's app:
// createClientWithTransport over fetchTransport, and createDataRowClassic from a URL.
const APP = `
  import { createClient, createClientWithTransport, createDataset, createDataRow, createDataRowClassic, getDataRowByGlobalKey, iterateDataRows, deleteDataRow, getDataRow, getAttachments, ConflictError, NotFoundError } from "./src/index.ts";
  import { fetchTransport } from "@lbx/transport";
  const params = new URLSearchParams(location.search);
  async function workflow() {
    const client = createClient({ apiKey: params.get("key"), endpoint: params.get("endpoint"), polling: { minDelayMs: 10, maxDelayMs: 50 } });
    const dataset = await createDataset(client, { name: "chromium", iamIntegration: null });
    const fromUrl = await createDataRow(client, dataset.id, {
      rowData: "https://storage.googleapis.com/labelbox-sample-datasets/Docs/basic.jpg",
      globalKey: "chromium-url",
      externalId: "url-1",
      metadataFields: [{ name: "tag", value: "browser" }, { name: "split", value: "test" }, { name: "captureDateTime", value: new Date("2024-01-02T03:04:05Z") }],
      attachments: [{ type: "RAW_TEXT", value: "made in Chromium", name: "note" }],
    });
    const blob = new Blob([new Uint8Array([1, 2, 3, 4, 5])], { type: "application/octet-stream" });
    const fromBlob = await createDataRow(client, dataset.id, { rowData: blob, globalKey: "chromium-blob" }, { filename: "five.bin" });
    const downloaded = new Uint8Array(await (await fetch(fromBlob.rowData)).arrayBuffer());
    const lean = createClientWithTransport({ apiKey: params.get("key"), endpoint: params.get("endpoint"), transport: fetchTransport() });
    const classic = await createDataRowClassic(lean, dataset.id, { rowData: "https://example.com/classic.jpg", globalKey: "chromium-classic" });
    const taken = await createDataRowClassic(lean, dataset.id, { rowData: "https://example.com/again.jpg", globalKey: "Chromium-Classic" }).catch((e) => e);
    const found = await getDataRowByGlobalKey(client, "chromium-url");
    const attachments = await getAttachments(client, fromUrl.id).toArray();
    const listed = [];
    for await (const row of iterateDataRows(client, dataset.id, { pageSize: 1 })) listed.push(row.globalKey);
    await deleteDataRow(client, fromUrl.id);
    const gone = await getDataRow(client, fromUrl.id).catch((e) => e);
    return {
      metadata: fromUrl.metadataFields.map((f) => f.name + "=" + f.value),
      downloaded: Array.from(downloaded),
      foundSame: found.id === fromUrl.id,
      attachments: attachments.map((a) => a.type + ":" + a.value),
      listed: listed.sort(),
      goneIsNotFound: gone instanceof NotFoundError,
      classic: [classic.globalKey, classic.rowData],
      takenIsConflict: taken instanceof ConflictError,
    };
  }
  workflow().then((r) => { window.__result = r; }, (e) => { window.__result = { error: String(e && e.stack || e) }; });
`;

let emulator: RunningEmulator;
let site: Server;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set LBX_CHROMIUM)`);
  ({ emulator } = await emulatorWithClient());
  const script = await browserBundle(APP, "esm");
  site = createServer((req, res) => {
    if (req.url?.startsWith("/app.js")) {
      res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    } else {
      res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><title>lbx</title><script type="module" src="/app.js"></script>');
    }
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await emulator?.close();
});

describe("in headless Chromium", () => {
  it("runs the workflow (URL row, Blob upload, metadata, attachments, lookup, iteration, delete) and the budget app's classic create", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const { port } = site.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/?endpoint=${encodeURIComponent(emulator.url)}&key=${encodeURIComponent(emulator.apiKey)}`);
    await page.waitForFunction(() => (window as { __result?: unknown }).__result !== undefined, undefined, { timeout: 30_000 });
    const result = await page.evaluate(() => (window as { __result?: unknown }).__result);
    expect(errors).toEqual([]);
    expect(result).toEqual({
      metadata: ["tag=browser", "split=test", "captureDateTime=2024-01-02T03:04:05Z"],
      downloaded: [1, 2, 3, 4, 5],
      foundSame: true,
      attachments: ["RAW_TEXT:made in Chromium"],
      listed: ["chromium-blob", "chromium-classic", "chromium-url"],
      goneIsNotFound: true,
      classic: ["chromium-classic", "https://example.com/classic.jpg"],
      takenIsConflict: true,
    });
    await page.close();
  });
});
