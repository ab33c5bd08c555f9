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
