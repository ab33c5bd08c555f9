// The stored JSON texts written out by hand (attachments on a row, a row's metadata entries) are
// exactly what JSON.stringify gives for the same values, whatever the strings hold.
import { describe, expect, it } from "vitest";
import { attachmentsOf, attachmentsText } from "../src/db/attachments.js";
import { serializeEntries, type StoredEntry } from "../src/metadata/stored.js";

const awkward = ["", "plain", 'quote " and \\ backslash', "line\nbreak\ttab\r", "\u0000\u001f control", "ünïcödé 漢字 🐈", "\ud800 lone surrogate", "</script>", "a".repeat(5000)];

describe("attachmentsText", () => {
  it("is JSON.stringify of {next, items} for any strings, null and missing names", () => {
    const list = awkward.map((s, i) => ({ type: i % 2 ? "RAW_TEXT" : s, value: s, name: i % 3 === 0 ? null : s }));
    const reference = JSON.stringify({ next: 1 + list.length, items: list.map((a, i) => [1 + i, a.type, a.value, a.name]) });
    expect(attachmentsText(list)).toBe(reference);
    expect(JSON.parse(attachmentsText([{ type: "TEXT", value: "v", name: undefined as unknown as null }])!)).toEqual({ next: 2, items: [[1, "TEXT", "v", null]] });
  });

  it("continues the numbering of a row's previous attachments, and records an emptied list", () => {
    const previous = attachmentsText([{ type: "TEXT", value: "a", name: null }, { type: "TEXT", value: "b", name: "n" }]);
    const next = attachmentsText([{ type: "IMAGE", value: "https://e.com/x.png", name: "x" }], previous);
    expect(next).toBe(JSON.stringify({ next: 4, items: [[3, "IMAGE", "https://e.com/x.png", "x"]] }));
    expect(attachmentsOf(7, next).map((a) => [a.seq, a.value])).toEqual([[7 * 65_536 + 3, "https://e.com/x.png"]]);
    expect(attachmentsText([], next)).toBe(JSON.stringify({ next: 4, items: [] }));
    expect(attachmentsText([])).toBeNull();
  });
});

describe("serializeEntries", () => {
  it("is JSON.stringify of the entries for any values, leaving out undefined ones", () => {
    const entries: StoredEntry[] = [
      ...awkward.map((s) => ({ schemaId: `cks${s.length}`, value: s })),
      { schemaId: "ckenum", value: {} },
      { schemaId: "cknumber", value: -12.5e-7 },
      { schemaId: "ckzero", value: 0 },
      { schemaId: "cknested", value: { a: [1, "two", null], b: { c: true } } },
      { schemaId: "ckmissing", value: undefined },
      { schemaId: 'ck"odd\\id', value: "x" },
    ];
    expect(serializeEntries(entries)).toBe(JSON.stringify(entries));
    expect(serializeEntries([])).toBeNull();
  });
});
