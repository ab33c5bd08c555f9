import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { createMetadataSchema, getDataRow, iterateDataRows, type LbxClient } from "@lbx/core";
import { CheckpointMismatchError, importDataRows, memoryCheckpoint, UnreadableRow } from "../../src/index.js";
import { countRows, fileCheckpoint, importFile, readRows } from "../../src/node.js";
import { emulatorWithClient, newDataset } from "../helpers/emulator.js";

const quickstart = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../examples/quickstart");
let emulator: RunningEmulator;
let client: LbxClient;
let dir: string;

beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-files-"));
  fs.mkdirSync(path.join(dir, "img"));
  fs.writeFileSync(path.join(dir, "img", "a.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 9, 9]));
});
afterAll(async () => {
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const download = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

describe("readRows + importDataRows", () => {
  it("imports the quick start NDJSON, uploading the rows whose rowData is a local path next to the file", async () => {
    const file = path.join(quickstart, "rows.ndjson");
    expect(await countRows(file)).toBe(1_200);
    const dataset = await newDataset(client, "quickstart");
    const { summary, outcomes } = await importDataRows(client, dataset, readRows(file));
    expect(summary).toMatchObject({ total: 1_200, created: 1_200, failed: 0 });
    const red = await getDataRow(client, (outcomes[0] as { dataRowId: string }).dataRowId);
    expect(red.rowData).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    expect(await download(red.rowData!)).toEqual(new Uint8Array(fs.readFileSync(path.join(quickstart, "images", "red.png"))));
    const later = await getDataRow(client, (outcomes[3] as { dataRowId: string }).dataRowId);
    expect(later.rowData).toBe("https://storage.googleapis.com/labelbox-datasets/quickstart/img-00003.jpg");
  });

  it("CSV: columns for fields, metadata and attachments; numbers from text for Number fields; bad records reported at their line", async () => {
    await createMetadataSchema(client, { name: "frames", kind: "CustomMetadataNumber" });
    const file = path.join(dir, "rows.csv");
    fs.writeFileSync(
      file,
      [
        "rowData,globalKey,externalId,metadata.split,metadata.frames,attachment.RAW_TEXT.caption",
        'https://example.com/c0.jpg,csv-0,"first, with comma",train,12,"a caption\nover two lines"',
        "./img/a.png,csv-1,local,valid,3.5,",
        "https://example.com/c2.jpg,csv-2,too,few",
        "https://example.com/c3.jpg,csv-3,nan,test,twelve,",
        "./img/missing.png,csv-4,,,,",
        "",
      ].join("\r\n"),
    );
    expect(await countRows(file)).toBe(5);
    const dataset = await newDataset(client, "csv");
    const { summary, outcomes } = await importDataRows(client, dataset, readRows(file));
    expect(summary).toMatchObject({ total: 5, created: 2, failed: 3 });
    expect(outcomes[2]).toMatchObject({ status: "failed", code: "INVALID_ROW", message: "line 5: has 4 cells, the header has 6" });
    expect(outcomes[3]).toMatchObject({ status: "failed", issues: [{ path: "metadataFields[1].value" }] });
    expect(outcomes[4]).toMatchObject({ status: "failed", issues: [{ path: "rowData", message: expect.stringMatching(/cannot read the local file/) }] });
    const first = await getDataRow(client, (outcomes[0] as { dataRowId: string }).dataRowId);
    expect(first.externalId).toBe("first, with comma");
    expect(first.metadataFields.find((f) => f.name === "frames")?.value).toBe(12);
    const local = await getDataRow(client, (outcomes[1] as { dataRowId: string }).dataRowId);
    expect(await download(local.rowData!)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9]));
  });

  it("JSON array files and folders of files", async () => {
    const json = path.join(dir, "rows.json");
    fs.writeFileSync(json, JSON.stringify([{ rowData: "https://example.com/j0.jpg", globalKey: "json-0" }, { rowData: "./img/a.png" }]).replace("}]", "}, {oops}]"));
    const read = await all(readRows(json));
    expect(read).toHaveLength(3);
    expect(read[1]).toMatchObject({ rowData: expect.any(File) });
    expect(read[2]).toBeInstanceOf(UnreadableRow);
    expect(await countRows(json)).toBe(3);

    const folder = path.join(dir, "folder");
    fs.mkdirSync(path.join(folder, "sub"), { recursive: true });
    fs.writeFileSync(path.join(folder, "b.txt"), "hello");
    fs.writeFileSync(path.join(folder, "sub", "a.txt"), "world");
    fs.writeFileSync(path.join(folder, ".hidden"), "no");
    expect(await countRows(folder)).toBe(2);
    const dataset = await newDataset(client, "folder");
    const { outcomes } = await importDataRows(client, dataset, readRows(folder, { globalKeyOf: (p) => `folder-${p}` }));
    expect(outcomes).toMatchObject([{ status: "created", globalKey: "folder-b.txt" }, { status: "created", globalKey: "folder-sub/a.txt" }]);
    const stored = await iterateDataRows(client, dataset).toArray();
    expect(stored.map((r) => r.externalId).sort()).toEqual(["b.txt", "sub/a.txt"]);
    expect(new TextDecoder().decode(await download(stored.find((r) => r.externalId === "sub/a.txt")!.rowData!))).toBe("world");
  });

  it("NDJSON over many 64 KiB reads: ASCII and multi-byte text across read boundaries, a BOM, U+FEFF inside a row", async () => {
    const file = path.join(dir, "mixed.ndjson");
    // Non-ASCII rows far apart, so most reads are all ASCII (the fast path) and some are not.
    const rows = Array.from({ length: 6000 }, (_, i) => ({ rowData: `https://x.test/${i}.jpg`, externalId: i % 2000 === 1999 ? `日本語-😀-é-${i}` : `plain-${i}`, globalKey: i === 4200 ? "a\uFEFFb" : `k${i}` }));
    fs.writeFileSync(file, `\uFEFF${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
    expect(fs.statSync(file).size).toBeGreaterThan(6 * 64 * 1024);
    expect(await all(readRows(file))).toEqual(rows);
  });

  it("countRows counts what readRows yields: blank and white-space lines skipped, CRLF, no final newline", async () => {
    const file = path.join(dir, "count.ndjson");
    fs.writeFileSync(file, '{"rowData":"a"}\r\n\r\n   \t\n{"rowData":"b"}\n\n{"rowData":"c"}');
    expect(await countRows(file)).toBe(3);
    expect(await all(readRows(file))).toHaveLength(3);
  });

  it("a file whose format cannot be told, or a CSV header naming an unknown column, is refused before anything is sent", async () => {
    const txt = path.join(dir, "rows.txt");
    fs.writeFileSync(txt, "{}");
    await expect(all(readRows(txt))).rejects.toThrow(/Cannot tell the format/);
    const csv = path.join(dir, "bad.csv");
    fs.writeFileSync(csv, "rowData,colour\nx,red\n");
    await expect(all(readRows(csv))).rejects.toThrow(/column 2 \("colour"\)/);
  });
});

describe("importFile and fileCheckpoint", () => {
  it("an import aborted halfway resumes from its checkpoint file and imports every row once", async () => {
    const file = path.join(dir, "resume.ndjson");
    fs.writeFileSync(file, Array.from({ length: 600 }, (_, i) => JSON.stringify({ rowData: `https://example.com/r${i}.jpg`, externalId: `resume-${i}` })).join("\n"));
    const checkpointFile = path.join(dir, "state", "resume.json");
    const dataset = await newDataset(client, "resume");
    const controller = new AbortController();
    const options = { checkpointFile, limits: { maxRowsPerTask: 100 }, concurrency: 1 } as const;
    const first = importFile(client, dataset, file, { ...options, signal: controller.signal, onOutcome: (o) => o.index === 250 && controller.abort() });
    await expect(first).rejects.toMatchObject({ code: "ABORTED" });
    const saved = JSON.parse(fs.readFileSync(checkpointFile, "utf8")) as { doneBefore: number };
    expect(saved.doneBefore).toBeGreaterThanOrEqual(200);
    expect(fs.readdirSync(path.dirname(checkpointFile))).toEqual(["resume.json"]);

    const outcomes: number[] = [];
    const { summary } = await importFile(client, dataset, file, { ...options, onOutcome: (o) => outcomes.push(o.index) });
    expect(summary).toMatchObject({ total: 600, created: 600, resumedAt: saved.doneBefore });
    expect(outcomes[0]).toBe(saved.doneBefore);
    expect(fs.existsSync(checkpointFile)).toBe(false);
    const stored = await iterateDataRows(client, dataset).toArray();
    expect(stored).toHaveLength(600);
    expect(new Set(stored.map((r) => r.externalId)).size).toBe(600);
  });

  it("a folder of files without global keys resumes too: re-attached tasks are matched by external id, not by upload URL", async () => {
    const folder = path.join(dir, "many");
    fs.mkdirSync(folder);
    for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(folder, `f${String(i).padStart(2, "0")}.txt`), `file ${i}`);
    const dataset = await newDataset(client, "folder-resume");
    const checkpoint = memoryCheckpoint();
    const controller = new AbortController();
    const options = { checkpoint, limits: { maxRowsPerTask: 3 }, concurrency: 2 } as const;
    await expect(
      importDataRows(client, dataset, readRows(folder), { ...options, signal: controller.signal, onTask: (_t, rows) => rows.start === 6 && controller.abort() }),
    ).rejects.toMatchObject({ code: "ABORTED" });
    // Stopped right after a task started: the resumed run re-attaches to it.
    expect((checkpoint.state as { spans: Array<{ state: string }> }).spans.some((sp) => sp.state === "submitted")).toBe(true);
    const { summary, outcomes } = await importDataRows(client, dataset, readRows(folder), options);
    expect(summary).toMatchObject({ total: 12, created: 12, failed: 0, unmatchedResults: 0 });
    const stored = await iterateDataRows(client, dataset).toArray();
    expect(stored.map((r) => r.externalId).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `f${String(i).padStart(2, "0")}.txt`));
    // Each outcome names the data row made from its own file.
    for (const o of outcomes) {
      const row = stored.find((r) => r.id === (o as { dataRowId: string }).dataRowId)!;
      expect(row.externalId).toBe(`f${String(o.index).padStart(2, "0")}.txt`);
    }
  });

  it("refuses a checkpoint written for another input or other options, and a file that is not one", async () => {
    const checkpointFile = path.join(dir, "mismatch.json");
    const store = fileCheckpoint(checkpointFile);
    expect(await store.load()).toBeUndefined();
    const dataset = await newDataset(client, "mismatch");
    const controller = new AbortController();
    const rows = Array.from({ length: 300 }, (_, i) => ({ rowData: `https://example.com/m${i}.jpg` }));
    await expect(
      importDataRows(client, dataset, rows, { checkpoint: store, limits: { maxRowsPerTask: 100 }, concurrency: 1, signal: controller.signal, onOutcome: (o) => o.index === 150 && controller.abort() }),
    ).rejects.toMatchObject({ code: "ABORTED" });
    const changed = rows.map((r, i) => (i === 20 ? { rowData: "https://example.com/other.jpg" } : r));
    await expect(importDataRows(client, dataset, changed, { checkpoint: store, limits: { maxRowsPerTask: 100 } })).rejects.toThrow(CheckpointMismatchError);
    await expect(importDataRows(client, dataset, rows, { checkpoint: store, limits: { maxRowsPerTask: 50 } })).rejects.toThrow(/another dataset or other options/);
    await expect(importDataRows(client, dataset, rows.slice(0, 50), { checkpoint: store, limits: { maxRowsPerTask: 100 } })).rejects.toThrow(/input has 50 rows/);
    // The first task's size and the expected total only size tasks not yet sent: a resume may change them.
    const resumed = await importDataRows(client, dataset, rows, { checkpoint: store, limits: { maxRowsPerTask: 100, firstTaskRows: 7 }, expectedTotal: 300 });
    expect(resumed.summary).toMatchObject({ total: 300, failed: 0 });
    expect(resumed.summary.resumedAt).toBeGreaterThan(0);
    expect(await iterateDataRows(client, dataset).toArray()).toHaveLength(300);
    fs.writeFileSync(checkpointFile, "{not json");
    await expect(store.load()).rejects.toThrow(CheckpointMismatchError);
    await store.clear();
    expect(fs.existsSync(checkpointFile)).toBe(false);
  });
});
