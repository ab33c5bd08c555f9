import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { createClient, type LbxClient, TaskTimeoutError, ValidationError } from "@lbx/core";
import { fetchTransport, type Transport } from "@lbx/transport";
import { type ExportedDataRow, exportDataRows, importDataRows, MAX_IDS_PER_EXPORT } from "../../src/index.js";
import { exportDataRowsToFile } from "../../src/node.js";
import { emulatorWithClient, newDataset, sampleRows } from "../helpers/emulator.js";

let emulator: RunningEmulator;
let client: LbxClient;
let dataset: string;
let ids: Map<string, string>;
const N = 5_000;
// Non-ASCII text, so multi-byte characters cross network reads.
const rows = sampleRows(N, "exp").map((r, i) => ({ ...r, externalId: `画像-${i}-😀` }));

beforeAll(async () => {
  // Small stream chunks: a 5,000-row export comes in many files, as a large one would.
  ({ emulator, client } = await emulatorWithClient({ exportChunkBytes: 64 * 1024 }));
  dataset = await newDataset(client, "export");
  const { outcomes } = await importDataRows(client, dataset, rows, { limits: { maxRowsPerTask: 2_500 } });
  ids = new Map(outcomes.map((o) => [o.globalKey!, (o as { dataRowId: string }).dataRowId]));
}, 60_000);
afterAll(() => emulator?.close());

async function collect(it: AsyncIterable<ExportedDataRow>): Promise<ExportedDataRow[]> {
  const out: ExportedDataRow[] = [];
  for await (const row of it) out.push(row);
  return out;
}

