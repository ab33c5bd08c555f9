// The export file writer: exact byte lengths with multi-byte text, lines longer than a block, and
// chunk starts that fall on line boundaries.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NdjsonWriter } from "../src/exports/ndjson-writer.js";

describe("NdjsonWriter", () => {
  it("writes every line, counts UTF-8 bytes exactly and starts chunks on line boundaries", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-ndjson-"));
    try {
      const file = path.join(dir, "out.ndjson");
      const writer = new NdjsonWriter(file, 64);
      const lines: string[] = [];
      for (let i = 0; i < 200; i++) lines.push(JSON.stringify({ i, text: i % 7 === 0 ? "é€😀".repeat(i % 5) : "x".repeat(i % 13) }));
      lines.push(JSON.stringify({ long: "ü".repeat(5_000) })); // longer than a block
      lines.push("{}");
      for (const line of lines) writer.line(line);
      const index = writer.close();
      const bytes = fs.readFileSync(file);
      expect(bytes.toString("utf8")).toBe(lines.map((l) => `${l}\n`).join(""));
      expect(index.totalSize).toBe(bytes.length);
      expect(index.totalLines).toBe(lines.length);
      expect(index.chunks[0]).toEqual([0, 0]);
      expect(index.chunks.length).toBeGreaterThan(10);
      for (const [offset, line] of index.chunks) {
        expect(offset === 0 || bytes[offset - 1] === 0x0a).toBe(true);
        expect(bytes.subarray(0, offset).toString("utf8").split("\n").length - 1).toBe(line);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it("appendEncoded lays out another writer's lines exactly as line() would (bytes and chunk index)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-ndjson-"));
    try {
      const lines: string[] = [];
      for (let i = 0; i < 3_000; i++) lines.push(JSON.stringify({ i, text: i % 7 === 0 ? "é€😀".repeat(i % 50) : "x".repeat(i % 300) }));
      lines.splice(1_700, 0, JSON.stringify({ long: "ü".repeat(700_000) })); // longer than the block buffer
      for (const chunkBytes of [64, 10_000, 1 << 22]) {
        const whole = path.join(dir, `whole-${chunkBytes}.ndjson`);
        const single = new NdjsonWriter(whole, chunkBytes);
        for (const line of lines) single.line(line);
        const expected = single.close();
        for (const split of [0, 1, 1_234, lines.length]) {
          // Lines after `split` encoded by another writer (as the export's second thread does), then appended.
          const part = path.join(dir, "part.ndjson");
          const other = new NdjsonWriter(part, Number.MAX_SAFE_INTEGER);
          const rest = lines.slice(split);
          for (const line of rest) other.line(line);
          other.close();
          const joined = path.join(dir, "joined.ndjson");
          const writer = new NdjsonWriter(joined, chunkBytes);
          for (const line of lines.slice(0, split)) writer.line(line);
          writer.appendEncoded(fs.readFileSync(part), Uint32Array.from(rest, (l) => l.length), rest.length);
          expect(writer.close()).toEqual(expected);
          expect(fs.readFileSync(joined).equals(fs.readFileSync(whole))).toBe(true);
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it("appendEncoded refuses bytes with fewer or more lines than announced", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-ndjson-"));
    try {
      const writer = new NdjsonWriter(path.join(dir, "out.ndjson"), 1024);
      expect(() => writer.appendEncoded(Buffer.from("{}\n{}\n"), Uint32Array.of(2, 2, 2), 3)).toThrow(/end after 2 of 3 lines/);
      expect(() => writer.appendEncoded(Buffer.from("{}\n{}\n"), Uint32Array.of(2), 1)).toThrow(/more than 1 lines/);
      writer.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it("an empty export has no chunks", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-ndjson-"));
    try {
      const index = new NdjsonWriter(path.join(dir, "empty.ndjson"), 1024).close();
      expect(index).toEqual({ totalSize: 0, totalLines: 0, chunks: [] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
