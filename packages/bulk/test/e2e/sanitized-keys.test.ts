// onDuplicate "skip" / "update" against keys the server stores sanitized: it replaces each of
// `"<>\{}|` by `_` (spec §5.1, §9.2), so an input key `p<q` names the existing row `p_q`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { getDataRow, iterateDataRows, type LbxClient } from "@lbx/core";
import { importDataRows, memoryCheckpoint, type RowOutcome } from "../../src/index.js";
import { emulatorWithClient, newDataset } from "../helpers/emulator.js";

let emulator: RunningEmulator;
let client: LbxClient;

beforeAll(async () => {
  // Tasks take a little while, so an abort lands while several are in flight (as in resume.test.ts).
  ({ emulator, client } = await emulatorWithClient({ taskBatchSize: 50, taskBatchDelayMs: 5 }));
});
afterAll(() => emulator?.close());

/** Rows already on the server under the sanitized keys, and the input spelling them unsanitized. */
async function seeded(label: string) {
  const dataset = await newDataset(client, label);
  const seed = await importDataRows(client, dataset, [
    { rowData: `https://example.com/${label}/old-1.jpg`, globalKey: `${label}-p_q` },
    { rowData: `https://example.com/${label}/old-2.jpg`, globalKey: `${label}-all-_______` },
  ]);
  expect(seed.summary).toMatchObject({ created: 2, failed: 0 });
  const ids = seed.outcomes.map((o) => (o as { dataRowId: string }).dataRowId);
  const input = [
    { rowData: `https://example.com/${label}/new-1.jpg`, globalKey: `${label}-p<q` },
    { rowData: `https://example.com/${label}/new-2.jpg`, globalKey: `${label}-all-"<>\\{}|` },
    { rowData: `https://example.com/${label}/new-3.jpg`, globalKey: `${label}-fresh<key>` },
  ];
  return { dataset, ids, input };
}

describe("existing keys are looked up as the server stores them", () => {
  it('skip: an input key that sanitizes to an existing key is skipped, not failed DUPLICATE_GLOBAL_KEY', async () => {
    const { dataset, ids, input } = await seeded("sk");
    const { summary, outcomes } = await importDataRows(client, dataset, input, { onDuplicate: "skip" });
    expect(summary).toMatchObject({ total: 3, skipped: 2, created: 1, updated: 0, failed: 0 });
    expect(outcomes).toMatchObject([
      { index: 0, status: "skipped", dataRowId: ids[0], globalKey: "sk-p<q" },
      { index: 1, status: "skipped", dataRowId: ids[1] },
      { index: 2, status: "created", globalKey: "sk-fresh_key_" },
    ]);
    // The existing rows were left alone.
    expect((await getDataRow(client, ids[0]!)).rowData).toBe("https://example.com/sk/old-1.jpg");
    expect((await getDataRow(client, ids[1]!)).rowData).toBe("https://example.com/sk/old-2.jpg");
    expect(await iterateDataRows(client, dataset).toArray()).toHaveLength(3);
  });

  it("update: an input key that sanitizes to an existing key is reported updated, with that row's id", async () => {
    const { dataset, ids, input } = await seeded("up");
    const { summary, outcomes } = await importDataRows(client, dataset, input, { onDuplicate: "update" });
    expect(summary).toMatchObject({ total: 3, updated: 2, created: 1, skipped: 0, failed: 0 });
    expect(outcomes).toMatchObject([
      { index: 0, status: "updated", dataRowId: ids[0] },
      { index: 1, status: "updated", dataRowId: ids[1] },
      { index: 2, status: "created", globalKey: "up-fresh_key_" },
    ]);
    expect((await getDataRow(client, ids[0]!)).rowData).toBe("https://example.com/up/new-1.jpg");
    expect((await getDataRow(client, ids[1]!)).rowData).toBe("https://example.com/up/new-2.jpg");
    expect(await iterateDataRows(client, dataset).toArray()).toHaveLength(3);
  });

  it("skip, resumed: rows skipped before the interruption still get the existing row's id", async () => {
    const label = "rsk";
    const dataset = await newDataset(client, label);
    const n = 600;
    // Every third row exists under the sanitized spelling of its input key.
    const seed = await importDataRows(
      client,
      dataset,
      Array.from({ length: n / 3 }, (_, k) => ({ rowData: `https://example.com/${label}/old-${3 * k}.jpg`, globalKey: `${label}_${3 * k}` })),
    );
    const existing = new Map(seed.outcomes.map((o, k) => [3 * k, (o as { dataRowId: string }).dataRowId]));
    const rows = Array.from({ length: n }, (_, i) => ({ rowData: `https://example.com/${label}/${i}.jpg`, globalKey: `${label}<${i}` }));
    const options = { onDuplicate: "skip" as const, limits: { maxRowsPerTask: 100 }, concurrency: 3 };

    const checkpoint = memoryCheckpoint();
    const controller = new AbortController();
    const first: RowOutcome[] = [];
    const stopped = await importDataRows(client, dataset, rows, {
      ...options,
      checkpoint,
      signal: controller.signal,
      onOutcome: (o) => {
        first.push(o);
        if (first.length === 150) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(stopped).toMatchObject({ code: "ABORTED" });
    const second: RowOutcome[] = [];
    const result = await importDataRows(client, dataset, rows, { ...options, checkpoint, onOutcome: (o) => second.push(o) });

    const all = [...first.filter((o) => o.index < (result.summary.resumedAt ?? 0)), ...second];
    expect(all.map((o) => o.index)).toEqual(rows.map((_, i) => i));
    expect(all.map((o) => o.status)).toEqual(rows.map((_, i) => (i % 3 === 0 ? "skipped" : "created")));
    for (const o of all.filter((x) => x.status === "skipped")) expect(o).toMatchObject({ dataRowId: existing.get(o.index) });
    expect(result.summary).toMatchObject({ total: n, skipped: n / 3, created: n - n / 3, failed: 0 });
  });
});
