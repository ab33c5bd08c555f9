import { describe, expect, it } from "vitest";
import { utf8Length } from "../../src/chunk.js";
import { BufferPool, ChunkBody } from "../../src/upload.js";

const enc = new TextEncoder();
const dec = new TextDecoder();

function body(rows: unknown[], pool = new BufferPool(), capacity = 64): ChunkBody {
  const b = new ChunkBody(pool, capacity);
  for (const r of rows) {
    const json = JSON.stringify(r);
    b.add(json, utf8Length(json));
  }
  return b;
}

describe("ChunkBody", () => {
  it("is a JSON array of the rows added, its size the UTF-8 length", () => {
    const rows = [{ a: 1 }, { b: "é😀" }, { c: [1, 2] }];
    const b = body(rows);
    expect(b.rows).toBe(3);
    expect(JSON.parse(b.text())).toEqual(rows);
    expect(b.size).toBe(enc.encode(JSON.stringify(rows)).length);
    expect(body([]).text()).toBe("[]");
    expect(body([]).size).toBe(2);
  });

  it("grows past its pool's capacity for a large row", () => {
    const big = { v: "x".repeat(10_000) };
    const b = body([{ a: 1 }, big], new BufferPool(), 16);
    expect(JSON.parse(b.text())).toEqual([{ a: 1 }, big]);
  });

  it("keeps only the rows asked for, in order", () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ i, pad: "p".repeat(i * 3) }));
    const b = body(rows);
    b.keepOnly((r) => r % 3 !== 0);
    expect(JSON.parse(b.text())).toEqual(rows.filter((_, r) => r % 3 !== 0));
    expect(b.rows).toBe(4);
    expect(b.size).toBe(enc.encode(b.text()).length);
    b.keepOnly(() => false);
    expect(b.text()).toBe("[]");
    expect(b.size).toBe(2);
  });

  it("is sent as head, chunk, tail in one view of its buffer; a huge head is copied instead", () => {
    const b = body([{ a: 1 }, { b: 2 }]);
    const head = enc.encode("HEAD\r\n");
    const tail = enc.encode("\r\nTAIL");
    expect(dec.decode(b.request(head, tail))).toBe('HEAD\r\n[{"a":1},{"b":2}]\r\nTAIL');
    // A second attempt (a retry) writes a different head over the first.
    expect(dec.decode(b.request(enc.encode("H2|"), tail))).toBe('H2|[{"a":1},{"b":2}]\r\nTAIL');
    const hugeHead = enc.encode("h".repeat(5000));
    expect(dec.decode(b.request(hugeHead, tail))).toBe(`${"h".repeat(5000)}[{"a":1},{"b":2}]\r\nTAIL`);
  });

  it("returns its buffer to the pool, which hands it to the next chunk", () => {
    const pool = new BufferPool();
    const first = body([{ a: "first" }], pool);
    const view = first.request(enc.encode("h"), enc.encode("t"));
    first.release();
    const second = body([{ b: 2 }], pool);
    expect(second.request(enc.encode("h"), enc.encode("t")).buffer).toBe(view.buffer);
    expect(second.text()).toBe('[{"b":2}]');
  });
});
