import type { RunningEmulator } from "@lbx/emulator";
import { fetchTransport } from "@lbx/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClientWithTransport, createDataRow, createDataset, type LbxClient, ValidationError } from "../../src/index.js";
import { recordingClient } from "../helpers/recording-transport.js";
import { emulatorWithClient } from "./setup.js";

// createDataRow reports every problem of a row in one ValidationError: metadata that only the
// ontology can judge (an enum option, a field name) too, not on a second attempt once the rest
// of the row is fixed.
let emulator: RunningEmulator;
let client: LbxClient;
let datasetId: string;

beforeAll(async () => {
  ({ emulator, client } = await emulatorWithClient());
  datasetId = (await createDataset(client, { name: "all-problems", iamIntegration: null })).id;
});

afterAll(() => emulator?.close());

const BAD_METADATA = [
  { name: "split", value: "training" },
  { name: "colour", value: "red" },
  { name: "captureDateTime", value: "2023-02-30T10:00:00Z" },
];

describe("createDataRow with several problems", () => {
  it("reports metadata problems with the others, in one error", async () => {
    const error = await createDataRow(client, datasetId, { rowData: "", globalKey: " gk", mediaType: "image", metadataFields: BAD_METADATA }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: "rowData", message: "must not be empty" },
      { path: "globalKey", message: "must not start or end with whitespace" },
      { path: "mediaType", message: expect.stringContaining("upper-case type") },
      { path: "metadataFields[0].value", message: expect.stringContaining("one of its options (train, valid, test)") },
      { path: "metadataFields[1]", message: 'no metadata field named "colour"' },
      { path: "metadataFields[2].value", message: 'day is out of range for month, got "2023-02-30T10:00:00Z"' },
    ]);
  });

  it("a badly shaped metadata list is reported by its shape, without an ontology request", async () => {
    const { client: recording, sent } = recordingClient({});
    const error = await createDataRow(recording, datasetId, { rowData: "", metadataFields: [{ value: "x" }] as never }).catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["rowData", "metadataFields[0]"]);
    expect(sent).toEqual([]);
  });

  it("an ontology that cannot be fetched does not hide the problems already found", async () => {
    // Nothing listens on port 9; the plain fetch transport does not retry.
    const offline = createClientWithTransport({ apiKey: emulator.apiKey, endpoint: "http://127.0.0.1:9/graphql", transport: fetchTransport() });
    const error = await createDataRow(offline, datasetId, { rowData: "", metadataFields: BAD_METADATA }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: "rowData", message: "must not be empty" }]);
  });
});
