// Pure logic: ids, timestamps, global-key rules, metadata checks, fault parsing and determinism.
import { describe, expect, it } from "vitest";
import { SeqIds, isIdShaped, newId } from "../src/ids.js";
import { isTimestamp, isoTimestamp, parseTimestamp } from "../src/time.js";
import { checkGlobalKey } from "../src/rules/global-keys.js";
import { checkAttachments } from "../src/rules/attachments.js";
import { checkRowData, guessMimeType, sniffMimeType } from "../src/rules/row-data.js";
import { defaultLimits, resolveLimits } from "../src/rules/limits.js";
import { Ontology } from "../src/metadata/ontology.js";
import { reservedSchemas } from "../src/metadata/reserved.js";
import { checkMetadata, customMetadataView, metadataFieldsView } from "../src/metadata/stored.js";
import { Faults, checkFaultConfig, mulberry32, parseFaultFlag } from "../src/faults.js";
import { readItem } from "../src/ingest/items.js";

describe("ids", () => {
  it("random ids are 25 characters, c + [a-z0-9]", () => {
    for (let i = 0; i < 200; i++) expect(isIdShaped(newId())).toBe(true);
  });
  it("sequence ids round-trip and reject tampering, other kinds and other stores", () => {
    const ids = new SeqIds("salt-a");
    for (const seq of [1, 2, 35, 36, 123456789, 2 ** 40]) {
      const id = ids.encode("row", seq);
      expect(isIdShaped(id)).toBe(true);
      expect(ids.decode("row", id)).toBe(seq);
      expect(ids.decode("attachment", id)).toBeNull();
      expect(new SeqIds("salt-b").decode("row", id)).toBeNull();
      const tampered = id.slice(0, 24) + (id[24] === "a" ? "b" : "a");
      expect(ids.decode("row", tampered)).toBeNull();
    }
    expect(ids.decode("row", "cdoesnotexist0000000000000")).toBeNull();
    expect(ids.decode("row", "")).toBeNull();
  });
  it("sequence ids sort like their sequence numbers", () => {
    const ids = new SeqIds("s");
    const list = [5, 40, 1000, 36 ** 4].map((n) => ids.encode("row", n));
    expect([...list].sort()).toEqual(list);
  });
});

