import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import {
  assignGlobalKeysToDataRows,
  AuthenticationError,
  clearGlobalKeys,
  ConflictError,
  createAttachment,
  createClient,
  createDataRow,
  createDataset,
  createMetadataSchema,
  dataRowForExternalId,
  dataRowsForExternalId,
  type DatasetRecord,
  deleteAttachment,
  deleteDataRow,
  deleteDataRowMetadata,
  deleteDataset,
  deleteMetadataSchema,
  exportDataRowMetadata,
  getAttachments,
  getDataRow,
  getDataRowByGlobalKey,
  getDataRowIdsForExternalIds,
  getDataRowIdsForGlobalKeys,
  getDataset,
  getDatasets,
  getMetadataOntology,
  iterateDataRows,
  type LbxClient,
  NotFoundError,
  updateAttachment,
  updateDataRow,
  updateDataset,
  updateMetadataSchema,
  upsertDataRowMetadata,
  ValidationError,
} from "../../src/index.js";
import { emulatorWithClient } from "./setup.js";

let emulator: RunningEmulator;
let client: LbxClient;
let dataset: DatasetRecord;
const run = Date.now().toString(36);

beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient());
  dataset = await createDataset(client, { name: `e2e-${run}`, description: "core e2e", iamIntegration: null });
});
afterAll(() => emulator?.close());

