import { describe, expect, it } from "vitest";
import { checkDataRowInput } from "../../src/data-rows/validate-data-row.js";
import { createDataRow, createDataRowClassic, ValidationError } from "../../src/index.js";
import type { Issues } from "../../src/validation/issues.js";
import { recordingClient } from "../helpers/recording-transport.js";

// A misspelled field used to be dropped without a word: `global_key` created a row with no global
// key, so nothing stopped the same row being created twice.

function issuesOf(row: unknown, prefix = ""): Issues {
  const issues: Issues = [];
  checkDataRowInput(row, prefix, issues);
  return issues;
}

const URL = "https://storage.example.com/a.jpg";

describe("a key that is not a data row field", () => {
  it("is a problem at its own path, naming the field it resembles (case, _ and - ignored); the fields are not", () => {
    const fields = {
      rowData: URL,
      globalKey: "k-1",
      externalId: "e-1",
      mediaType: "IMAGE",
      metadataFields: [{ name: "tag", value: "x" }],
      attachments: [{ type: "RAW_TEXT", value: "note", name: "n" }],
    };
    expect(issuesOf({ ...fields, global_key: "snake-1", externalid: "e", "Media-Type": "IMAGE", METADATA_FIELDS: [] })).toEqual([
      { path: "global_key", message: 'unknown field "global_key"; did you mean "globalKey"?' },
      { path: "externalid", message: 'unknown field "externalid"; did you mean "externalId"?' },
      { path: "Media-Type", message: 'unknown field "Media-Type"; did you mean "mediaType"?' },
      { path: "METADATA_FIELDS", message: 'unknown field "METADATA_FIELDS"; did you mean "metadataFields"?' },
    ]);
  });

  it("suggests the field a shortened name starts (metadata, attachment), and lists the fields otherwise", () => {
    // Keys inside a JSON row data object are the server's to judge.
    const rowData = { tileLayerUrl: "https://x/{z}/{x}/{y}.png", anyKey: 1 };
    expect(issuesOf({ rowData, metadata: [{ name: "tag", value: "x" }], attachment: [], id: "x" })).toEqual([
      { path: "metadata", message: 'unknown field "metadata"; did you mean "metadataFields"?' },
      { path: "attachment", message: 'unknown field "attachment"; did you mean "attachments"?' },
      { path: "id", message: 'unknown field "id"; a data row has rowData, globalKey, externalId, mediaType, metadataFields, attachments' },
    ]);
  });

  it("is reported with the row's other problems, under the row's prefix", () => {
    expect(issuesOf({ row_data: URL, globalKey: " bad" }, "rows[3]")).toEqual([
      { path: "rows[3].rowData", message: "is required" },
      { path: "rows[3].globalKey", message: "must not start or end with whitespace" },
      { path: "rows[3].row_data", message: 'unknown field "row_data"; did you mean "rowData"?' },
    ]);
  });

  it("makes the row invalid even when its value is empty", () => {
    expect(checkDataRowInput({ rowData: URL, global_key: undefined }, "", [])).toBe(false);
  });
});

describe("the create functions refuse it before sending anything", () => {
  it("createDataRow", async () => {
    const { client, sent } = recordingClient({});
    const error = await createDataRow(client, "dataset-1", { rowData: URL, global_key: "snake-1" } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: "global_key", message: 'unknown field "global_key"; did you mean "globalKey"?' }]);
    expect(sent).toEqual([]);
  });

  it("createDataRowClassic (without the hint, which its browser bundle's size budget leaves out)", async () => {
    const { client, sent } = recordingClient({});
    const error = await createDataRowClassic(client, "dataset-1", { rowData: URL, externalID: "e" } as never).catch((e: unknown) => e);
    expect((error as ValidationError).issues).toEqual([{ path: "externalID", message: 'unknown field "externalID"' }]);
    expect(sent).toEqual([]);
  });
});
