// The export's second thread (file stores, built bin only): a large whole-dataset v2 export built
// half on a worker thread gives exactly the bytes and chunk ranges of the single-thread path.
// Runs the built bin, since the worker exists only in the build.
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { data, download, waitFor } from "./helpers/client.js";
import { createDataset, startUpsert, waitForTask } from "./helpers/flows.js";
import { startBin } from "./helpers/process.js";

const V2 = `mutation($input: ExportDataRowsInCatalogInput!){exportDataRowsInCatalog(input: $input){taskId}}`;
const HEADER = `query($w: WhereUniqueIdInput, $s: TaskStreamType!){task(where: $w){exportMetadataHeader(streamType: $s){totalSize totalLines}}}`;
const CHUNK = `query($w: WhereUniqueIdInput, $s: TaskStreamType!, $o: UInt64!){task(where: $w){exportFileFromOffset(streamType: $s, offset: $o){offsets{start end} lines{start end} file}}}`;
// Ranges are ~5,000 rows and the main thread builds the first 3 itself: 40,000 rows make 8 ranges,
// 3 of them the worker's, so the worker's code path really runs.
const ROWS = 40_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-emulator-export-threads-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Exports dataset `ds` (streamable v2, everything included) and downloads every chunk: the bytes and the chunk ranges. */
async function exportAll(url: string, key: string, ds: string): Promise<{ bytes: Buffer; ranges: unknown[]; totalLines: number }> {
  const params = { includeAttachments: true, includeMetadata: true, includeDataRowDetails: true };
  const input = { taskName: "t", filters: { searchQuery: { scope: null, query: [{ ids: [ds], operator: "is", type: "dataset" }] } }, isStreamableReady: true, streamable: true, params };
  const taskId = (await data(url, key, V2, { input })).exportDataRowsInCatalog.taskId as string;
  expect((await waitForTask(url, key, taskId, 60_000)).status).toBe("COMPLETE");
  const header = (await data(url, key, HEADER, { w: { id: taskId }, s: "RESULT" })).task.exportMetadataHeader;
  const parts: Buffer[] = [];
  const ranges: unknown[] = [];
  for (let offset = 0; offset < header.totalSize; ) {
    const info = (await data(url, key, CHUNK, { w: { id: taskId }, s: "RESULT", o: String(offset) })).task.exportFileFromOffset;
    const got = await download(info.file);
    expect(got.bytes.length).toBe(info.offsets.end - info.offsets.start + 1);
    parts.push(got.bytes);
    ranges.push([info.offsets, info.lines]);
    offset = info.offsets.end + 1;
  }
  return { bytes: Buffer.concat(parts), ranges, totalLines: header.totalLines };
}

describe("two-thread export", () => {
  it("gives the single-thread bytes and chunk ranges, and leaves no part file behind", { timeout: 120_000 }, async () => {
    const args = ["--data", dir, "--verbose", "--export-chunk-bytes", "262144"];
    const first = await startBin([...args, "--export-threads", "1"]);
    const { url, apiKey: key } = first;
    const ds = await createDataset(url, key);
    // Awkward content: multi-byte and astral characters, text row data, rows without attachments
    // or metadata, enum options, JSON escapes.
    const specs = Array.from({ length: ROWS }, (_, i) => ({
      id: { type: "AUTO", value: "" },
      payload: {
        row_data: i % 3 === 0 ? `texté€😀 "${i}"\n\t\\` : `https://e.com/${i}.jpg`,
        global_key: `thr-${i}`,
        ...(i % 5 ? { external_id: `ext-ü-${i}` } : {}),
        dataset_id: ds,
        metadata_fields: i % 4 ? [{ schemaId: "cko8s9r5v0001h2dk9elqdidh", value: `tag ${"ß".repeat(i % 7)}` }, { schemaId: "cko8sbczn0002h2dkdaxb5kal", value: {} }, { schemaId: "cko8sbscr0003h2dk04w86hof", value: {} }] : [],
        attachments: i % 2 ? [{ type: "IMAGE", value: `https://e.com/o${i}.png`, name: "överlay" }, { type: "TEXT", value: "😀".repeat(i % 9) || "x" }] : [],
      },
    }));
    const upsert = await startUpsert(url, key, specs);
    expect((await waitForTask(url, key, upsert, 60_000)).status).toBe("COMPLETE");
    // A metadata mutation renders the row's export text too (row 1 has metadata; row 4 had none).
    const mutated = await data(url, key, `mutation($m: [DataRowCustomMetadataBatchUpsertInput!]!){upsertDataRowCustomMetadata(data: $m){error}}`, {
      m: ["thr-1", "thr-4"].map((globalKey) => ({ globalKey, fields: [{ schemaId: "cko8s9r5v0001h2dk9elqdidh", value: "changed" }] })),
    });
    expect(mutated.upsertDataRowCustomMetadata).toEqual([]);
    const one = await exportAll(url, key, ds);
    // The upsert task (on a task thread) and the mutation rendered each row's export text as they
    // wrote the row, and recorded its key, so exports can copy it.
    const withText = ROWS * 0.75 + 1;
    const count = (where: string) => {
      const db = new Database(path.join(dir, "emulator.db"), { readonly: true });
      try {
        return (db.prepare(`SELECT count(*) AS n FROM data_rows WHERE ${where}`).get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    expect(count("metadata IS NOT NULL AND metadata_export IS NOT NULL AND metadata_export_key IN (SELECT key FROM metadata_export_keys)")).toBe(withText);
    expect(count("metadata IS NOT NULL AND metadata_export IS NULL")).toBe(0);
    expect(first.stderr()).not.toMatch(/on a worker thread/);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const second = await startBin(args); // default: two threads with --data
    try {
      const two = await exportAll(second.url, key, ds);
      // The worker really built part of it (not a silent fallback to one thread).
      await waitFor(async () => (/[1-9]\d* of \d+ row ranges .* on a worker thread/.test(second.stderr()) ? true : undefined));
      expect(one.totalLines).toBe(ROWS);
      expect(two.totalLines).toBe(ROWS);
      expect(two.ranges.length).toBeGreaterThan(10);
      expect(two.ranges).toEqual(one.ranges);
      expect(two.bytes.equals(one.bytes)).toBe(true);
      const files = fs.readdirSync(path.join(dir, "files"), { recursive: true }).map(String);
      expect(files.filter((f) => f.endsWith(".part"))).toEqual([]);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }

    // Both threads copy stored texts (rather than building them): replaced by one no walk would
    // build, it is what every such line of a two-thread export shows.
    const db = new Database(path.join(dir, "emulator.db"));
    db.prepare(`UPDATE data_rows SET metadata_export = '["stored"]' WHERE metadata_export IS NOT NULL`).run();
    db.close();
    const third = await startBin(args);
    try {
      const lines = (await exportAll(third.url, key, ds)).bytes.toString("utf8").split("\n").filter(Boolean);
      await waitFor(async () => (/[1-9]\d* of \d+ row ranges .* on a worker thread/.test(third.stderr()) ? true : undefined));
      // Every row with metadata, those of the worker's ranges (logged above) included.
      expect(lines.filter((l) => l.includes('"metadata_fields":["stored"]'))).toHaveLength(withText);
    } finally {
      third.child.kill("SIGTERM");
      await third.exited;
    }
  });
});
