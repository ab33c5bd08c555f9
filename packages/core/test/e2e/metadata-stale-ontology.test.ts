import type { RunningEmulator } from "@lbx/emulator";
import { fetchTransport, type Transport } from "@lbx/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UpsertCustomMetadataSchemaPyApiDocument } from "../../src/generated/documents.js";
import {
  createClient,
  createClientWithTransport,
  createDataRow,
  createDataset,
  createMetadataSchema,
  execute,
  getMetadataOntology,
  type LbxClient,
  resolveMetadataFields,
  updateMetadataEnumOption,
  ValidationError,
} from "../../src/index.js";
import { emulatorWithClient } from "./setup.js";

// Two clients of one organization: B changes an enum's options while A holds a cached ontology
// from before. A must look once more before calling B's option unknown, as it does for a field.
let emulator: RunningEmulator;
let a: LbxClient;
let b: LbxClient;
const sentByA: string[] = [];
const ontologyFetches = () => sentByA.filter((name) => name === "GetMetadataOntologyBetaPyApi").length;

beforeAll(async () => {
  ({ emulator } = await emulatorWithClient());
  const fetch = fetchTransport();
  const counting: Transport = (request) => {
    sentByA.push(request.operation?.name ?? "?");
    return fetch(request);
  };
  a = createClientWithTransport({ apiKey: emulator.apiKey, endpoint: emulator.url, transport: counting, polling: { minDelayMs: 10, maxDelayMs: 50 } });
  b = createClient({ apiKey: emulator.apiKey, endpoint: emulator.url });
});

afterAll(() => emulator?.close());

describe("an enum option another client created or renamed", () => {
  it("is found after one refresh of the cached ontology, by name (renamed) and by id (created)", async () => {
    const color = await createMetadataSchema(b, { name: "color", kind: "CustomMetadataEnum", options: ["red", "blue"] });
    const dataset = await createDataset(a, { name: "stale-ontology", iamIntegration: null });
    expect((await getMetadataOntology(a)).customByName["color"]?.options.map((o) => o.name)).toEqual(["red", "blue"]);
    const red = color.optionsByName["red"]!.id;

    // B renames red; A's cache still says red.
    await updateMetadataEnumOption(b, "color", "red", "crimson");
    const before = ontologyFetches();
    const row = await createDataRow(a, dataset.id, { rowData: "https://example.com/a.jpg", metadataFields: [{ name: "color", value: "crimson" }] });
    expect(row.metadataFields).toEqual([{ schemaId: color.id, name: "color", value: "crimson", kind: "CustomMetadataEnum" }]);
    expect(ontologyFetches() - before).toBe(1);

    // B adds green (the wire form Python's mdo.update_schema sends: every option, the new one without an id).
    const upserted = await execute(b, UpsertCustomMetadataSchemaPyApiDocument, {
      data: {
        id: color.id,
        name: "color",
        kind: "CustomMetadataEnum",
        options: [
          { id: red, name: "crimson", kind: "CustomMetadataEnumOption" },
          { id: color.optionsByName["blue"]!.id, name: "blue", kind: "CustomMetadataEnumOption" },
          { name: "green", kind: "CustomMetadataEnumOption" },
        ],
      },
    });
    const green = upserted.upsertCustomMetadataSchema.options?.find((o) => o.name === "green")?.id;
    expect(green).toBeTruthy();
    expect(await resolveMetadataFields(a, [{ schemaId: color.id, value: green! }])).toEqual([
      { schemaId: color.id, value: {} },
      { schemaId: green, value: {} },
    ]);
  });

  it("an option that does not exist is refused after exactly one refresh", async () => {
    await getMetadataOntology(a);
    const before = ontologyFetches();
    const error = await resolveMetadataFields(a, [{ name: "color", value: "purple" }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: "fields[0].value", message: expect.stringContaining("one of its options (crimson, blue, green)") }]);
    expect(ontologyFetches() - before).toBe(1);
  });

  it("a known option costs no refresh", async () => {
    await getMetadataOntology(a);
    const before = ontologyFetches();
    await resolveMetadataFields(a, [{ name: "color", value: "blue" }, { name: "split", value: "train" }]);
    expect(ontologyFetches()).toBe(before);
  });
});
