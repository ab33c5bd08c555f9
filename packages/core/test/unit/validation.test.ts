import { describe, expect, it } from "vitest";
import { checkDataRowInput } from "../../src/data-rows/validate-data-row.js";
import { checkAttachment, isValidAttachment } from "../../src/validation/attachment.js";
import { checkMetadataShape } from "../../src/metadata/serialize.js";
import { checkDistinctKeys, checkGlobalKey } from "../../src/validation/global-key.js";
import { type Issues, throwIfIssues } from "../../src/validation/issues.js";
import { checkRowData, MAX_UPLOAD_BYTES } from "../../src/validation/row-data.js";
import { ValidationError } from "../../src/index.js";

function issuesOf(check: (issues: Issues) => unknown): Issues {
  const issues: Issues = [];
  check(issues);
  return issues;
}

describe("global keys", () => {
  it.each(["gk-1", "a", "x".repeat(200), "Path/To/File.jpg", "a b", "!_.*'()&$@=;/:+,?-", 'sanitized"<>\\{}|'])("accepts %j", (key) => {
    expect(issuesOf((i) => checkGlobalKey(key, "globalKey", i))).toEqual([]);
  });

  it.each([
    ["", "must not be empty"],
    ["x".repeat(201), "at most 200 characters, got 201"],
    [" lead", "must not start or end with whitespace"],
    ["trail ", "must not start or end with whitespace"],
    ["double  space", "two spaces in a row"],
    ["hash#", 'characters Labelbox does not allow: "#"'],
    ["tab\tkey", 'does not allow: "\\t"'],
    ["é", 'does not allow: "é"'],
  ])("rejects %j (%s)", (key, message) => {
    const issues = issuesOf((i) => checkGlobalKey(key, "rows[3].globalKey", i));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.path).toBe("rows[3].globalKey");
    expect(issues.map((x) => x.message).join("; ")).toContain(message);
  });

  it("reports every rule a key breaks, not just the first", () => {
    expect(issuesOf((i) => checkGlobalKey(` ${"#".repeat(201)}`, "k", i))).toHaveLength(3);
  });

  it("rejects non-strings", () => {
    expect(issuesOf((i) => checkGlobalKey(12, "k", i))[0]?.message).toBe("must be a string, got number 12");
  });

  it("finds duplicates case-insensitively, naming the first occurrence", () => {
    const issues = issuesOf((i) => checkDistinctKeys(["A", "b", "a", "B", "c"], (n) => `keys[${n}]`, i));
    expect(issues).toEqual([
      { path: "keys[2]", message: "duplicates the global key at index 0 (keys are case-insensitive)" },
      { path: "keys[3]", message: "duplicates the global key at index 1 (keys are case-insensitive)" },
    ]);
  });
});

describe("row data", () => {
  it("accepts URLs, text, objects and non-empty blobs", () => {
    for (const value of ["https://example.com/a.jpg", "gs://bucket/a.jpg", "some raw text", { tileLayerUrl: "x" }, new Blob(["x"])]) {
      expect(issuesOf((i) => checkRowData(value, "rowData", i))).toEqual([]);
    }
  });

  it.each([
    ["", "must not be empty"],
    ["s3://bucket/a.jpg", "s3 assets must start with 'https'"],
    ["x".repeat(65_537), "at most 65536 characters"],
    [42, "must be a URL or text string, a File/Blob, or a JSON object, got number 42"],
    [["a"], "got an array of 1"],
    [new Blob([]), "the file is empty"],
  ])("rejects %#", (value, message) => {
    expect(issuesOf((i) => checkRowData(value, "rowData", i))[0]?.message).toContain(message);
  });

  it("rejects files over 256 MB without reading them", () => {
    const huge = { size: MAX_UPLOAD_BYTES + 1 } as Blob;
    Object.setPrototypeOf(huge, Blob.prototype);
    expect(issuesOf((i) => checkRowData(huge, "rowData", i))[0]?.message).toContain("Labelbox accepts at most 268435456");
  });
});