describe("timestamps", () => {
  it("formats with milliseconds and Z", () => {
    expect(isoTimestamp(Date.UTC(2023, 5, 29, 19, 36, 24, 5))).toBe("2023-06-29T19:36:24.005Z");
  });
  it("parses the forms clients send and rejects others", () => {
    expect(parseTimestamp("2023-03-01T12:30:00Z")).toBe(Date.UTC(2023, 2, 1, 12, 30));
    expect(parseTimestamp("2023-03-01T12:30:00.123456Z")).toBe(Date.UTC(2023, 2, 1, 12, 30, 0, 123));
    expect(parseTimestamp("2000-01-01 00:00:00")).toBe(Date.UTC(2000, 0, 1));
    expect(parseTimestamp("2023-03-01T12:30:00+01:00")).toBe(Date.UTC(2023, 2, 1, 11, 30));
    expect(parseTimestamp("2023-02-31T00:00:00Z")).toBeNull();
    // Clock overflow is not rolled over into the next day or hour either.
    expect(parseTimestamp("2023-03-01T24:00:00Z")).toBeNull();
    expect(parseTimestamp("2023-03-01T12:60:00+01:00")).toBeNull();
    expect(parseTimestamp("2023-03-01T12:00:60")).toBeNull();
    expect(parseTimestamp("yesterday")).toBeNull();
  });
  it("tells timestamps by its quick path exactly as parsing does", () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, "0");
    let checked = 0;
    for (const year of [0, 1970, 2024, 9999])
      for (let month = 0; month <= 13; month++)
        for (const day of [0, 1, 10, 28, 29, 30, 31, 32])
          for (const [h, m, sec] of [[0, 0, 0], [23, 59, 59], [24, 0, 0], [12, 60, 0], [12, 0, 60]])
            for (const tail of ["Z", ".5Z", ".123456Z", "", "+01:00", "z"]) {
              const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h!)}:${pad(m!)}:${pad(sec!)}${tail}`;
              expect(isTimestamp(text), text).toBe(parseTimestamp(text) !== null);
              checked++;
            }
    expect(checked).toBe(4 * 14 * 8 * 5 * 6);
  });
});

describe("global-key rules", () => {
  const check = (k: unknown) => checkGlobalKey(k, 200);
  it("accepts the allowed characters and folds case for uniqueness", () => {
    const r = check("Ab0 !_.*'()&$@=;/:+,?-x");
    expect(r).toMatchObject({ ok: true, normalized: "ab0 !_.*'()&$@=;/:+,?-x", sanitized: false });
  });
  it('replaces " < > \\ { } | with _ and reports it as sanitized', () => {
    expect(check('"<>\\{}|abc')).toEqual({ ok: true, key: "_______abc", normalized: "_______abc", sanitized: true });
  });
  it("rejects too long, empty, padded, double-spaced and other characters, saying why", () => {
    expect(check("x".repeat(200)).ok).toBe(true);
    expect(check("x".repeat(201))).toEqual({ ok: false, reason: "Global key is longer than 200 characters" });
    expect(check("")).toMatchObject({ ok: false });
    expect(check(" a")).toMatchObject({ ok: false, reason: expect.stringContaining("whitespace") });
    expect(check("a  b")).toMatchObject({ ok: false, reason: expect.stringContaining("consecutive spaces") });
    expect(check("a#b")).toMatchObject({ ok: false, reason: expect.stringContaining('"#"') });
    expect(check(5)).toMatchObject({ ok: false });
  });
  it("uses the configured maximum", () => {
    expect(checkGlobalKey("abcd", 3).ok).toBe(false);
  });
});

describe("attachment and row-data rules", () => {
  it("checks types, values and the per-row maximum", () => {
    expect(checkAttachments([{ type: "IMAGE", value: "https://x" }], 0)).toMatchObject({ ok: true });
    expect(checkAttachments([{ type: "NOT_A_TYPE", value: "x" }], 0)).toMatchObject({ ok: false, reason: expect.stringContaining("attachments[0]") });
    expect(checkAttachments([{ type: "RAW_TEXT", value: "" }], 0)).toMatchObject({ ok: false });
    expect(checkAttachments([{ type: "RAW_TEXT", value: "a" }, { type: "RAW_TEXT", value: "b" }], 1)).toMatchObject({ ok: false });
  });
  it("checks row data forms and media types", () => {
    expect(checkRowData("s3://bucket/x.jpg", undefined, 100)).toMatchObject({ ok: false, reason: "row_data: s3 assets must start with 'https'." });
    expect(checkRowData("https://x/a.JPG", undefined, 100)).toMatchObject({ ok: true, attributes: { mimeType: "image/jpeg" } });
    expect(checkRowData({ tileLayerUrl: "https://t/{z}" }, "TMS_GEO", 100)).toMatchObject({ ok: true, rowData: '{"tileLayerUrl":"https://t/{z}"}' });
    expect(checkRowData({ a: 1 }, "IMAGE", 100)).toMatchObject({ ok: false, reason: "Found invalid contents for media type: 'IMAGE'" });
    expect(checkRowData("x", "totallyinvalid", 100)).toMatchObject({ ok: false, reason: "Found invalid media type: 'totallyinvalid'" });
    expect(checkRowData("a".repeat(101), undefined, 100)).toMatchObject({ ok: false });
    expect(checkRowData({ pdfUrl: "https://x/a.pdf", textLayerUrl: "https://x/t" }, undefined, 100)).toMatchObject({
      ok: true,
      rowData: "https://x/a.pdf",
      attributes: { mimeType: "application/pdf", textLayerUrl: "https://x/t" },
    });
    expect(sniffMimeType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffMimeType(Buffer.from('[{"a":1}]'))).toBe("application/json");
  });
  it("guesses a URL's MIME type from its path's extension, read as the expressions it replaced read it", () => {
    // The previous reading of the extension, kept here as the reference; the type for an
    // extension then comes from the same table (asked with a URL that is nothing but it).
    const referenceExtension = (url: string): string | undefined => /\.([A-Za-z0-9]+)$/.exec(url.split(/[?#]/, 1)[0] ?? "")?.[1];
    const urls = [
      "https://e.com/a.JPG", "https://e.com/a.png?x=1.jpg#f.gif", "https://e.com/a.json#frag?q", "https://e.com/a", "https://e.com/a.",
      "https://e.com/.png", "https://e.com/a.b/c", "gs://b/x.tar.gz", "HTTP://E.COM/V.MP4", "s3://b/k.tiff", "https://e.com/a.p-g",
      "https://e.com/a.png/", "https://e.com/?a.png", "https://e.com/#a.png", "https://e.com/x.mov?", "https://e.com/x.webm#",
    ];
    for (const url of urls) {
      const ext = referenceExtension(url);
      expect([url, guessMimeType(url)]).toEqual([url, ext === undefined ? "application/octet-stream" : guessMimeType(`https://x/y.${ext}`)]);
    }
    expect(["https://e.com/a.JPG", "HTTP://E.COM/V.MP4", "https://e.com/a.png?x=1.jpg", "gs://b/x.tar.gz"].map(guessMimeType)).toEqual(["image/jpeg", "video/mp4", "image/png", "application/octet-stream"]);
    expect(guessMimeType("not a url.png")).toBe("text/plain");
    // Extensions that name Object.prototype's members are no known type (they used to be looked up there).
    expect(["https://e.com/x.constructor", "https://e.com/x.toString", "https://e.com/x.__proto__"].map(guessMimeType)).toEqual(Array(3).fill("application/octet-stream"));
  });
  it("refuses unknown or negative limits", () => {
    expect(() => resolveLimits({ maxGlobalKeyLength: -1 })).toThrow(/non-negative/);
    expect(() => resolveLimits({ nope: 1 } as never)).toThrow(/Unknown limit/);
    expect(resolveLimits({ maxRowsPerTask: 10 }).maxRowsPerTask).toBe(10);
  });
});

