import { describe, expect, it } from "vitest";
import {
  assignGlobalKeysToDataRows,
  createDataset,
  createMetadataSchema,
  taskFailures,
  taskSuccesses,
  updateAttachment,
  updateDataRow,
  updateDataset,
  upsertDataRowMetadata,
  type ValidationError,
} from "../../src/index.js";
import { recordingClient } from "../helpers/recording-transport.js";

async function issuesOf(call: Promise<unknown>): Promise<string[]> {
  const error = (await call.catch((e: unknown) => e)) as ValidationError;
  expect(error.code).toBe("VALIDATION_ERROR");
  return error.issues.map((i) => `${i.path}: ${i.message}`);
}

describe("inputs are checked before anything is sent", () => {
  const { client, sent } = recordingClient({});

  it("updates need at least one field and well-formed values", async () => {
    expect(await issuesOf(updateDataRow(client, "r", {}))).toEqual([": give at least one of rowData, globalKey, externalId; got an object"]);
    expect(await issuesOf(updateDataRow(client, "r", { globalKey: "a  b", rowData: "s3://x/y" }))).toEqual([
      "rowData: s3 assets must start with 'https'",
      "globalKey: must not contain two spaces in a row",
    ]);
    expect(await issuesOf(updateDataRow(client, "r", { rowData: new Blob(["x"]) as never }))).toEqual(["rowData: upload the file with uploadFile() first and pass its URL"]);
    // A misspelled field is refused, not dropped while the others are updated.
    expect(await issuesOf(updateDataRow(client, "r", { externalId: "e", global_key: "k" } as never))).toEqual(['global_key: unknown field "global_key"; updateDataRow takes rowData, globalKey, externalId']);
    expect(await issuesOf(updateDataset(client, "", {}))).toEqual(["datasetId: must not be empty"]);
    expect(await issuesOf(updateAttachment(client, "a", { type: "pdf" }))).toEqual(['type: must be an upper-case type such as IMAGE or RAW_TEXT, got "pdf"']);
    expect(await issuesOf(createDataset(client, { name: " ", description: 5 as never }))).toEqual(["name: must not be empty", "description: must be a string, got number 5"]);
  });

  it("global-key assignments: rules, duplicate keys (any case) and duplicate rows", async () => {
    expect(
      await issuesOf(
        assignGlobalKeysToDataRows(client, [
          { dataRowId: "r1", globalKey: "Key" },
          { dataRowId: "r2", globalKey: "key" },
          { dataRowId: "r1", globalKey: "other" },
          { dataRowId: "", globalKey: "x".repeat(201) },
        ]),
      ),
    ).toEqual([
      "assignments[3].dataRowId: must not be empty",
      "assignments[3].globalKey: must be at most 200 characters, got 201",
      "assignments[1].globalKey: duplicates the global key at index 0 (keys are case-insensitive)",
      "assignments[2].dataRowId: data row already gets a key at index 0",
    ]);
  });

  it("metadata upserts name each row by exactly one identifier", async () => {
    expect(
      await issuesOf(
        upsertDataRowMetadata(client, [
          { dataRowId: "r", globalKey: "g", fields: [] } as never,
          { fields: [{ name: "tag", value: "x" }] } as never,
          { globalKey: "g", fields: [{ value: 1 }] } as never,
        ]),
      ),
    ).toEqual(["items[0]: give exactly one of dataRowId, globalKey", "items[1]: give exactly one of dataRowId, globalKey", "items[2].fields[0]: needs a schemaId or a name"]);
  });

  it("custom metadata schemas: kinds, names, enum options", async () => {
    expect(await issuesOf(createMetadataSchema(client, { name: "", kind: "CustomMetadataEnum", options: ["a", "a"] }))).toEqual([
      "name: must not be empty",
      'options[1]: duplicate option "a"',
    ]);
    expect(await issuesOf(createMetadataSchema(client, { name: "n", kind: "CustomMetadataEnumOption" as never, options: ["a"] }))).toEqual([
      expect.stringContaining("kind: must be one of"),
      "options: only an enum field has options",
    ]);
  });

  it("sent nothing", () => {
    expect(sent).toEqual([]);
  });
});

describe("task results", () => {
  const success = (id: string) => ({ id, externalId: null, globalKey: null, rowData: "u" });
  const page = (ids: string[], after: string | null) => ({ successesfulDataRowImports: { nodes: ids.map(success), after, total: 3 } });

  it("pages by the after cursor, 5,000 at a time, until it is empty", async () => {
    const { client, sent } = recordingClient({ SuccessesfulDataRowImportsPyApi: [page(["a", "b"], "p2"), page(["c"], "")] });
    expect((await taskSuccesses(client, "t").toArray()).map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(sent.map((s) => s.variables)).toEqual([
      { taskId: "t", first: 5000, from: null },
      { taskId: "t", first: 5000, from: "p2" },
    ]);
  });

  it("a repeated cursor stops the listing", async () => {
    const { client } = recordingClient({ FailedDataRowImportsPyApi: { failedDataRowImports: { results: [], after: "same", total: 0 } } });
    await expect(taskFailures(client, "t").toArray()).rejects.toMatchObject({ code: "PAGINATION_STALLED" });
  });
});
