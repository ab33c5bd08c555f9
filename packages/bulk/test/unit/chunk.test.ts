import { describe, expect, it } from "vitest";
import { manifestBody, utf8Length } from "../../src/chunk.js";

describe("utf8Length", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["é", 2],
    ["日本", 6],
    ["😀", 4],
    ["\ud800x", 4], // lone surrogate: encoded as U+FFFD (3 bytes)
  ])("%j is %i bytes", (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(new TextEncoder().encode(text).length).toBe(bytes);
  });
});

describe("manifestBody", () => {
  it("is the manifest the Python SDK uploads", () => {
    expect(JSON.parse(manifestBody(3, ["u1", "u2"]))).toEqual({ source: "SDK", item_count: 3, chunk_uris: ["u1", "u2"] });
  });
});
