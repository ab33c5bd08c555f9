import { describe, expect, it } from "vitest";
import { buildOntology } from "../../src/metadata/ontology.js";
import { serializeMetadata, toUtcSeconds } from "../../src/metadata/serialize.js";
import type { Issues } from "../../src/validation/issues.js";

const CAPTURE = "cko8sdzv70006h2dk8jg64zvb";
const ontology = buildOntology([{ id: CAPTURE, name: "captureDateTime", kind: "CustomMetadataDateTime", reserved: true, options: [] }]);

/** The one issue serializing `value` as captureDateTime gives, or the wire entries when none. */
function serialize(value: string) {
  const issues: Issues = [];
  const wire = serializeMetadata([{ name: "captureDateTime", value }], ontology, "metadataFields", issues);
  return issues.length ? issues : wire;
}

// Date.parse rolls a date that cannot exist over into the next month (or day), so these were sent
// as another date. Python's datetime.fromisoformat refuses them; so does lbx, with its words.
describe("DateTime metadata that cannot exist", () => {
  it.each([
    ["2023-02-30T10:00:00Z", "day is out of range for month"],
    ["2023-04-31T10:00:00+02:00", "day is out of range for month"],
    ["2023-02-29T10:00:00Z", "day is out of range for month"],
    ["2100-02-29T10:00:00.5Z", "day is out of range for month"],
    ["2023-06-31T10:00Z", "day is out of range for month"],
    ["2023-01-32T10:00:00Z", "day is out of range for month"],
    ["2023-01-00T10:00:00Z", "day is out of range for month"],
    ["2023-13-01T10:00:00Z", "month must be in 1..12"],
    ["2023-00-01T10:00:00-05:00", "month must be in 1..12"],
    ["2023-01-01T24:00:00Z", "hour must be in 0..23"],
    ["2023-01-31T24:00:00+01:00", "hour must be in 0..23"],
    ["2023-01-01T23:60:00Z", "minute must be in 0..59"],
    ["2023-01-01T23:59:60Z", "second must be in 0..59"],
    [" 2023-09-31t10:00:00z ", "day is out of range for month"],
  ])("refuses %s: %s, at the value's path", (value, why) => {
    expect(toUtcSeconds(value)).toBeUndefined();
    expect(serialize(value)).toEqual([{ path: "metadataFields[0].value", message: `${why}, got ${JSON.stringify(value)}` }]);
  });

  it.each([
    ["2024-02-29T10:00:00Z", "2024-02-29T10:00:00Z"],
    ["2000-02-29T23:59:59.999Z", "2000-02-29T23:59:59Z"],
    ["2024-02-29T01:00:00+02:00", "2024-02-28T23:00:00Z"],
    ["2023-01-31T10:00:00Z", "2023-01-31T10:00:00Z"],
    ["2023-04-30T23:30:00-01:00", "2023-05-01T00:30:00Z"],
    ["2023-12-31T23:59:59Z", "2023-12-31T23:59:59Z"],
    ["2023-03-31T00:00Z", "2023-03-31T00:00:00Z"],
  ])("accepts %s as %s", (value, utc) => {
    expect(toUtcSeconds(value)).toBe(utc);
    expect(serialize(value)).toEqual([{ schemaId: CAPTURE, value: utc }]);
  });

  it("checks every day of 1999-2004 the same on both paths, against the calendar", () => {
    for (let time = Date.UTC(1999, 0, 1); time < Date.UTC(2005, 0, 1); time += 86_400_000) {
      const date = new Date(time).toISOString().slice(0, 10);
      expect(toUtcSeconds(`${date}T12:00:00Z`)).toBe(`${date}T12:00:00Z`);
      expect(toUtcSeconds(`${date}T13:00:00+01:00`)).toBe(`${date}T12:00:00Z`);
    }
    for (const year of [1999, 2000, 2003, 2004, 2100])
      for (let month = 1; month <= 12; month++)
        for (let day = 29; day <= 31; day++) {
          const date = `${year}-${String(month).padStart(2, "0")}-${day}`;
          const exists = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          expect(toUtcSeconds(`${date}T12:00:00Z`), date).toBe(exists ? `${date}T12:00:00Z` : undefined);
          expect(toUtcSeconds(`${date}T12:00:00+00:00`), date).toBe(exists ? `${date}T12:00:00Z` : undefined);
        }
  });

  it("still describes a value that is no timestamp at all the old way", () => {
    expect(serialize("2023-02-30")).toEqual([{ path: "metadataFields[0].value", message: expect.stringContaining("with a time zone") }]);
  });
});