describe("metadata rules", () => {
  const ontology = new Ontology(reservedSchemas);
  const [TAG, SPLIT, TRAIN, VALID, CAPTURE] = ["cko8s9r5v0001h2dk9elqdidh", "cko8sbczn0002h2dkdaxb5kal", "cko8sbscr0003h2dk04w86hof", "cko8sc2yr0004h2dk69aj5x63", "cko8sdzv70006h2dk8jg64zvb"];
  it("stores an enum as its option and shows it the SDK's way", () => {
    const r = checkMetadata(
      [
        { schemaId: TAG, value: "t" },
        { schemaId: SPLIT, value: {} },
        { schemaId: TRAIN, value: {} },
        { schemaId: CAPTURE, value: "2023-03-01T12:30:00Z" },
      ],
      ontology,
      defaultLimits,
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.entries).toEqual([
      { schemaId: TAG, value: "t" },
      { schemaId: TRAIN, value: {} },
      { schemaId: CAPTURE, value: "2023-03-01T12:30:00Z" },
    ]);
    expect(customMetadataView(r.entries, ontology)).toEqual([
      { schemaId: TAG, value: "t" },
      { schemaId: SPLIT, value: {} },
      { schemaId: TRAIN, value: {} },
      { schemaId: CAPTURE, value: "2023-03-01T12:30:00Z" },
    ]);
    expect(metadataFieldsView(r.entries, ontology)).toEqual([
      { schemaId: TAG, name: "tag", value: "t", kind: "CustomMetadataString" },
      { schemaId: SPLIT, name: "split", value: "train", kind: "CustomMetadataEnum" },
      { schemaId: CAPTURE, name: "captureDateTime", value: "2023-03-01T12:30:00Z", kind: "CustomMetadataDateTime" },
    ]);
  });
  it("accepts fields by name and an enum value given as option name", () => {
    const r = checkMetadata([{ name: "split", value: "valid" }], ontology, defaultLimits);
    expect(r).toEqual({ ok: true, entries: [{ schemaId: VALID, value: {} }] });
  });
  it("rejects a String schema twice, long strings, bad dates, unknown schemas, two options, a bare enum", () => {
    const twice = checkMetadata([{ schemaId: TAG, value: "a" }, { schemaId: TAG, value: "b" }], ontology, defaultLimits);
    expect(twice).toMatchObject({ ok: false, reason: expect.stringContaining("A schemaId can only be specified once per DataRow for CustomMetadataString") });
    expect(checkMetadata([{ schemaId: TAG, value: "x".repeat(4096) }], ontology, defaultLimits).ok).toBe(true);
    expect(checkMetadata([{ schemaId: TAG, value: "x".repeat(4097) }], ontology, defaultLimits)).toMatchObject({ ok: false, reason: expect.stringContaining("4096") });
    expect(checkMetadata([{ schemaId: CAPTURE, value: "soon" }], ontology, defaultLimits).ok).toBe(false);
    expect(checkMetadata([{ schemaId: "c000000000000000000000000", value: 1 }], ontology, defaultLimits)).toMatchObject({ ok: false, reason: expect.stringContaining("not found") });
    expect(checkMetadata([{ schemaId: TRAIN, value: {} }, { schemaId: VALID, value: {} }], ontology, defaultLimits).ok).toBe(false);
    expect(checkMetadata([{ schemaId: SPLIT, value: {} }], ontology, defaultLimits)).toMatchObject({ ok: false, reason: expect.stringContaining("without one of its options") });
  });
  it("checks embeddings against the configured dimension and the per-row field limit", () => {
    const embedding = new Ontology([{ id: "cemb00000000000000000000000".slice(0, 25), name: "emb", kind: "CustomMetadataEmbedding", reserved: false, parentId: null, options: [] }]);
    const id = embedding.schemas[0]!.id;
    expect(checkMetadata([{ schemaId: id, value: Array(128).fill(0.5) }], embedding, defaultLimits).ok).toBe(true);
    expect(checkMetadata([{ schemaId: id, value: Array(127).fill(0.5) }], embedding, defaultLimits).ok).toBe(false);
    const limits = resolveLimits({ maxMetadataFieldsPerRow: 1 });
    expect(checkMetadata([{ schemaId: TAG, value: "a" }, { schemaId: CAPTURE, value: "2023-01-01T00:00:00Z" }], ontology, limits).ok).toBe(false);
  });
});

