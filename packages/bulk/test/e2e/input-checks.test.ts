import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { iterateDataRows, type LbxClient } from "@lbx/core";
import { importDataRows } from "../../src/index.js";
import { importFile } from "../../src/node.js";
import { emulatorWithClient, newDataset } from "../helpers/emulator.js";

let emulator: RunningEmulator;
let client: LbxClient;
let dir: string;

beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-input-checks-"));
});
afterAll(async () => {
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("input that would otherwise be imported mangled is refused", () => {
  it("a row with a misspelled field fails with the field's path, is never sent, and the other rows are imported", async () => {
    const dataset = await newDataset(client, "unknown-fields");
    const rows = [
      { rowData: "https://example.com/0.jpg", globalKey: "fields-0" },
      { rowData: "https://example.com/1.jpg", global_key: "fields-1", metadata: [{ name: "tag", value: "x" }], externalid: "e-1" },
      { rowData: "https://example.com/2.jpg", globalKey: "fields-2" },
    ];
    const { summary, outcomes } = await importDataRows(client, dataset, rows as never);
    expect(summary).toMatchObject({ total: 3, created: 2, failed: 1 });
    expect(outcomes[1]).toMatchObject({
      status: "failed",
      code: "INVALID_ROW",
      issues: [
        { path: "global_key", message: 'unknown field "global_key"; did you mean "globalKey"?' },
        { path: "metadata", message: 'unknown field "metadata"; did you mean "metadataFields"?' },
        { path: "externalid", message: 'unknown field "externalid"; did you mean "externalId"?' },
      ],
    });
    const stored = await iterateDataRows(client, dataset).toArray();
    expect(stored.map((r) => r.globalKey).sort()).toEqual(["fields-0", "fields-2"]);
  });

  it("importFile refuses a CSV or JSON file that is not UTF-8 before sending any row, naming the file and where", async () => {
    // A spreadsheet's Latin-1 "café" on line 3; the rows around it are fine.
    const csvText = "rowData,globalKey,externalId\nhttps://example.com/a.jpg,utf8-a,ok\nhttps://example.com/b.jpg,utf8-b,café\nhttps://example.com/c.jpg,utf8-c,ok\n";
    const jsonText = '[\n{"rowData":"https://example.com/d.jpg","globalKey":"utf8-d"},\n{"rowData":"https://example.com/e.jpg","externalId":"café"}\n]';
    const dataset = await newDataset(client, "utf8");
    for (const [name, text] of [
      ["latin1.csv", csvText],
      ["latin1.json", jsonText],
    ] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, Buffer.from(text, "latin1"));
      await expect(importFile(client, dataset, file)).rejects.toThrow(`${file}: line 3 is not valid UTF-8 (byte offset ${text.indexOf("é")}); save the file as UTF-8`);
    }
    expect(await iterateDataRows(client, dataset).toArray()).toEqual([]);
  });
});
