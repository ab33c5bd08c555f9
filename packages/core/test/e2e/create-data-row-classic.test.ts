import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@lbx/emulator";
import { fetchTransport, type Transport } from "@lbx/transport";
import {
  AuthenticationError,
  ConflictError,
  createClientWithTransport,
  createDataRowClassic,
  createDataset,
  getAttachments,
  getDataRow,
  type LbxClient,
  NotFoundError,
  RateLimitError,
  resolveMetadataFields,
  ServerError,
  uploadFile,
  ValidationError,
} from "../../src/index.js";
import { emulatorWithClient } from "./setup.js";

// The client of the browser budget app (scripts/size.mjs): createClientWithTransport over the
// plain fetch transport, so no retry, timeout or user agent. `sent` lists the operations it sent.
let emulator: RunningEmulator;
let client: LbxClient;
let datasetId: string;
const sent: string[] = [];
const run = Date.now().toString(36);

function budgetClient(apiKey: string): LbxClient {
  const fetch = fetchTransport();
  const transport: Transport = (request) => {
    sent.push(request.operation?.name ?? "?");
    return fetch(request);
  };
  return createClientWithTransport({ apiKey, endpoint: emulator.url, transport });
}

beforeAll(async () => {
  ({ emulator } = await emulatorWithClient());
  client = budgetClient(emulator.apiKey);
  datasetId = (await createDataset(client, { name: `classic-${run}`, iamIntegration: null })).id;
});
afterAll(() => emulator?.close());

/** The operations sent while `call` runs. */
async function sending<T>(call: () => Promise<T>): Promise<[T | unknown, string[]]> {
  const from = sent.length;
  const outcome = await call().catch((e: unknown) => e);
  return [outcome, sent.slice(from)];
}

describe("createDataRowClassic against the emulator, over fetchTransport", () => {
  it("creates a row from a URL in one request; it reads back the same", async () => {
    const [row, ops] = await sending(() =>
      createDataRowClassic(client, datasetId, { rowData: "https://example.com/cat.jpg", globalKey: `cat-${run}`, externalId: "cat.jpg", mediaType: "IMAGE" }),
    );
    expect(ops).toEqual(["CreateDataRowPyApi"]);
    expect(row).toMatchObject({ rowData: "https://example.com/cat.jpg", globalKey: `cat-${run}`, externalId: "cat.jpg", metadataFields: [] });
    const { id } = row as { id: string };
    expect(await getDataRow(client, id)).toMatchObject({ id, globalKey: `cat-${run}` });
  });

  it("composed with resolveMetadataFields: metadata by name (enum option, datetime in UTC), and attachments", async () => {
    const [row, ops] = await sending(async () =>
      createDataRowClassic(client, datasetId, {
        rowData: "https://example.com/meta.jpg",
        globalKey: `meta-${run}`,
        metadataFields: await resolveMetadataFields(client, [
          { name: "tag", value: "classic" },
          { name: "split", value: "train" },
          { name: "captureDateTime", value: new Date("2023-03-01T12:30:00.250+02:00") },
        ]),
        attachments: [{ type: "RAW_TEXT", value: "a note", name: "note" }],
      }),
    );
    expect(ops).toEqual(["GetMetadataOntologyBetaPyApi", "CreateDataRowPyApi"]);
    const created = row as { id: string; metadataFields: { name: string; value: unknown }[] };
    expect(created.metadataFields.map((f) => [f.name, f.value])).toEqual([
      ["tag", "classic"],
      ["split", "train"],
      ["captureDateTime", "2023-03-01T10:30:00Z"],
    ]);
    expect((await getAttachments(client, created.id).toArray()).map((a) => [a.type, a.value, a.name])).toEqual([["RAW_TEXT", "a note", "note"]]);
  });

  it("composed with uploadFile: a Blob is uploaded first, and the row's URL serves the same bytes", async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    const [row, ops] = await sending(async () =>
      createDataRowClassic(client, datasetId, { rowData: await uploadFile(client, new File([bytes], "local.png", { type: "image/png" })), globalKey: `file-${run}` }),
    );
    expect(ops).toEqual(["UploadFile", "CreateDataRowPyApi"]);
    const download = await fetch((row as { rowData: string }).rowData);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });

  it("refuses bad input before sending anything, every problem with its path", async () => {
    const [error, ops] = await sending(() =>
      createDataRowClassic(client, datasetId, {
        rowData: new Blob(["x"]),
        globalKey: "two  spaces",
        metadataFields: [{ name: "tag", value: "x" }],
        attachments: [{ type: "raw text", value: "" }],
      } as never),
    );
    expect(ops).toEqual([]);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["rowData", "globalKey", "metadataFields", "attachments[0].type", "attachments[0].value"]);
  });
});

describe("createDataRowClassic's errors from the emulator are typed", () => {
  it("a global key another row holds, in any case, is a ConflictError naming the operation", async () => {
    await createDataRowClassic(client, datasetId, { rowData: "https://example.com/d1.jpg", globalKey: `dup-${run}` });
    const error = await createDataRowClassic(client, datasetId, { rowData: "https://example.com/d2.jpg", globalKey: `DUP-${run}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).operationName).toBe("CreateDataRowPyApi");
  });

  it("an unknown dataset is a NotFoundError", async () => {
    await expect(createDataRowClassic(client, "cdoesnotexist0000000000000", { rowData: "https://example.com/x.jpg" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an attachment type the server does not know is the server's ValidationError", async () => {
    const error = await createDataRowClassic(client, datasetId, { rowData: "https://example.com/h.jpg", attachments: [{ type: "HOLOGRAM", value: "x" }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).operationName).toBe("CreateDataRowPyApi");
  });

  it("a wrong API key is an AuthenticationError that does not show the key", async () => {
    const key = `wrong-key-${run}-0123456789`;
    const error = await createDataRowClassic(budgetClient(key), datasetId, { rowData: "https://example.com/k.jpg" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain(key);
  });

  it("rate limiting (not retried by the bare fetch transport) is a RateLimitError with the server's delay; a 503 is a ServerError", async () => {
    emulator.faults.set({ rules: [{ kind: "rate-limit", operation: "CreateDataRowPyApi", times: 1, retryAfter: 2 }] });
    const limited = (await createDataRowClassic(client, datasetId, { rowData: "https://example.com/r.jpg" }).catch((e: unknown) => e)) as RateLimitError;
    emulator.faults.set({ rules: [{ kind: "http", operation: "CreateDataRowPyApi", times: 1, status: 503 }] });
    const failed = await createDataRowClassic(client, datasetId, { rowData: "https://example.com/r.jpg" }).catch((e: unknown) => e);
    emulator.faults.clear();
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited.retryAfterMs).toBe(2000);
    expect(failed).toBeInstanceOf(ServerError);
    expect((failed as ServerError).status).toBe(503);
  });
});