describe("exportDataRows", () => {
  it("streams every row of the dataset as typed rows, with metadata when asked", async () => {
    const tasks: string[] = [];
    const exported = await collect(exportDataRows(client, dataset, { includeMetadata: true, includeAttachments: true, onTask: (id) => tasks.push(id) }));
    expect(tasks).toHaveLength(1);
    expect(exported).toHaveLength(N);
    expect(new Set(exported.map((r) => r.data_row.global_key)).size).toBe(N);
    const row7 = exported.find((r) => r.data_row.global_key === "exp-7")!;
    expect(row7.data_row).toMatchObject({ id: ids.get("exp-7"), external_id: "画像-7-😀", row_data: "https://storage.example.com/exp/7.jpg" });
    expect(row7.metadata_fields.map((f) => f.schema_name).sort()).toEqual(["captureDateTime", "split", "tag"]);
    expect(row7.metadata_fields.find((f) => f.schema_name === "split")?.value).toMatchObject({ schema_name: "valid" });
    expect(row7.attachments).toMatchObject([{ type: "RAW_TEXT", value: "note 7", name: "note" }]);

    const plain = await collect(exportDataRows(client, dataset));
    expect(plain).toHaveLength(N);
    expect(plain.every((r) => r.metadata_fields.length === 0 && r.attachments.length === 0)).toBe(true);
  });

  it("splits id and global-key filters above 2,000 into several exports and returns exactly those rows", async () => {
    const keys = [...ids.keys()].slice(0, 4_500);
    const tasks: string[] = [];
    // Repeats (case-insensitive for keys) are sent once.
    const byKey = await collect(exportDataRows(client, dataset, { globalKeys: [...keys, keys[0]!.toUpperCase()], onTask: (id) => tasks.push(id) }));
    expect(tasks).toHaveLength(Math.ceil(4_500 / MAX_IDS_PER_EXPORT));
    expect(byKey.map((r) => r.data_row.global_key).sort()).toEqual([...keys].sort());

    const someIds = [...ids.values()].slice(1_000, 3_001);
    const byId = await collect(exportDataRows(client, dataset, { dataRowIds: someIds }));
    expect(byId.map((r) => r.data_row.id).sort()).toEqual([...someIds].sort());

    await expect(collect(exportDataRows(client, dataset, { dataRowIds: someIds, globalKeys: keys }))).rejects.toBeInstanceOf(ValidationError);
    await expect(collect(exportDataRows(client, dataset, { globalKeys: ["ok", ""] }))).rejects.toThrow(/globalKeys\[1\]/);
  });

  it("survives failing stream requests and downloads: every row once, none lost or repeated", async () => {
    emulator.faults.set({
      seed: 3,
      rules: [
        { kind: "drop", operation: "download", rate: 0.25 },
        { kind: "http", status: 503, operation: "download", rate: 0.15 },
        { kind: "http", status: 500, operation: "GetExportFileFromOffsetPyApi", rate: 0.2 },
        { kind: "rate-limit", retryAfter: 0, operation: "GetExportMetadataHeaderPyApi", times: 1 },
      ],
    });
    try {
      const exported = await collect(exportDataRows(client, dataset));
      expect(exported).toHaveLength(N);
      expect(new Set(exported.map((r) => r.data_row.id)).size).toBe(N);
    } finally {
      emulator.faults.clear();
    }
  });

  it("a download cut off mid-body resumes at the first line not yet read, so no line is lost or repeated", async () => {
    let cut = 0;
    const base = fetchTransport();
    // Our own seam: every other export file download breaks off partway through its body.
    const breaking: Transport = async (request) => {
      const response = await base(request);
      if (request.operation?.kind !== "download" || cut % 2 === 1 || !response.body) return ((cut += request.operation?.kind === "download" ? 1 : 0), response);
      cut += 1;
      const reader = response.body.getReader();
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) return controller.close();
          if (sent > 20_000) return controller.error(new TypeError("terminated: other side closed"));
          sent += value.length;
          controller.enqueue(value);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const flaky = createClient({ apiKey: emulator.apiKey, endpoint: emulator.url, transport: breaking, polling: { minDelayMs: 10, maxDelayMs: 50 } });
    const exported = await collect(exportDataRows(flaky, dataset));
    expect(cut).toBeGreaterThan(4);
    expect(exported).toHaveLength(N);
    expect(new Set(exported.map((r) => r.data_row.id)).size).toBe(N);
  });

  it("asks for the next file while the current one is still being read, and still yields every row once, in order", async () => {
    const base = fetchTransport();
    const events: string[] = [];
    let downloads = 0;
    // Our own seam: records when each file is asked for and when its body has been read to the end.
    const recording: Transport = async (request) => {
      if (request.operation?.name === "GetExportFileFromOffsetPyApi") events.push("ask");
      const response = await base(request);
      if (request.operation?.kind !== "download" || !response.body) return response;
      const n = downloads++;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (!done) return controller.enqueue(value);
          events.push(`read ${n}`);
          controller.close();
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const watched = createClient({ apiKey: emulator.apiKey, endpoint: emulator.url, transport: recording, polling: { minDelayMs: 10, maxDelayMs: 50 } });
    const exported = await collect(exportDataRows(watched, dataset));
    expect(downloads).toBeGreaterThan(3); // 64 KiB files
    // File 0's body is read to the end only after file 1 was asked for (read-ahead).
    expect(events.indexOf("read 0")).toBeGreaterThan(events.indexOf("ask", events.indexOf("ask") + 1));
    expect(exported.map((r) => r.data_row.id)).toEqual((await collect(exportDataRows(client, dataset))).map((r) => r.data_row.id));
    expect(new Set(exported.map((r) => r.data_row.id)).size).toBe(N);
  });

  it("an empty dataset exports no rows; breaking out of the loop stops reading", async () => {
    const empty = await newDataset(client, "empty");
    expect(await collect(exportDataRows(client, empty))).toEqual([]);
    let n = 0;
    for await (const _ of exportDataRows(client, dataset)) if (++n === 10) break;
    expect(n).toBe(10);
  });

  it("an export task that never finishes throws a TaskTimeoutError with its task id", async () => {
    emulator.faults.set({ rules: [{ kind: "task-hang", operation: "export-data-rows", times: 1 }] });
    const tasks: string[] = [];
    try {
      const error = (await collect(exportDataRows(client, dataset, { timeoutSeconds: 0.3, onTask: (id) => tasks.push(id) })).catch((e: unknown) => e)) as TaskTimeoutError;
      expect(error).toBeInstanceOf(TaskTimeoutError);
      expect(error.taskId).toBe(tasks[0]);
    } finally {
      emulator.faults.clear();
    }
  });
});

describe("exportDataRowsToFile", () => {
  it("writes the export to an NDJSON file, byte for byte, and only once complete", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-export-"));
    try {
      const file = path.join(dir, "out", "rows.ndjson");
      const result = await exportDataRowsToFile(client, dataset, file, { includeMetadata: true });
      expect(result).toMatchObject({ file, rows: N });
      const text = fs.readFileSync(file, "utf8");
      expect(result.bytes).toBe(Buffer.byteLength(text));
      const lines = text.split("\n");
      expect(lines.pop()).toBe("");
      expect(lines).toHaveLength(N);
      expect(new Set(lines.map((l) => (JSON.parse(l) as ExportedDataRow).data_row.global_key)).size).toBe(N);

      const controller = new AbortController();
      emulator.faults.set({ rules: [{ kind: "latency", ms: 100, operation: "download" }] });
      setTimeout(() => controller.abort(), 200);
      const aborted = path.join(dir, "aborted.ndjson");
      await expect(exportDataRowsToFile(client, dataset, aborted, { signal: controller.signal })).rejects.toMatchObject({ code: "ABORTED" });
      expect(fs.readdirSync(dir).sort()).toEqual(["out"]);
    } finally {
      emulator.faults.clear();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
