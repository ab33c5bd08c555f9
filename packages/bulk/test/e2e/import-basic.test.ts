import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { AbortError, createClient, createMetadataSchema, getDataRow, iterateDataRows, type LbxClient, NotFoundError, updateMetadataEnumOption } from "@lbx/core";
import { createDataRows, importDataRows, type ImportProgress, InputReadError, memoryCheckpoint, type RowOutcome, upsertDataRows } from "../../src/index.js";
import { emulatorWithClient, newDataset, sampleRows } from "../helpers/emulator.js";

let emulator: RunningEmulator;
let client: LbxClient;

beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient());
});
afterAll(() => emulator?.close());

const keysIn = async (dataset: string) => (await iterateDataRows(client, dataset).toArray()).map((r) => r.globalKey);

describe("importDataRows", () => {
  it("imports an array in several tasks and reports one outcome per row in input order", async () => {
    const dataset = await newDataset(client);
    const rows = sampleRows(2_500, "basic");
    const progress: ImportProgress[] = [];
    const seen: RowOutcome[] = [];
    const tasks: Array<{ start: number; end: number }> = [];
    const { summary, outcomes } = await importDataRows(client, dataset, rows, {
      limits: { maxRowsPerTask: 1_000, maxChunkRows: 300 },
      onProgress: (p) => progress.push(p),
      onOutcome: (o) => seen.push(o),
      onTask: (_task, range) => tasks.push(range),
      expectedTotal: rows.length,
    });
    expect(summary).toMatchObject({ total: 2_500, created: 2_500, updated: 0, skipped: 0, failed: 0, unmatchedResults: 0 });
    expect(summary.taskIds).toHaveLength(3);
    expect(tasks.sort((a, b) => a.start - b.start)).toEqual([{ start: 0, end: 1000 }, { start: 1000, end: 2000 }, { start: 2000, end: 2500 }]);
    expect(outcomes.map((o) => o.index)).toEqual(rows.map((_, i) => i));
    expect(seen).toEqual(outcomes);
    outcomes.forEach((o, i) => expect(o).toMatchObject({ status: "created", globalKey: `basic-${i}` }));
    expect(progress.at(-1)).toMatchObject({ validated: 2_500, uploaded: 2_500, processed: 2_500, failed: 0, total: 2_500, etaSeconds: 0, tasksStarted: 3, tasksDone: 3 });

    const stored = await iterateDataRows(client, dataset).toArray();
    expect(stored).toHaveLength(2_500);
    const byKey = new Map(stored.map((r) => [r.globalKey, r]));
    for (const o of outcomes) expect(byKey.get(o.globalKey!)?.id).toBe((o as { dataRowId: string }).dataRowId);
    // The spec the SDK wrote: metadata by name resolved, attachment and external id kept.
    const row = await getDataRow(client, byKey.get("basic-7")!.id);
    expect(row).toMatchObject({ externalId: "ext-7", rowData: "https://storage.example.com/basic/7.jpg" });
    expect(row.metadataFields.map((f) => f.name).sort()).toEqual(["captureDateTime", "split", "tag"]);
  });

  it("reads a sync iterable and an async iterable lazily, a bounded number of rows ahead of the outcomes", async () => {
    const dataset = await newDataset(client);
    let pulled = 0;
    let reported = 0;
    let maxAhead = 0;
    async function* rows() {
      for (const row of sampleRows(3_000, "lazy")) {
        pulled += 1;
        maxAhead = Math.max(maxAhead, pulled - reported);
        yield row;
      }
    }
    const limits = { maxRowsPerTask: 100, maxChunkRows: 50 };
    const result = await importDataRows(client, dataset, rows(), { limits, concurrency: 2, collectOutcomes: false, onOutcome: () => (reported += 1) });
    expect(result.summary).toMatchObject({ total: 3_000, created: 3_000 });
    expect(result.outcomes).toEqual([]);
    // At most 2 × concurrency spans of 100 rows are alive, plus the one being filled.
    expect(maxAhead).toBeLessThanOrEqual(5 * 100 + 1);

    function* more() {
      yield* sampleRows(10, "sync");
    }
    const sync = await createDataRows(client, dataset, more());
    expect(sync.summary).toMatchObject({ total: 10, created: 10 });
  });

  it("reports invalid rows with their index and reason, never sends them, and imports the rest", async () => {
    const dataset = await newDataset(client);
    const rows: unknown[] = [
      { rowData: "https://example.com/ok-0.jpg", globalKey: "mix-0" },
      { rowData: "", globalKey: "mix-1" },
      { rowData: "https://example.com/ok-2.jpg", globalKey: "bad key  with two spaces" },
      "not an object",
      { rowData: "https://example.com/ok-4.jpg", globalKey: "mix-4", metadataFields: [{ name: "no-such-field", value: "x" }] },
      { rowData: "https://example.com/ok-5.jpg", globalKey: "MIX-0" },
      { rowData: "https://example.com/ok-6.jpg", globalKey: "mix-6", attachments: [{ type: "raw_text", value: "x" }] },
      { rowData: "https://example.com/ok-7.jpg", globalKey: "mix-7", metadataFields: [{ name: "split", value: "nope" }] },
      { rowData: "https://example.com/ok-8.jpg", globalKey: "mix-8" },
    ];
    const { summary, outcomes } = await importDataRows(client, dataset, rows as never);
    expect(summary).toMatchObject({ total: 9, created: 2, failed: 7 });
    expect(outcomes.map((o) => [o.index, o.status, o.status === "failed" ? o.code : ""])).toEqual([
      [0, "created", ""],
      [1, "failed", "INVALID_ROW"],
      [2, "failed", "INVALID_ROW"],
      [3, "failed", "INVALID_ROW"],
      [4, "failed", "INVALID_ROW"],
      [5, "failed", "DUPLICATE_GLOBAL_KEY"],
      [6, "failed", "INVALID_ROW"],
      [7, "failed", "INVALID_ROW"],
      [8, "created", ""],
    ]);
    const failed = outcomes.filter((o): o is Extract<RowOutcome, { status: "failed" }> => o.status === "failed");
    expect(failed[0]!.issues).toEqual([{ path: "rowData", message: "must not be empty" }]);
    expect(failed[1]!.issues?.[0]?.path).toBe("globalKey");
    expect(failed[2]!.message).toMatch(/object/);
    expect(failed[3]!.issues?.[0]).toMatchObject({ path: "metadataFields[0]", message: expect.stringMatching(/no-such-field/) });
    expect(failed[4]!.message).toMatch(/already appears at input row 0/);
    expect(failed[5]!.issues?.[0]?.path).toBe("attachments[0].type");
    expect(failed[6]!.issues?.[0]?.path).toBe("metadataFields[0].value");
    expect((await keysIn(dataset)).sort()).toEqual(["mix-0", "mix-8"]);
  });

  it("fail / skip / update: what happens to a row whose global key already exists", async () => {
    const dataset = await newDataset(client);
    await createDataRows(client, dataset, [{ rowData: "https://example.com/a.jpg", globalKey: "dup-a", externalId: "first" }]);
    const rows = [
      { rowData: "https://example.com/a2.jpg", globalKey: "DUP-A", externalId: "second" },
      { rowData: "https://example.com/b.jpg", globalKey: "dup-b" },
    ];

    const fail = await createDataRows(client, dataset, rows);
    expect(fail.outcomes).toMatchObject([{ status: "failed", code: "DUPLICATE_GLOBAL_KEY" }, { status: "created" }]);

    const skip = await createDataRows(client, dataset, [...rows, { rowData: "https://example.com/c.jpg", globalKey: "dup-c" }], { onDuplicate: "skip" });
    expect(skip.summary).toMatchObject({ skipped: 2, created: 1, failed: 0 });
    expect(skip.outcomes[0]).toMatchObject({ status: "skipped", globalKey: "DUP-A", dataRowId: expect.stringMatching(/^c/) });
    expect(skip.outcomes[2]).toMatchObject({ status: "created", globalKey: "dup-c" });

    const update = await upsertDataRows(client, dataset, [...rows, { rowData: "https://example.com/d.jpg", globalKey: "dup-d" }, { rowData: "https://example.com/nokey.jpg" }]);
    expect(update.summary).toMatchObject({ updated: 2, created: 2, failed: 0 });
    expect(update.outcomes.map((o) => o.status)).toEqual(["updated", "updated", "created", "created"]);
    const a = update.outcomes[0] as { dataRowId: string };
    expect(a.dataRowId).toBe((skip.outcomes[0] as { dataRowId: string }).dataRowId);
    expect((await getDataRow(client, a.dataRowId)).externalId).toBe("second");
    // The upsert wrote the key as this input spelled it; keys compare case-insensitively.
    expect((await keysIn(dataset)).filter(Boolean).sort()).toEqual(["DUP-A", "dup-b", "dup-c", "dup-d"]);
  });

  it("a row larger than a default chunk file goes alone in its own; above an explicit limit it fails ROW_TOO_LARGE", async () => {
    const dataset = await newDataset(client);
    const big = { rowData: "https://example.com/big.jpg", globalKey: "big-1", attachments: Array.from({ length: 300 }, (_, i) => ({ type: "RAW_TEXT", value: `${i}:${"x".repeat(4_000)}` })) };
    const rows = [{ rowData: "https://example.com/s0.jpg", globalKey: "small-0" }, big, { rowData: "https://example.com/s2.jpg", globalKey: "small-2" }];
    const sent = await importDataRows(client, dataset, rows);
    expect(sent.outcomes.map((o) => o.status)).toEqual(["created", "created", "created"]);
    const limited = await importDataRows(client, await newDataset(client), [{ ...big, globalKey: "big-2" }, { rowData: "https://example.com/s3.jpg" }], { limits: { maxChunkBytes: 100_000 } });
    expect(limited.outcomes[0]).toMatchObject({ status: "failed", code: "ROW_TOO_LARGE", message: expect.stringMatching(/more than a chunk file may hold \(99998\)/) });
    expect(limited.outcomes[1]).toMatchObject({ status: "created" });
  });

  it("a row too large to send, or whose object row data cannot be JSON, fails alone and does not claim its global key", async () => {
    const dataset = await newDataset(client);
    const big = { rowData: "https://example.com/big.jpg", globalKey: "claim-1", attachments: Array.from({ length: 30 }, (_, i) => ({ type: "RAW_TEXT", value: `${i}:${"x".repeat(4_000)}` })) };
    const cyclic: Record<string, unknown> = { pdfUrl: "https://example.com/c.pdf" };
    cyclic["self"] = cyclic;
    const rows = [
      big,
      { rowData: "https://example.com/small.jpg", globalKey: "claim-1" },
      { rowData: cyclic, globalKey: "claim-2" },
      { rowData: { pdfUrl: "https://example.com/n.pdf", pages: 10n }, externalId: "bigint" },
      { rowData: "https://example.com/again.jpg", globalKey: "claim-2" },
    ];
    const { outcomes } = await importDataRows(client, dataset, rows as never, { limits: { maxChunkBytes: 100_000 } });
    expect(outcomes.map((o) => (o.status === "failed" ? o.code : o.status))).toEqual(["ROW_TOO_LARGE", "created", "INVALID_ROW", "INVALID_ROW", "created"]);
    expect(outcomes[2]).toMatchObject({ issues: [{ path: "rowData", message: expect.stringMatching(/cannot be sent as JSON: .*circular/i) }] });
    expect(outcomes[3]).toMatchObject({ issues: [{ path: "rowData", message: expect.stringMatching(/cannot be sent as JSON: .*BigInt/) }] });
    expect((await keysIn(dataset)).sort()).toEqual(["claim-1", "claim-2"]);
  });

  it("rows whose row data is an object and that have no global key are matched to their results by external id", async () => {
    const dataset = await newDataset(client);
    const conversation = { type: "application/vnd.labelbox.conversational", version: 1, messages: [{ messageId: "m1", content: "hi", user: { userId: "u", name: "u" } }] };
    const rows = [
      { rowData: { pdfUrl: "https://example.com/doc.pdf", textLayerUrl: "https://example.com/t.json" }, externalId: "pdf" },
      { rowData: conversation, externalId: "conv", mediaType: "CONVERSATIONAL" },
      { rowData: "https://example.com/plain.jpg", externalId: "plain" },
    ];
    const { summary, outcomes } = await importDataRows(client, dataset, rows);
    expect(summary).toMatchObject({ created: 3, failed: 0, unmatchedResults: 0 });
    for (const [i, o] of outcomes.entries()) {
      expect(o.status).toBe("created");
      expect((await getDataRow(client, (o as { dataRowId: string }).dataRowId)).externalId).toBe(rows[i]!.externalId);
    }
  });

  it("a source that throws halfway: the rows read before are imported, the rejection carries their outcomes, and a checkpointed run on the mended input resumes", async () => {
    const dataset = await newDataset(client);
    const rows = sampleRows(50, "torn");
    async function* torn(upTo: number) {
      for (const [i, row] of rows.entries()) {
        if (i === upTo) throw new Error(`line ${i + 1} is broken`);
        yield row;
      }
    }
    const checkpoint = memoryCheckpoint();
    const error = (await importDataRows(client, dataset, torn(30), { checkpoint, limits: { maxRowsPerTask: 20 } }).catch((e: unknown) => e)) as InputReadError;
    expect(error).toBeInstanceOf(InputReadError);
    expect(error.code).toBe("INPUT_READ_FAILED");
    expect(error.rowsRead).toBe(30);
    expect((error.cause as Error).message).toBe("line 31 is broken");
    expect(error.message).toContain("past row 29");
    expect(error.result.summary).toMatchObject({ total: 30, created: 30, failed: 0 });
    expect(error.result.outcomes.map((o) => [o.index, o.status])).toEqual(rows.slice(0, 30).map((_, i) => [i, "created"]));
    expect(checkpoint.state).toBeDefined();
    expect((await keysIn(dataset)).sort()).toEqual(rows.slice(0, 30).map((r) => r.globalKey).sort());

    const mended = await importDataRows(client, dataset, torn(-1), { checkpoint, limits: { maxRowsPerTask: 20 } });
    expect(mended.summary).toMatchObject({ resumedAt: 30, created: 50, failed: 0 });
    expect((await keysIn(dataset)).sort()).toEqual(rows.map((r) => r.globalKey).sort());
  });

  it("an abort ends the import at once even while the source is waiting for its next row", async () => {
    const dataset = await newDataset(client);
    async function* stalls() {
      yield* sampleRows(10, "stall");
      await new Promise(() => undefined); // never yields again
    }
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const error = await importDataRows(client, dataset, stalls(), { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("an enum option another client renamed after this client cached the ontology is found after one refresh", async () => {
    const other = createClient({ apiKey: emulator.apiKey, endpoint: emulator.url });
    await createMetadataSchema(other, { name: "shade", kind: "CustomMetadataEnum", options: ["red", "blue"] });
    const dataset = await newDataset(client);
    const first = await importDataRows(client, dataset, [{ rowData: "https://example.com/r.jpg", metadataFields: [{ name: "shade", value: "red" }] }]);
    expect(first.outcomes[0]).toMatchObject({ status: "created" });
    await updateMetadataEnumOption(other, "shade", "red", "crimson");
    const { outcomes } = await importDataRows(client, dataset, [{ rowData: "https://example.com/c.jpg", metadataFields: [{ name: "shade", value: "crimson" }] }]);
    expect(outcomes[0]).toMatchObject({ status: "created" });
  });

  it("uploads File / Blob row data", async () => {
    const dataset = await newDataset(client);
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], "tiny.png", { type: "image/png" });
    const { outcomes } = await importDataRows(client, dataset, [{ rowData: file, globalKey: "blob-1" }]);
    expect(outcomes[0]).toMatchObject({ status: "created" });
    const row = await getDataRow(client, (outcomes[0] as { dataRowId: string }).dataRowId);
    const body = new Uint8Array(await (await fetch(row.rowData!)).arrayBuffer());
    expect([...body]).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  });

  it("a task that FAILS on the server fails its rows (TASK_FAILED); the other tasks go on", async () => {
    const dataset = await newDataset(client);
    emulator.faults.set({ rules: [{ kind: "task-fail", operation: "adv-upsert-data-rows", times: 1 }] });
    try {
      const { summary, outcomes } = await importDataRows(client, dataset, sampleRows(30, "tf"), { limits: { maxRowsPerTask: 10 }, concurrency: 1 });
      expect(summary).toMatchObject({ created: 20, failed: 10 });
      expect(outcomes.slice(0, 10).every((o) => o.status === "failed" && o.code === "TASK_FAILED" && /failed/.test(o.message))).toBe(true);
    } finally {
      emulator.faults.clear();
    }
  });

  it("an abort stops the import at once, even while reading waits for room behind tasks that do not finish", async () => {
    const dataset = await newDataset(client);
    emulator.faults.set({ rules: [{ kind: "task-hang", operation: "adv-upsert-data-rows" }] });
    const controller = new AbortController();
    let pulled = 0;
    function* endless() {
      for (let i = 0; ; i++) {
        pulled += 1;
        yield { rowData: `https://example.com/endless/${i}.jpg` };
      }
    }
    try {
      const started = Date.now();
      const run = importDataRows(client, dataset, endless(), { limits: { maxRowsPerTask: 10 }, concurrency: 1, onTask: () => setTimeout(() => controller.abort(), 100), signal: controller.signal });
      await expect(run).rejects.toMatchObject({ code: "ABORTED" });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(pulled).toBeLessThan(100); // at most 2 spans of 10 rows were alive
    } finally {
      emulator.faults.clear();
    }
  });

  it("rejects a dataset that does not exist before reading any row", async () => {
    let pulled = 0;
    function* rows() {
      pulled += 1;
      yield { rowData: "https://example.com/x.jpg" };
    }
    await expect(importDataRows(client, "cxxxxxxxxxxxxxxxxxxxxxxxx", rows())).rejects.toBeInstanceOf(NotFoundError);
    expect(pulled).toBe(0);
  });
});
