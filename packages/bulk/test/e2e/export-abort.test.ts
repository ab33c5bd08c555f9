// Aborting an export while its files are being read gives the documented lbx AbortError, as an
// abort before the download does (export.test.ts), never the signal's raw reason. Real emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { AbortError, isLbxError, type LbxClient } from "@lbx/core";
import { exportDataRowBytes, exportDataRows, importDataRows } from "../../src/index.js";
import { emulatorWithClient, newDataset, sampleRows } from "../helpers/emulator.js";

const N = 1_000;

/** Reads `iterable`, aborting after `at` items and reading on as a careless consumer would; returns what was thrown and how many were read. */
async function abortAfter<T>(at: number, read: (signal: AbortSignal) => AsyncIterable<T>): Promise<{ error: unknown; count: number; reason: unknown }> {
  const controller = new AbortController();
  let count = 0;
  try {
    for await (const _ of read(controller.signal)) if (++count === at) controller.abort();
  } catch (error) {
    return { error, count, reason: controller.signal.reason };
  }
  throw new Error(`the export ended after ${count} items without an error`);
}

function expectLbxAbort(error: unknown, reason: unknown): void {
  expect(error).toBeInstanceOf(AbortError);
  expect(isLbxError(error)).toBe(true);
  expect(error).toMatchObject({ code: "ABORTED", name: "AbortError", cause: reason });
}

// Two ways an abort meets a file being read: small files (16 KiB) have arrived whole by the time
// of the abort, which left Node's fetch with a read that never ended; larger ones (256 KiB) are
// still arriving, and fetch fails the read with the signal's reason (a DOMException).
describe.each([16 * 1024, 256 * 1024])("aborting exportDataRows mid-download (files of %i bytes)", (exportChunkBytes) => {
  let emulator: RunningEmulator;
  let client: LbxClient;
  let dataset: string;
  beforeAll(async () => {
    ({ emulator, client } = await emulatorWithClient({ exportChunkBytes }));
    dataset = await newDataset(client, "export-abort");
    await importDataRows(client, dataset, sampleRows(N, "abort"));
  }, 60_000);
  afterAll(() => emulator?.close());

  it.each([1, 20])("after %i rows of a multi-file export: AbortError, and no row after the abort", async (at) => {
    const { error, count, reason } = await abortAfter(at, (signal) => exportDataRows(client, dataset, { signal }));
    expectLbxAbort(error, reason);
    expect(count).toBe(at);
  }, 10_000);

  it("the same for the raw bytes (exportDataRowBytes, which exportDataRowsToFile writes)", async () => {
    const { error, count, reason } = await abortAfter(1, (signal) => exportDataRowBytes(client, dataset, { signal }));
    expectLbxAbort(error, reason);
    expect(count).toBe(1);
  }, 10_000);
});
