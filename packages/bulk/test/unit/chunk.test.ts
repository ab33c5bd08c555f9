import { describe, expect, it } from "vitest";
import { DEFAULT_CHUNK_LIMITS, manifestBody, taskRowsAt, utf8Length } from "../../src/chunk.js";

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

describe("taskRowsAt", () => {
  it("starts small and doubles up to maxRowsPerTask, by input position only", () => {
    const sizes: number[] = [];
    for (let start = 0; start < 100_000; start += sizes.at(-1)!) sizes.push(taskRowsAt(start, DEFAULT_CHUNK_LIMITS));
    expect(sizes).toEqual([2_500, 2_500, 5_000, 10_000, 20_000, 25_000, 25_000, 25_000]);
  });

  it("with a known total, ends small too", () => {
    const sizes: number[] = [];
    for (let start = 0; start < 100_000; start += sizes.at(-1)!) sizes.push(taskRowsAt(start, DEFAULT_CHUNK_LIMITS, 100_000));
    expect(sizes).toEqual([2_500, 2_500, 5_000, 10_000, 20_000, 25_000, 17_500, 8_750, 4_375, 2_500, 2_500]);
    // An estimate too low or too high changes sizes, never correctness: past the estimate, tasks rise again.
    expect(taskRowsAt(120_000, DEFAULT_CHUNK_LIMITS, 100_000)).toBe(25_000);
    expect(taskRowsAt(99_999, DEFAULT_CHUNK_LIMITS, 100_000)).toBe(2_500);
    // A total that is not a number is no total (tasks still end at maxRowsPerTask).
    expect(taskRowsAt(90_000, DEFAULT_CHUNK_LIMITS, Number.NaN)).toBe(25_000);
  });

  it("never exceeds maxRowsPerTask, and is one size when firstTaskRows is as large", () => {
    expect(taskRowsAt(0, { ...DEFAULT_CHUNK_LIMITS, maxRowsPerTask: 100 })).toBe(100);
    expect(taskRowsAt(0, { ...DEFAULT_CHUNK_LIMITS, firstTaskRows: 25_000 })).toBe(25_000);
    expect(taskRowsAt(7, { ...DEFAULT_CHUNK_LIMITS, firstTaskRows: 1 })).toBe(7);
  });
});
