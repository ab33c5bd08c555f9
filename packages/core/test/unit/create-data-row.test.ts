import { describe, expect, it } from "vitest";
import { ConflictError, createDataRowClassic, createDataRow, createDataset, resolveMetadataFields, uploadFile, ValidationError } from "../../src/index.js";
import { graphQLError, type Recorded, recordingClient, type Reply } from "../helpers/recording-transport.js";
import { capture, type CaptureEntry, specDocument, stepRequests } from "../helpers/spec.js";

const recorded = capture("v.6.0.0");
// The last release whose `create_data_row` sent the classic mutation that `createDataRowClassic` sends.
const classic = capture("v.3.49.1");
const opName = (q: string) => /(?:query|mutation)\s*(\w+)/.exec(q)?.[1] ?? "?";

function repliesFrom(...steps: string[]): Record<string, Reply[]> {
  return repliesOf(recorded, ...steps);
}

function repliesOf(release: typeof recorded, ...steps: string[]): Record<string, Reply[]> {
  const replies: Record<string, Reply[]> = {};
  for (const e of steps.flatMap((s) => stepRequests(release, s))) {
    if (e.kind === "multipart") (replies["UploadFile"] ??= []).push({ uploadFile: { url: `https://storage.example/${(replies["UploadFile"]?.length ?? 0) + 1}`, filename: "f" } });
    else if (e.query) (replies[opName(e.query)] ??= []).push(e.response as object);
  }
  return replies;
}

const DATASET = "cykde5ke9njbwh7jt3c0rclrj";
const INPUT = {
  rowData: "https://storage.googleapis.com/labelbox-sample-datasets/Docs/basic.jpg",
  globalKey: "gk-1",
  externalId: "ext-1",
  metadataFields: [
    { name: "tag", value: "tag_string" },
    { name: "split", value: "train" },
    { name: "captureDateTime", value: "2023-03-01T12:30:00Z" },
  ],
  attachments: [{ type: "IMAGE", value: "https://example.com/a.jpg", name: "att1" }],
};

function graphql(sent: Recorded[]) {
  return sent.filter((s) => !s.file).map((s) => s.operationName);
}