describe("import items", () => {
  it("maps the SDK's snake_case keys and names every unknown one, inherited names included", () => {
    expect(readItem(JSON.parse('{"row_data":"u","external_id":"e","dataset_id":"d"}'))).toEqual({ ok: true, input: { rowData: "u", externalId: "e" }, datasetId: "d" });
    for (const key of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(readItem(JSON.parse(`{"row_data":"u","${key}":1}`))).toEqual({ ok: false, reason: `Unknown field '${key}' in item` });
    }
  });
});

describe("faults", () => {
  it("parses CLI specs and rejects bad ones with the field named", () => {
    expect(parseFaultFlag("http:status=503,rate=0.5,op=GetDataRowPyApi")).toEqual({ kind: "http", status: 503, rate: 0.5, operation: "GetDataRowPyApi" });
    expect(parseFaultFlag("task-hang")).toEqual({ kind: "task-hang" });
    expect(() => parseFaultFlag("http:rate=0.5")).toThrow(/status is required/);
    expect(() => parseFaultFlag("nope")).toThrow(/kind must be one of/);
    expect(() => checkFaultConfig({ rules: [{ kind: "drop", rate: 2 }] })).toThrow(/rules\[0\]\.rate/);
  });
  it("is deterministic for a seed and honours times", () => {
    const run = (seed: number) => {
      const f = new Faults({ seed, rules: [{ kind: "http", status: 500, rate: 0.5 }] });
      return Array.from({ length: 40 }, () => (f.forRequest("Op").response ? 1 : 0)).join("");
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
    expect(run(7)).toMatch(/1/);
    expect(run(7)).toMatch(/0/);
    const once = new Faults({ rules: [{ kind: "drop", times: 1, operation: "A" }] });
    expect(once.forRequest("B").response).toBeNull();
    expect(once.forRequest("A").response?.kind).toBe("drop");
    expect(once.forRequest("A").response).toBeNull();
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });
  it("adds latency of every matching rule and picks the first response rule", () => {
    const f = new Faults({ rules: [{ kind: "latency", ms: 5 }, { kind: "latency", ms: 7, operation: "X" }, { kind: "rate-limit" }, { kind: "http", status: 500 }] });
    const d = f.forRequest("X");
    expect(d.latencyMs).toBe(12);
    expect(d.response?.kind).toBe("rate-limit");
    expect(f.forTask(["upsert"])).toBeNull();
  });
});
