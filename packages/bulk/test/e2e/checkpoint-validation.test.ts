// A malformed checkpoint handed to importDataRows is refused before anything is sent, with the
// field named (the cases one by one are in test/unit/checkpoint-validation.test.ts).
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { iterateDataRows, type LbxClient } from "@lbx/core";
import { CheckpointMismatchError, importDataRows, memoryCheckpoint } from "../../src/index.js";
import { emulatorWithClient, newDataset } from "../helpers/emulator.js";

let emulator: RunningEmulator;
let client: LbxClient;
beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient());
});
afterAll(() => emulator?.close());

it("refuses counts {} / counts.created \"5\" / spans [null] instead of resuming from them", async () => {
  const dataset = await newDataset(client, "cp-bad");
  const rows = Array.from({ length: 30 }, (_, i) => ({ rowData: `https://example.com/cp/${i}.jpg`, globalKey: `cp-bad-${i}` }));
  const options = { limits: { maxRowsPerTask: 10 } };
  // A real checkpoint of this import (the last state saved before the store was cleared).
  let saved: Record<string, unknown> | undefined;
  await importDataRows(client, dataset, rows, { ...options, checkpoint: { load: async () => undefined, save: async (s) => void (saved = s as never), clear: async () => {} } });
  expect(saved).toMatchObject({ doneBefore: 30, counts: { created: 30 } });
  // The real checkpoint itself resumes (to nothing left to do).
  expect((await importDataRows(client, dataset, rows, { ...options, checkpoint: memoryCheckpoint(structuredClone(saved)) })).summary).toMatchObject({ total: 30, created: 30, resumedAt: 30 });

  for (const [change, field] of [
    [{ counts: {} }, "counts.created"],
    [{ counts: { created: "5", updated: 0, skipped: 0, failed: 0 } }, "counts.created"],
    [{ spans: [null] }, "spans[0]"],
  ] as const) {
    const error = await importDataRows(client, dataset, rows, { ...options, checkpoint: memoryCheckpoint({ ...saved, ...change }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointMismatchError);
    expect((error as Error).message).toContain(field);
  }
  expect(await iterateDataRows(client, dataset).toArray()).toHaveLength(30);
});
