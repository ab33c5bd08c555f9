import { describe, expect, it } from "vitest";
import { buildOntology } from "../../src/metadata/ontology.js";
import { checkMetadataShape, serializeMetadata, toUtcSeconds } from "../../src/metadata/serialize.js";
import type { Issues } from "../../src/validation/issues.js";
import { capture, stepRequests } from "../helpers/spec.js";

const TAG = "cko8s9r5v0001h2dk9elqdidh";
const SPLIT = "cko8sbczn0002h2dkdaxb5kal";
const TRAIN = "cko8sbscr0003h2dk04w86hof";

// The ontology the 6.0 capture received, plus one custom field of each remaining kind.
const recorded = (stepRequests(capture("v.6.0.0"), "get_data_row_metadata_ontology")[0]?.response as { data: { customMetadataOntology: never[] } }).data
  .customMetadataOntology;
const ontology = buildOntology([
  ...recorded,
  { id: "cnum0000000000000000000001", name: "score", kind: "CustomMetadataNumber", reserved: false, options: [] },
  { id: "cemb0000000000000000000001", name: "vec", kind: "CustomMetadataEmbedding", reserved: false, options: [] },
]);

describe("ontology", () => {
  it("indexes reserved fields by name, enum options with their parent", () => {
    expect(ontology.reservedByName.tag?.id).toBe(TAG);
    expect(ontology.reservedByName.split?.optionsByName["train"]?.id).toBe(TRAIN);
    expect(ontology.reservedByName.split?.optionsByName["train"]?.parent).toBe(SPLIT);
    expect(ontology.reservedByName.split?.options.map((o) => o.name)).toEqual(["train", "valid", "test"]);
    expect(ontology.reservedByName.captureDateTime?.kind).toBe("CustomMetadataDateTime");
    expect(ontology.fieldsById.get(TRAIN)?.name).toBe("train");
    expect(ontology.customByName["score"]?.kind).toBe("CustomMetadataNumber");
  });
});

describe("serializeMetadata", () => {
  it("reproduces the SDK 6.0 wire form of the recorded example (by name)", () => {
    const issues: Issues = [];
    const wire = serializeMetadata(
      [
        { name: "tag", value: "tag_string" },
        { name: "split", value: "train" },
        { name: "captureDateTime", value: new Date("2023-03-01T12:30:00.123456Z") },
      ],
      ontology,
      "metadataFields",
      issues,
    );
    expect(issues).toEqual([]);
    const chunk = JSON.parse(stepRequests(capture("v.6.0.0"), "create_data_row_url")[0]?.parts?.[2]?.payload ?? "") as [{ payload: { metadata_fields: unknown } }];
    expect(wire).toEqual(chunk[0].payload.metadata_fields);
  });

  it("accepts schema ids and an enum option by id", () => {
    const issues: Issues = [];
    expect(serializeMetadata([{ schemaId: SPLIT, value: TRAIN }], ontology, "m", issues)).toEqual([
      { schemaId: SPLIT, value: {} },
      { schemaId: TRAIN, value: {} },
    ]);
    expect(issues).toEqual([]);
  });

  it("numbers, embeddings of 128, 4096-character strings (counted in code points)", () => {
    const issues: Issues = [];
    const vec = Array.from({ length: 128 }, (_, i) => i / 10);
    const emoji = "😀".repeat(4096);
    expect(serializeMetadata([{ name: "score", value: 0.5 }, { name: "vec", value: vec }, { name: "tag", value: emoji }], ontology, "m", issues)).toEqual([
      { schemaId: "cnum0000000000000000000001", value: 0.5 },
      { schemaId: "cemb0000000000000000000001", value: vec },
      { schemaId: TAG, value: emoji },
    ]);
    expect(issues).toEqual([]);
  });

  it("reports every bad field at once, each with its path", () => {
    const issues: Issues = [];
    serializeMetadata(
      [
        { name: "tag", value: "x".repeat(4097) },
        { name: "split", value: "training" },
        { name: "captureDateTime", value: "2023-03-01T12:30:00" },
        { name: "score", value: Number.NaN },
        { name: "vec", value: [1, 2, 3] },
        { name: "nope", value: "x" },
        { schemaId: TRAIN, value: "x" },
        { schemaId: TAG, name: "split", value: "x" },
        { name: "tag", value: 5 },
      ],
      ontology,
      "metadataFields",
      issues,
    );
    expect(issues.map((i) => i.path)).toEqual([
      "metadataFields[0].value",
      "metadataFields[1].value",
      "metadataFields[2].value",
      "metadataFields[3].value",
      "metadataFields[4].value",
      "metadataFields[5]",
      "metadataFields[6]",
      "metadataFields[7].name",
      "metadataFields[7]",
      "metadataFields[8]",
      "metadataFields[8].value",
    ]);
    expect(issues[0]?.message).toBe("must be at most 4096 characters, got 4097");
    expect(issues[1]?.message).toContain("one of its options (train, valid, test)");
    expect(issues[2]?.message).toContain("with a time zone");
    expect(issues[4]?.message).toContain("exactly 128 finite numbers, got an array of 3");
    expect(issues[5]?.message).toBe('no metadata field named "nope"');
    expect(issues[6]?.message).toContain("is an enum option, not a field");
    expect(issues[9]?.message).toBe('field "tag" is already set at index 0');
  });

  it("checks the list's shape without the ontology", () => {
    const issues: Issues = [];
    expect(checkMetadataShape([{ value: 1 }, "x", { name: "tag", value: null }], "m", issues)).toBe(false);
    expect(issues.map((i) => i.path)).toEqual(["m[0]", "m[1]", "m[2].value"]);
  });
});