describe("datasets", () => {
  it("create, get, list by name, update, delete", async () => {
    const made = await createDataset(client, { name: `ds-${run}` });
    expect(made).toMatchObject({ name: `ds-${run}`, rowCount: 0 });
    expect((await getDataset(client, made.id)).name).toBe(`ds-${run}`);
    expect((await getDatasets(client, { name: `ds-${run}` }).toArray()).map((d) => d.id)).toEqual([made.id]);
    const renamed = await updateDataset(client, made.id, { name: `ds2-${run}`, description: "d" });
    expect(renamed).toMatchObject({ name: `ds2-${run}`, description: "d" });
    await deleteDataset(client, made.id);
    await expect(getDataset(client, made.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDatasets(client, { name: `ds2-${run}` }).toArray()).toEqual([]);
  });
});

describe("metadata ontology", () => {
  it("has the reserved fields with their global ids", async () => {
    const ontology = await getMetadataOntology(client);
    expect(ontology.reservedByName.tag?.id).toBe("cko8s9r5v0001h2dk9elqdidh");
    expect(ontology.reservedByName.split?.id).toBe("cko8sbczn0002h2dkdaxb5kal");
    expect(ontology.reservedByName.split?.optionsByName["train"]).toMatchObject({ id: "cko8sbscr0003h2dk04w86hof", parent: "cko8sbczn0002h2dkdaxb5kal" });
    expect(ontology.reservedByName.captureDateTime?.id).toBe("cko8sdzv70006h2dk8jg64zvb");
  });

  it("creates, renames and deletes a custom enum field, refreshing the cache", async () => {
    const created = await createMetadataSchema(client, { name: `colour-${run}`, kind: "CustomMetadataEnum", options: ["red", "blue"] });
    expect(created.options.map((o) => o.name)).toEqual(["red", "blue"]);
    expect((await getMetadataOntology(client)).customByName[`colour-${run}`]?.id).toBe(created.id);
    expect((await updateMetadataSchema(client, created.id, { name: `color-${run}` })).name).toBe(`color-${run}`);
    expect(await deleteMetadataSchema(client, created.id)).toBe(true);
    expect((await getMetadataOntology(client)).fieldsById.has(created.id)).toBe(false);
  });
});

describe("one data row, end to end", () => {
  it("creates a row from a URL with metadata and attachments, then reads it back every way", async () => {
    const gk = `gk-url-${run}`;
    const row = await createDataRow(client, dataset.id, {
      rowData: "https://storage.googleapis.com/labelbox-sample-datasets/Docs/basic.jpg",
      globalKey: gk,
      externalId: `ext-${run}`,
      metadataFields: [
        { name: "tag", value: "tag_string" },
        { name: "split", value: "train" },
        { name: "captureDateTime", value: new Date("2023-03-01T12:30:00Z") },
      ],
      attachments: [{ type: "IMAGE", value: "https://example.com/a.jpg", name: "att1" }],
    });
    expect(row).toMatchObject({ globalKey: gk, externalId: `ext-${run}` });
    expect(row.metadataFields).toHaveLength(3);
    expect(row.metadataFields.find((f) => f.name === "split")?.value).toBe("train");
    expect(row.customMetadata.length).toBeGreaterThanOrEqual(3);

    expect((await getDataRow(client, row.id)).globalKey).toBe(gk);
    expect((await getDataRowByGlobalKey(client, gk)).id).toBe(row.id);
    expect(await getDataRowIdsForGlobalKeys(client, [gk, `missing-${run}`])).toEqual({
      status: "PARTIAL SUCCESS",
      results: [row.id, ""],
      errors: [{ globalKey: `missing-${run}`, error: "Data Row not found" }],
    });
    expect((await getDataRowIdsForExternalIds(client, [`ext-${run}`])).get(`ext-${run}`)).toEqual([row.id]);
    expect((await dataRowForExternalId(client, dataset.id, `ext-${run}`)).id).toBe(row.id);
    expect((await dataRowsForExternalId(client, dataset.id, `ext-${run}`)).map((r) => r.id)).toEqual([row.id]);
    await expect(dataRowsForExternalId(client, dataset.id, `nope-${run}`)).rejects.toBeInstanceOf(NotFoundError);

    const attachments = await getAttachments(client, row.id).toArray();
    expect(attachments).toEqual([expect.objectContaining({ type: "IMAGE", value: "https://example.com/a.jpg", name: "att1" })]);
  });

  it("createDataRow (the SDK 6.0 protocol) creates the same row through an upsert task", async () => {
    const gk = `gk-upsert-${run}`;
    const row = await createDataRow(client, dataset.id, {
      rowData: "https://example.com/upsert.jpg",
      globalKey: gk,
      metadataFields: [{ name: "split", value: "valid" }],
      attachments: [{ type: "RAW_TEXT", value: "note", name: "n" }],
    });
    expect(row).toMatchObject({ globalKey: gk, rowData: "https://example.com/upsert.jpg" });
    expect(row.metadataFields.find((f) => f.name === "split")?.value).toBe("valid");
    expect((await getAttachments(client, row.id).toArray()).map((a) => a.value)).toEqual(["note"]);
    // A key another row holds is refused by the task: a ConflictError, as with createDataRow.
    const error = await createDataRow(client, dataset.id, { rowData: "https://example.com/u2.jpg", globalKey: gk }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
  });

  it("uploads a Blob as a local file; the returned URL serves the same bytes without auth", async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 64 }, (_, i) => i)]);
    const row = await createDataRow(client, dataset.id, { rowData: new File([bytes], "local.jpg", { type: "image/jpeg" }), externalId: `blob-${run}` });
    expect(row.rowData).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const download = await fetch(row.rowData ?? "");
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });

  it("attachments: create, update, delete, and tolerates no unknown types the server rejects", async () => {
    const row = await createDataRow(client, dataset.id, { rowData: "https://example.com/att.jpg" });
    const note = await createAttachment(client, row.id, { type: "RAW_TEXT", value: "a note", name: "note" });
    expect(await updateAttachment(client, note.id, { value: "changed", name: "n2" })).toMatchObject({ id: note.id, type: "RAW_TEXT", value: "changed", name: "n2" });
    await deleteAttachment(client, note.id);
    expect(await getAttachments(client, row.id).toArray()).toEqual([]);
    // Well-formed but unknown to the server: sent, and the server's refusal is a ValidationError.
    await expect(createAttachment(client, row.id, { type: "HOLOGRAM", value: "x" })).rejects.toBeInstanceOf(ValidationError);
    // Malformed: refused before sending.
    await expect(createAttachment(client, row.id, { type: "image", value: "x" })).rejects.toMatchObject({ issues: [{ path: "attachment.type" }] });
  });

  it("update, global keys assign and clear, delete frees the key", async () => {
    const row = await createDataRow(client, dataset.id, { rowData: "https://example.com/u.jpg", externalId: `u-${run}` });
    const updated = await updateDataRow(client, row.id, { rowData: "https://example.com/new.jpg", externalId: `u2-${run}` });
    expect(updated).toMatchObject({ rowData: "https://example.com/new.jpg", externalId: `u2-${run}` });

    const gk = `assigned-${run}`;
    expect(await assignGlobalKeysToDataRows(client, [{ dataRowId: row.id, globalKey: gk }])).toEqual({
      status: "SUCCESS",
      results: [{ dataRowId: row.id, globalKey: gk, sanitized: false }],
      errors: [],
    });
    expect((await getDataRow(client, row.id)).globalKey).toBe(gk);
    const cleared = await clearGlobalKeys(client, [gk, `never-${run}`]);
    expect(cleared.status).toBe("PARTIAL SUCCESS");
    expect(cleared.results).toEqual([gk]);
    expect(cleared.errors).toEqual([{ globalKey: `never-${run}`, error: "Failed to find data row matching provided global key" }]);
    expect((await getDataRow(client, row.id)).globalKey).toBeNull();

    const keyed = await createDataRow(client, dataset.id, { rowData: "https://example.com/k.jpg", globalKey: gk });
    await deleteDataRow(client, keyed.id);
    await expect(getDataRow(client, keyed.id)).rejects.toBeInstanceOf(NotFoundError);
    // Deleting freed the key.
    expect((await createDataRow(client, dataset.id, { rowData: "https://example.com/k2.jpg", globalKey: gk })).globalKey).toBe(gk);
  });

  it("metadata on existing rows: upsert, export, delete", async () => {
    const row = await createDataRow(client, dataset.id, { rowData: "https://example.com/m.jpg", globalKey: `meta-${run}` });
    expect(await upsertDataRowMetadata(client, [{ globalKey: `meta-${run}`, fields: [{ name: "tag", value: "upserted" }, { name: "split", value: "valid" }] }])).toEqual([]);
    const [exported] = await exportDataRowMetadata(client, { dataRowIds: [row.id] });
    expect(exported?.fields).toEqual(
      expect.arrayContaining([
        { schemaId: "cko8s9r5v0001h2dk9elqdidh", name: "tag", value: "upserted" },
        { schemaId: "cko8sbczn0002h2dkdaxb5kal", name: "split", value: "valid", optionId: "cko8sc2yr0004h2dk69aj5x63" },
      ]),
    );
    expect(await deleteDataRowMetadata(client, [{ dataRowId: row.id, fields: ["tag"] }])).toEqual([]);
    const [after] = await exportDataRowMetadata(client, { globalKeys: [`meta-${run}`] });
    expect(after?.fields.map((f) => f.name)).toEqual(["split"]);
  });
});

