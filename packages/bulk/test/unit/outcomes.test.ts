import { describe, expect, it } from "vitest";
import { failureCode, identity } from "../../src/outcomes.js";

describe("failureCode", () => {
  it.each([
    ["Duplicate global key: 'k'", "DUPLICATE_GLOBAL_KEY"],
    ["Invalid global key", "INVALID_GLOBAL_KEY"],
    ["metadata schema not found", "INVALID_METADATA"],
    ["Invalid attachment type", "INVALID_ATTACHMENT"],
    ["Found invalid contents for media type: 'IMAGE'", "INVALID_ROW_DATA"],
    ["something else", "ROW_FAILED"],
  ])("%s -> %s", (message, code) => {
    expect(failureCode(message)).toBe(code);
  });
});

describe("identity", () => {
  it("is the global key, compared as the server compares it, when the row has one", () => {
    expect(identity({ globalKey: "GK<1>", rowData: "a" })).toBe(identity({ globalKey: "gk_1_", rowData: "b" }));
  });

  it("is external id plus row data otherwise", () => {
    expect(identity({ externalId: "e", rowData: "u" })).toBe(identity({ externalId: "e", rowData: "u" }));
    expect(identity({ externalId: "e", rowData: "u" })).not.toBe(identity({ externalId: "e", rowData: "v" }));
    expect(identity({ externalId: "e", rowData: "u" })).not.toBe(identity({ globalKey: "e", rowData: "u" }));
  });
});