describe("toUtcSeconds", () => {
  it.each([
    [new Date("2023-03-01T12:30:00.999Z"), "2023-03-01T12:30:00Z"],
    ["2023-03-01T12:30:00Z", "2023-03-01T12:30:00Z"],
    ["2023-03-01T14:30:00+02:00", "2023-03-01T12:30:00Z"],
    ["2023-03-01T12:30Z", "2023-03-01T12:30:00Z"],
    ["2023-03-01T12:30:00.123456-0500", "2023-03-01T17:30:00Z"],
  ])("%s -> %s", (input, expected) => {
    expect(toUtcSeconds(input)).toBe(expected);
  });

  it.each(["2023-03-01T12:30:00", "2023-03-01", "yesterday", new Date(Number.NaN), new Date(Date.UTC(10000, 0, 1)), 1677673800])("rejects %s", (input) => {
    expect(toUtcSeconds(input)).toBeUndefined();
  });

  it("gives the same answer on its quick path as by parsing the date, refusing dates that cannot exist", () => {
    // Date.parse rolls Feb 30 over to Mar 2 and 24:00 to the next day: a date read back with
    // other fields than were written did not exist.
    const byParsing = (text: string): string | undefined => {
      const time = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
      const iso = Number.isFinite(time) ? new Date(time).toISOString() : "";
      return iso.length === 24 && iso.slice(0, 19) === text.slice(0, 19) ? `${iso.slice(0, 19)}Z` : undefined;
    };
    const pad = (n: number, width = 2) => String(n).padStart(width, "0");
    let checked = 0;
    for (const year of [0, 1970, 2024, 2100, 9999])
      for (let month = 0; month <= 13; month++)
        for (const day of [0, 1, 9, 10, 19, 28, 29, 30, 31, 32])
          for (const [h, m, sec] of [[0, 0, 0], [23, 59, 59], [24, 0, 0], [12, 60, 0], [12, 0, 60], [9, 5, 7]])
            for (const fraction of ["", ".5", ".999", ".123456"]) {
              const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h!)}:${pad(m!)}:${pad(sec!)}${fraction}Z`;
              expect(toUtcSeconds(text), text).toBe(byParsing(text));
              checked++;
            }
    expect(checked).toBe(5 * 14 * 10 * 6 * 4);
  });
});
