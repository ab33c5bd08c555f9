// The failure page (`failedDataRowImports`) must render whatever the failed spec held: the echoed
// spec goes through GraphQL types, and an attachment type the server refused is not a value of the
// `AttachmentType` enum it is reported in.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, isEnumType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaSDL, startEmulator, type RunningEmulator } from "../src/index.js";
import { attachmentTypes } from "../src/rules/attachments.js";
import { reportable } from "../src/tasks/failure-spec.js";
import { gql } from "./helpers/client.js";
import { classicImport, createDataset, startUpsert, waitForTask } from "./helpers/flows.js";

// The document exactly as the Python SDK (>= 3.78) sends it, with the variables it sends.
const opsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/spec/ops");
const FAILED_PAGE = fs.readFileSync(path.join(opsDir, "FailedDataRowImportsPyApi__24370094.graphql"), "utf8");

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

async function failurePage(taskId: string) {
  const r = await gql<{ failedDataRowImports: { total: number; after: string | null; results: Array<{ message: string; spec: Record<string, any> }> } }>(
    emu.url,
    emu.apiKey,
    FAILED_PAGE,
    { taskId, first: 5000, from: null },
  );
  return r;
}

const attachments = [
  { type: "RAW_TEXT", value: "a note", name: "note" },
  { type: "AUDIO", value: "https://e.com/x.mp3", name: "sound" },
];

describe("failure page with an attachment type the server does not accept", () => {
  it("renders for a modern upsert, reporting the row's failure and the refused type as null", async () => {
    const ds = await createDataset(emu.url, emu.apiKey);
    const taskId = await startUpsert(emu.url, emu.apiKey, [
      { id: { type: "AUTO", value: "" }, payload: { row_data: "https://e.com/ok.jpg", dataset_id: ds } },
      { id: { type: "AUTO", value: "" }, payload: { row_data: "https://e.com/x.jpg", external_id: "with-audio", dataset_id: ds, attachments } },
    ]);
    expect((await waitForTask(emu.url, emu.apiKey, taskId)).status).toBe("COMPLETE");

    const r = await failurePage(taskId);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.failedDataRowImports).toEqual({
      after: null,
      total: 1,
      results: [
        {
          message: expect.stringMatching(/^attachments\[1\]: Attachment type must be one of .*; got "AUDIO"$/),
          spec: {
            externalId: "with-audio",
            globalKey: null,
            rowData: "https://e.com/x.jpg",
            metadata: [],
            // The accepted attachment keeps its type; the refused one stays, with a null type.
            attachments: [
              { type: "RAW_TEXT", value: "a note", name: "note" },
              { type: null, value: "https://e.com/x.mp3", name: "sound" },
            ],
          },
        },
      ],
    });
  });

  it("renders for a classic JSON import task too", async () => {
    const ds = await createDataset(emu.url, emu.apiKey);
    const { task } = await classicImport(emu.url, emu.apiKey, ds, [{ row_data: "https://e.com/x.jpg", external_id: "classic-audio", attachments }]);
    const r = await failurePage(task.id);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.failedDataRowImports.results).toEqual([
      {
        message: expect.stringContaining('got "AUDIO"'),
        spec: expect.objectContaining({ externalId: "classic-audio", attachments: [attachments[0], { type: null, value: "https://e.com/x.mp3", name: "sound" }] }),
      },
    ]);
  });

  it("treats as representable exactly the values of the schema's AttachmentType enum", () => {
    // The failure spec keeps a type only if it is in `attachmentTypes`; a type there that the enum
    // lacks would break the page again.
    const enumType = buildSchema(schemaSDL).getType("AttachmentType");
    expect(isEnumType(enumType)).toBe(true);
    const values = isEnumType(enumType) ? enumType.getValues().map((v) => v.name) : [];
    expect([...attachmentTypes].sort()).toEqual(values.sort());
  });
});

describe("specs stored before attachment types were checked", () => {
  it("are read through the same rule, so an older store's failure page renders too", () => {
    const stored = { externalId: "x", globalKey: null, rowData: "https://e.com/a.jpg", metadata: [], attachments };
    expect(reportable(stored)).toEqual({ ...stored, attachments: [attachments[0], { ...attachments[1], type: null }] });
    const clean = { ...stored, attachments: [attachments[0]] };
    expect(reportable(clean)).toBe(clean);
    expect(reportable(null)).toBeNull();
  });
});