describe("createDataRowClassic: the classic CreateDataRowPyApi mutation (SDK 3.30 - 3.74)", () => {
  it("composed with resolveMetadataFields, sends the recorded requests, in Python's key order, and returns the created row", async () => {
    const { client, sent } = recordingClient(repliesOf(classic, "get_data_row_metadata_ontology", "create_data_row_url"));
    const { metadataFields, ...rest } = INPUT;
    const row = await createDataRowClassic(client, DATASET, { ...rest, metadataFields: await resolveMetadataFields(client, metadataFields) });
    expect(row.id).toBe("c3eqe1mgzm36pxn60lntdw8j5");
    expect(row.metadataFields.map((f) => f.name)).toEqual(["tag", "split", "captureDateTime"]);
    const [python] = stepRequests(classic, "create_data_row_url");
    expect(sent.map((s) => s.operationName)).toEqual(["GetMetadataOntologyBetaPyApi", "CreateDataRowPyApi"]);
    const create = sent[1] as Recorded;
    expect(create.query).toBe(specDocument("CreateDataRowPyApi__0bbc8c18"));
    expect(create.query).toBe(python?.query);
    expect(JSON.stringify(create.variables)).toBe(JSON.stringify(python?.variables));
    // One request creates the row, so it is not safe to repeat.
    expect(create.request.operation).toEqual({ name: "CreateDataRowPyApi", kind: "mutation", idempotent: false });
  });

  it("composed with uploadFile, sends the uploaded file's URL as row_data", async () => {
    const [, python] = stepRequests(classic, "create_data_row_local_file");
    const { client, sent } = recordingClient({
      UploadFile: { uploadFile: { url: "https://storage.example/1", filename: "local_image.jpg" } },
      CreateDataRowPyApi: python?.response as object,
    });
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], "local_image.jpg", { type: "image/jpeg" });
    const row = await createDataRowClassic(client, DATASET, { rowData: await uploadFile(client, file), externalId: "local-1" });
    expect(row.externalId).toBe("local-1");
    expect(sent.map((s) => s.operationName)).toEqual(["UploadFile", "CreateDataRowPyApi"]);
    expect(sent[0]?.file).toMatchObject({ name: "local_image.jpg", type: "image/jpeg", size: 7 });
    expect(JSON.stringify(sent[1]?.variables)).toBe(JSON.stringify({ ...(python?.variables as object), row_data: "https://storage.example/1" }));
  });

  it("sends a JSON object row data as JSON text, and the media type; no metadata is no ontology request", async () => {
    const [python] = stepRequests(classic, "create_data_row_url");
    const { client, sent } = recordingClient({ CreateDataRowPyApi: python?.response as object });
    await createDataRowClassic(client, DATASET, { rowData: { tileLayerUrl: "https://t/{z}/{x}/{y}.png" }, mediaType: "TMS_GEO", metadataFields: await resolveMetadataFields(client, []) });
    expect(sent.map((s) => s.operationName)).toEqual(["CreateDataRowPyApi"]);
    expect(sent[0]?.variables).toEqual({ row_data: '{"tileLayerUrl":"https://t/{z}/{x}/{y}.png"}', media_type: "TMS_GEO", dataset: DATASET });
  });

  it("a duplicate global key, which the server reports as a malformed request, is a ConflictError", async () => {
    const { client } = recordingClient({ CreateDataRowPyApi: graphQLError("MALFORMED_REQUEST", "Duplicate global key: 'dup'") });
    const error = await createDataRowClassic(client, DATASET, { rowData: "https://example.com/x.jpg", globalKey: "dup" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toBe("Duplicate global key: 'dup'");
    expect((error as ConflictError).operationName).toBe("CreateDataRowPyApi");
  });

  it("validates everything before the request, every problem with its path", async () => {
    const { client, sent } = recordingClient({});
    const error = await createDataRowClassic(client, "", {
      rowData: "s3://b/k",
      globalKey: "a  b",
      externalId: 7 as unknown as string,
      mediaType: "image",
      attachments: [{ type: "image", value: "" }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/^Invalid input for createDataRowClassic:\n {2}- datasetId: must not be empty\n/);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      "datasetId",
      "rowData",
      "globalKey",
      "externalId",
      "mediaType",
      "attachments[0].type",
      "attachments[0].value",
    ]);
    expect(sent).toEqual([]);
  });

  it("refuses, with what to do instead, a File/Blob row data and metadata that resolveMetadataFields did not return", async () => {
    const { client, sent } = recordingClient({});
    const input = {
      rowData: new Blob(["x"]),
      globalKey: " bad",
      metadataFields: [{ name: "split", value: "train" }],
    } as unknown as Parameters<typeof createDataRowClassic>[2];
    const error = (await createDataRowClassic(client, DATASET, input).catch((e: unknown) => e)) as ValidationError;
    expect(error.issues).toEqual([
      { path: "rowData", message: "upload the file with uploadFile() first and pass its URL" },
      { path: "globalKey", message: "must not start or end with whitespace" },
      { path: "metadataFields", message: "must come from resolveMetadataFields(client, fields)" },
    ]);
    // A copy of a resolved list (spread, map) is no longer one either: nothing unchecked gets through.
    const resolved = await resolveMetadataFields(client, []);
    const copied = (await createDataRowClassic(client, DATASET, { rowData: "https://x/a.jpg", metadataFields: [...resolved] as unknown as typeof resolved }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(copied.issues.map((i) => i.path)).toEqual(["metadataFields"]);
    expect(sent).toEqual([]);
  });

  it("refuses a missing or non-object input and a number row data", async () => {
    const { client } = recordingClient({});
    const cases: [unknown, string[]][] = [
      [undefined, [""]],
      [{ globalKey: "k" }, ["rowData"]],
      [{ rowData: 42 }, ["rowData"]],
    ];
    for (const [input, paths] of cases) {
      const error = (await createDataRowClassic(client, DATASET, input as Parameters<typeof createDataRowClassic>[2]).catch((e: unknown) => e)) as ValidationError;
      expect(error.issues.map((i) => i.path)).toEqual(paths);
    }
  });
});

describe("resolveMetadataFields: metadata names and values checked against the ontology", () => {
  it("returns the wire entries (an enum as two, a UTC datetime), and fetches the ontology once per client", async () => {
    const { client, sent } = recordingClient(repliesOf(classic, "get_data_row_metadata_ontology"));
    const fields = await resolveMetadataFields(client, INPUT.metadataFields);
    const [python] = stepRequests(classic, "create_data_row_url");
    const recorded = (python?.variables as { metadata_fields: unknown[] }).metadata_fields;
    expect(recorded).toHaveLength(4);
    expect(JSON.stringify(fields)).toBe(JSON.stringify(recorded));
    await resolveMetadataFields(client, [{ name: "tag", value: "again" }]);
    expect(sent.map((s) => s.operationName)).toEqual(["GetMetadataOntologyBetaPyApi"]);
  });

  it("reports every problem at fields[i], refreshing the ontology once for an unknown name", async () => {
    const ontology = repliesFrom("get_data_row_metadata_ontology")["GetMetadataOntologyBetaPyApi"] as Reply[];
    const { client, sent } = recordingClient({ GetMetadataOntologyBetaPyApi: [...ontology, ...ontology] });
    const error = (await resolveMetadataFields(client, [{ name: "split", value: "training" }, { name: "colour", value: "red" }]).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^Invalid input for resolveMetadataFields:/);
    expect(error.issues.map((i) => i.path)).toEqual(["fields[0].value", "fields[1]"]);
    expect(sent.map((s) => s.operationName)).toEqual(["GetMetadataOntologyBetaPyApi", "GetMetadataOntologyBetaPyApi"]);
  });

  it("checks the list's shape before any request", async () => {
    const { client, sent } = recordingClient({});
    const error = (await resolveMetadataFields(client, [{ value: "x" }, { name: "tag" }] as never).catch((e: unknown) => e)) as ValidationError;
    expect(error.issues.map((i) => i.path)).toEqual(["fields[0]", "fields[1].value"]);
    expect(sent).toEqual([]);
  });
});

describe("createDataRow: the SDK 6.0 one-item upsert", () => {
  it("sends the recorded chunk, manifest and documents", async () => {
    const { client, sent } = recordingClient(repliesFrom("get_data_row_metadata_ontology", "create_data_row_url"), { polling: { minDelayMs: 1, maxDelayMs: 1 } });
    const row = await createDataRow(client, DATASET, INPUT);
    expect(row.id).toBe("c3eqe1mgzm36pxn60lntdw8j5");

    const python = stepRequests(recorded, "create_data_row_url");
    const [chunk, manifest] = sent.filter((s) => s.file);
    // The chunk file holds exactly what Python wrote (JSON spacing aside).
    expect(JSON.parse(chunk?.file?.text ?? "")).toEqual(JSON.parse(python[0]?.parts?.[2]?.payload ?? ""));
    expect(chunk?.variables).toEqual({ file: null, contentLength: chunk?.file?.size, sign: false });
    expect(chunk?.query).toBe(specDocument("UploadFile__376315e6"));
    expect(chunk?.file?.name).toBe("json_import.json");
    expect(JSON.parse(manifest?.file?.text ?? "")).toEqual({ source: "SDK", item_count: 1, chunk_uris: ["https://storage.example/1"] });
    expect(manifest?.file?.name).toBe("manifest.json");
    // Multipart key order: variables first, as Python sends it.
    expect(chunk?.operationsJson?.startsWith('{"variables":')).toBe(true);

    expect(graphql(sent)).toEqual([
      "GetMetadataOntologyBetaPyApi",
      "UpsertDataRowsPyApi",
      "GetUserPyApi",
      "GetUserCreatedTasksPyApi",
      "GetUserCreatedTasksPyApi",
      "FailedDataRowImportsPyApi",
      "SuccessesfulDataRowImportsPyApi",
      "GetDataRowPyApi",
    ]);
    // Every JSON document and its variables are the recorded ones.
    const byOp = new Map(python.filter((e) => e.query).map((e) => [opName(e.query ?? ""), e] as const));
    for (const s of sent.filter((x) => !x.file && x.operationName !== "GetMetadataOntologyBetaPyApi")) {
      const e = byOp.get(s.operationName) as CaptureEntry;
      expect(s.query).toBe(e.query);
      if (s.operationName !== "UpsertDataRowsPyApi") expect(s.variables).toEqual(e.variables);
    }
    expect(sent.find((s) => s.operationName === "UpsertDataRowsPyApi")?.variables).toEqual({ manifestUri: "https://storage.example/2" });
    // Creating a row is not safe to repeat; the upload and the reads are.
    expect(sent.find((s) => s.operationName === "UpsertDataRowsPyApi")?.request.operation).toEqual({ name: "UpsertDataRowsPyApi", kind: "mutation", idempotent: false });
    expect(chunk?.request.operation).toEqual({ name: "UploadFile", kind: "upload", idempotent: true });
  });

  it("uploads a Blob first and uses its URL as row data", async () => {
    const replies = repliesFrom("create_data_row_local_file");
    const { client, sent } = recordingClient(replies, { polling: { minDelayMs: 1, maxDelayMs: 1 } });
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], "local_image.jpg", { type: "image/jpeg" });
    await createDataRow(client, DATASET, { rowData: file, externalId: "local-1" });
    const [upload, chunk] = sent.filter((s) => s.file);
    expect(upload?.file).toMatchObject({ name: "local_image.jpg", type: "image/jpeg", size: 7 });
    expect(upload?.variables).toEqual({ file: null, contentLength: 7, sign: false });
    expect(JSON.parse(chunk?.file?.text ?? "")).toEqual([
      { id: { type: "AUTO", value: "" }, payload: { row_data: "https://storage.example/1", external_id: "local-1", dataset_id: DATASET } },
    ]);
    expect(sent.some((s) => s.operationName === "GetMetadataOntologyBetaPyApi")).toBe(false);
  });

  it("validates everything before the first request, with the same checks as createDataRowClassic", async () => {
    const { client, sent } = recordingClient({});
    const error = await createDataRow(client, "", { rowData: "s3://b/k", globalKey: "a  b", attachments: [{ type: "image", value: "" }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain("Invalid input for createDataRow:\n  - datasetId: must not be empty");
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["datasetId", "rowData", "globalKey", "attachments[0].type", "attachments[0].value"]);
    expect(sent).toEqual([]);
  });

  it("checks metadata against the ontology, refreshing once for an unknown name", async () => {
    const ontology = repliesFrom("get_data_row_metadata_ontology")["GetMetadataOntologyBetaPyApi"] as Reply[];
    const { client, sent } = recordingClient({ GetMetadataOntologyBetaPyApi: [...ontology, ...ontology] });
    const error = await createDataRow(client, DATASET, {
      rowData: "https://example.com/a.jpg",
      metadataFields: [{ name: "split", value: "training" }, { name: "colour", value: "red" }],
    }).catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["metadataFields[0].value", "metadataFields[1]"]);
    expect(sent.map((s) => s.operationName)).toEqual(["GetMetadataOntologyBetaPyApi", "GetMetadataOntologyBetaPyApi"]);
  });

  it("a duplicate global key reported by the task is a ConflictError", async () => {
    const replies = repliesFrom("create_data_rows_dup_gk", "task2_wait", "task2_errors");
    const { client } = recordingClient({ ...replies, UploadFile: { uploadFile: { url: "https://s/1", filename: "f" } } }, { polling: { minDelayMs: 1, maxDelayMs: 1 } });
    const error = await createDataRow(client, DATASET, { rowData: "https://example.com/x.jpg", globalKey: "dup" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toContain("Duplicate global key: 'dup'");
  });
});

describe("createDataset", () => {
  it("with no default integration: CreateDatasetPyApi only, as recorded", async () => {
    const { client, sent } = recordingClient(repliesFrom("create_dataset"));
    expect((await createDataset(client, { name: "Example dataset" })).id).toBe(DATASET);
    expect(sent.map((s) => [s.operationName, s.query, s.variables])).toEqual([
      ["getAllIntegrationsPyApi", specDocument("getAllIntegrationsPyApi__1118a853"), null],
      ["CreateDatasetPyApi", specDocument("CreateDatasetPyApi__2e55bed4"), { name: "Example dataset" }],
    ]);
  });

  it("with the org default integration: sets the signer and validates", async () => {
    const { client, sent } = recordingClient(repliesFrom("create_dataset_default_iam"));
    await createDataset(client, { name: "IAM dataset" });
    // Python: Create, GetOrganization, getAllIntegrations, setSigner, validate. We look the
    // integration up before creating (and skip the unused organization query).
    const [create, , integrations, setSigner, validate] = stepRequests(recorded, "create_dataset_default_iam");
    expect(sent.map((s) => [s.query, s.variables])).toEqual([integrations, create, setSigner, validate].map((e) => [e?.query, e?.variables]));
  });

  it("deletes the new dataset when the integration does not validate", async () => {
    const replies = repliesFrom("create_dataset_default_iam");
    const { client, sent } = recordingClient({
      ...replies,
      validateDatasetPyApi: { validateDataset: { valid: false, checks: [{ name: "signer", success: false }] } },
      deleteDatasetPyApi: { updateDataset: { id: "cg5yqmwgkrju2efzndsco6fut" } },
    });
    await expect(createDataset(client, { name: "IAM dataset" })).rejects.toThrow("failed checks: signer");
    expect(sent.at(-1)?.variables).toEqual({ DatasetId: "cg5yqmwgkrju2efzndsco6fut" });
  });

  it("iamIntegration: null skips the integration lookup", async () => {
    const { client, sent } = recordingClient(repliesFrom("create_dataset"));
    await createDataset(client, { name: "Example dataset", iamIntegration: null });
    expect(sent.map((s) => s.operationName)).toEqual(["CreateDatasetPyApi"]);
  });
});