describe("attachments", () => {
  it("accepts every known type and unknown upper-case ones the server may add", () => {
    for (const type of ["IMAGE", "VIDEO", "IMAGE_OVERLAY", "HTML", "RAW_TEXT", "TEXT_URL", "PDF_URL", "CAMERA_IMAGE", "AUDIO"]) {
      expect(issuesOf((i) => checkAttachment({ type, value: "v" }, "a", i))).toEqual([]);
    }
  });

  it("rejects a malformed type saying what is expected, an empty value, a bad name, all at once", () => {
    const issues = issuesOf((i) => checkAttachment({ type: "image", value: "", name: 3 }, "attachments[1]", i));
    expect(issues).toEqual([
      { path: "attachments[1].type", message: 'must be an upper-case type such as IMAGE or RAW_TEXT, got "image"' },
      { path: "attachments[1].value", message: "must not be empty" },
      { path: "attachments[1].name", message: "must be a string, got number 3" },
    ]);
  });
});

describe("a whole data row", () => {
  it("collects every problem with its path", () => {
    const issues = issuesOf((i) =>
      checkDataRowInput(
        {
          rowData: "s3://b/k",
          globalKey: " bad",
          externalId: 5,
          mediaType: "image",
          metadataFields: [{ value: "x" }, { name: "tag" }],
          attachments: [{ type: "RAW_TEXT", value: "ok" }, { type: "NOPE!", value: "v" }],
        },
        "",
        i,
      ),
    );
    expect(issues.map((x) => x.path)).toEqual([
      "rowData",
      "globalKey",
      "externalId",
      "mediaType",
      "metadataFields[0]",
      "metadataFields[1].value",
      "attachments[1].type",
    ]);
  });

  it("requires rowData", () => {
    expect(issuesOf((i) => checkDataRowInput({ globalKey: "k" }, "rows[2]", i))).toEqual([{ path: "rows[2].rowData", message: "is required" }]);
  });

  it("throwIfIssues lists every problem in one ValidationError", () => {
    const issues: Issues = [
      { path: "a", message: "x" },
      { path: "b[1]", message: "y" },
    ];
    let error: unknown;
    try {
      throwIfIssues("createDataRow", issues);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual(issues);
    expect((error as ValidationError).message).toBe("Invalid input for createDataRow:\n  - a: x\n  - b[1]: y");
  });
});

describe("quick validity checks agree with the full checks", () => {
  it("a hole in a sparse array is an item like any other (sent, it would become null)", () => {
    const issues: Issues = [];
    // eslint-disable-next-line no-sparse-arrays
    checkDataRowInput({ rowData: "https://x/1.jpg", attachments: [, { type: "RAW_TEXT", value: "t" }] }, "", issues);
    expect(issues.map((i) => i.path)).toEqual(["attachments[0]"]);
  });

  const odd: unknown[] = [null, undefined, 0, 1, "", " ", "x", "IMAGE", "raw_text", [], [1], {}, true];
  it("isValidAttachment is true exactly when checkAttachment records nothing", () => {
    const samples: unknown[] = [...odd];
    for (const type of odd) for (const value of odd) for (const name of [undefined, null, "", "n", 5]) samples.push({ type, value, name });
    samples.push({ type: "RAW_TEXT", value: "  text ", name: "caption" }, { type: "AUDIO", value: "https://x" });
    let valid = 0;
    for (const s of samples) {
      const issues: Issues = [];
      checkAttachment(s, "a", issues);
      expect(isValidAttachment(s), JSON.stringify(s)).toBe(issues.length === 0);
      if (issues.length === 0) valid++;
    }
    expect(valid).toBeGreaterThan(10);
  });

  it("a metadata list with odd items gets the same issues as one checked item by item", () => {
    const items: unknown[] = [...odd];
    for (const schemaId of [undefined, "id", 5, ""]) for (const name of [undefined, "n", null]) for (const value of [undefined, null, 0, "", "v", {}]) items.push({ schemaId, name, value });
    for (const item of items) {
      const issues: Issues = [];
      const ok = checkMetadataShape([item, item], "fields", issues);
      const record = typeof item === "object" && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
      const expectedOk = record !== undefined && (typeof record.schemaId === "string" || typeof record.name === "string") && record.value != null;
      expect(ok, JSON.stringify(item)).toBe(expectedOk);
      if (!expectedOk) expect(issues.map((i) => i.path).every((p) => p.startsWith("fields[0]") || p.startsWith("fields[1]"))).toBe(true);
    }
  });
});