describe("error paths against the real server", () => {
  it("unknown ids are NotFoundError", async () => {
    await expect(getDataRow(client, "cdoesnotexist0000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDataset(client, "cdoesnotexist0000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDataRowByGlobalKey(client, `no-such-key-${run}`)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a wrong API key is AuthenticationError, and the key is in no message", async () => {
    const wrongKey = `wrong-key-${run}-0123456789`;
    const wrong = createClient({ apiKey: wrongKey, endpoint: emulator.url });
    const error = await getDataRow(wrong, "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify(error) + String(error)).not.toContain(wrongKey);
  });

  it("a duplicate global key is ConflictError", async () => {
    const gk = `dup-${run}`;
    await createDataRow(client, dataset.id, { rowData: "https://example.com/d1.jpg", globalKey: gk });
    const error = await createDataRow(client, dataset.id, { rowData: "https://example.com/d2.jpg", globalKey: gk.toUpperCase() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
  });

  it("invalid metadata is refused before anything is sent", async () => {
    const error = (await createDataRow(client, dataset.id, {
      rowData: "https://example.com/bad.jpg",
      metadataFields: [{ name: "tag", value: "x".repeat(4097) }, { name: "split", value: "training" }, { name: "captureDateTime", value: "yesterday" }],
    }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i) => i.path)).toEqual(["metadataFields[0].value", "metadataFields[1].value", "metadataFields[2].value"]);
  });

  it("rate limiting: a short burst is retried through, a long one is RateLimitError with retryAfterMs", async () => {
    emulator.faults.set({ rules: [{ kind: "rate-limit", operation: "GetDatasetPyApi", times: 1, retryAfter: 0.05 }] });
    expect((await getDataset(client, dataset.id)).id).toBe(dataset.id);
    emulator.faults.set({ rules: [{ kind: "rate-limit", operation: "GetDatasetPyApi", retryAfter: 0.05 }] });
    const error = (await getDataset(client, dataset.id).catch((e: unknown) => e)) as { code: string; retryAfterMs: number };
    emulator.faults.clear();
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfterMs).toBe(50);
  });
});

describe("listing", () => {
  it("iterates every row of a dataset across pages, newest first", async () => {
    const many = await createDataset(client, { name: `many-${run}`, iamIntegration: null });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await createDataRow(client, many.id, { rowData: `https://example.com/${i}.jpg`, externalId: `m${i}` })).id);
    const seen: string[] = [];
    for await (const row of iterateDataRows(client, many.id, { pageSize: 2 })) seen.push(row.id);
    expect(seen.sort()).toEqual([...made].sort());
    expect((await iterateDataRows(client, many.id).first())?.id).toBe(made.at(-1));
  });
});
