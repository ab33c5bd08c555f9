import { describe, expect, it } from "vitest";
import { failureCode, matchResults, type SentRow } from "../../src/outcomes.js";

describe("matchResults", () => {
  const sent: SentRow[] = [
    { index: 0, globalKey: "GK-a", rowData: "https://x/a.jpg" },
    { index: 1, externalId: "e1", rowData: "https://x/b.jpg" },
    { index: 2, globalKey: "gk-c", rowData: "https://x/c.jpg" },
    { index: 3, externalId: "e1", rowData: "https://x/b.jpg" },
    { index: 4, rowData: "https://x/d.jpg" },
  ];

  it("puts results in input order whatever order the server used", () => {
    const { outcomes, unmatched } = matchResults(
      sent,
      [
        { id: "r4", rowData: "https://x/d.jpg" },
        { id: "r0", globalKey: "gk-A", rowData: "https://x/a.jpg" }, // keys compare case-insensitively
        { id: "r1", externalId: "e1", rowData: "https://x/b.jpg" },
      ],
      [
        { message: "Duplicate global key: 'gk-c'", spec: { globalKey: "gk-c", rowData: "https://x/c.jpg" } },
        { message: "Failed to access URL", spec: { externalId: "e1", rowData: "https://x/b.jpg" } },
      ],
    );
    expect(unmatched).toEqual([]);
    expect(outcomes).toEqual([
      { index: 0, status: "succeeded", dataRowId: "r0" },
      { index: 1, status: "succeeded", dataRowId: "r1" },
      { index: 2, status: "failed", code: "DUPLICATE_GLOBAL_KEY", message: "Duplicate global key: 'gk-c'" },
      { index: 3, status: "failed", code: "INVALID_ROW_DATA", message: "Failed to access URL" },
      { index: 4, status: "succeeded", dataRowId: "r4" },
    ]);
  });

  it("never drops a row: a row without a result fails with NO_RESULT", () => {
    const { outcomes } = matchResults(sent.slice(0, 2), [{ id: "r0", globalKey: "gk-a" }], []);
    expect(outcomes[1]).toMatchObject({ index: 1, status: "failed", code: "NO_RESULT" });
  });

  it("never drops a result: one that matches no sent row is returned as unmatched", () => {
    const stray = { id: "zzz", globalKey: "nobody" };
    const orphan = { message: "boom", spec: null };
    const { unmatched } = matchResults(sent, [stray], [orphan]);
    expect(unmatched).toEqual([stray, orphan]);
  });

  it("does not match one result to two rows", () => {
    const twins: SentRow[] = [
      { index: 0, externalId: "same", rowData: "u" },
      { index: 1, externalId: "same", rowData: "u" },
    ];
    const { outcomes } = matchResults(twins, [{ id: "only", externalId: "same", rowData: "u" }], []);
    expect(outcomes.map((o) => o.status)).toEqual(["succeeded", "failed"]);
  });
});

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
