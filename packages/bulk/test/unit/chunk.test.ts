import { describe, expect, it } from "vitest";
import { chunkRows, manifestBody, soloChunkBytes, utf8Length, type Chunk, type EncodedRow } from "../../src/chunk.js";

const row = (index: number, payload: unknown = { row_data: `https://x/${index}.jpg` }): EncodedRow => ({
  index,
  json: JSON.stringify({ id: { type: "AUTO", value: "" }, payload }),
});

async function collect(rows: EncodedRow[], limits: Parameters<typeof chunkRows>[1]): Promise<Chunk[]> {
  const out: Chunk[] = [];
  for await (const c of chunkRows(rows, limits)) out.push(c);
  return out;
}

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

describe("chunkRows", () => {
  it("keeps input order, and every chunk body is the JSON array of its rows", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(i));
    const chunks = await collect(rows, { maxChunkBytes: 1_000, maxChunkRows: 100, maxRowsPerTask: 1_000 });
    expect(chunks.flatMap((c) => c.rows.map((r) => r.index))).toEqual(rows.map((r) => r.index));
    for (const c of chunks) {
      expect(JSON.parse(c.body)).toEqual(c.rows.map((r) => JSON.parse(r.json)));
      expect(c.bytes).toBe(new TextEncoder().encode(c.body).length);
      expect(c.bytes).toBeLessThanOrEqual(1_000);
    }
    expect(chunks.length).toBeGreaterThan(1);
  });

  it("fills chunks up to the byte limit exactly, counting multi-byte characters", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ index: i, json: JSON.stringify("日本語テキスト") }));
    const one = utf8Length(rows[0]!.json);
    const limit = 2 + one * 3 + 2; // room for exactly three rows and their two commas
    const chunks = await collect(rows, { maxChunkBytes: limit, maxChunkRows: 100, maxRowsPerTask: 100 });
    expect(chunks.map((c) => c.rows.length)).toEqual([3, 3, 3, 1]);
    expect(chunks[0]!.bytes).toBe(limit);
  });

  it("caps rows per chunk", async () => {
    const chunks = await collect(
      Array.from({ length: 7 }, (_, i) => row(i)),
      { maxChunkBytes: 1e6, maxChunkRows: 3, maxRowsPerTask: 100 },
    );
    expect(chunks.map((c) => c.rows.length)).toEqual([3, 3, 1]);
  });

  it("starts a new task every maxRowsPerTask rows and never lets a chunk span two tasks", async () => {
    const chunks = await collect(
      Array.from({ length: 10 }, (_, i) => row(i)),
      { maxChunkBytes: 1e6, maxChunkRows: 3, maxRowsPerTask: 4 },
    );
    expect(chunks.map((c) => [c.task, c.rows.map((r) => r.index)])).toEqual([
      [0, [0, 1, 2]],
      [0, [3]],
      [1, [4, 5, 6]],
      [1, [7]],
      [2, [8, 9]],
    ]);
  });

  it("reads async iterables lazily: it has not pulled past the first chunk when the first chunk is yielded", async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 1_000; i++) {
        pulled += 1;
        yield row(i);
      }
    }
    const iterator = chunkRows(source(), { maxChunkBytes: 1e6, maxChunkRows: 10, maxRowsPerTask: 1e6 });
    const first = await iterator.next();
    expect(first.value?.rows.length).toBe(10);
    expect(pulled).toBe(11);
    await iterator.return(undefined);
  });

  it("refuses a row that cannot fit in any chunk, naming its index", async () => {
    const big = row(7, { row_data: "x".repeat(200) });
    expect(soloChunkBytes(big)).toBeGreaterThan(100);
    await expect(collect([row(0), big], { maxChunkBytes: 100, maxChunkRows: 10, maxRowsPerTask: 10 })).rejects.toThrow(
      /row 7 is \d+ bytes/,
    );
  });

  it("rejects nonsense limits", async () => {
    await expect(collect([row(0)], { maxChunkBytes: 100, maxChunkRows: 0, maxRowsPerTask: 10 })).rejects.toThrow(
      /maxChunkRows must be a positive integer/,
    );
  });

  it("yields nothing for no rows", async () => {
    expect(await collect([], undefined)).toEqual([]);
  });
});

describe("manifestBody", () => {
  it("is the manifest the Python SDK uploads", () => {
    expect(JSON.parse(manifestBody(3, ["u1", "u2"]))).toEqual({ source: "SDK", item_count: 3, chunk_uris: ["u1", "u2"] });
  });
});
