import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { afterBytes, saveUpload } from "../src/upload-sink.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-upload-sink-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function chunks(count: number, size: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => Buffer.alloc(size, 65 + (i % 26)));
}

describe("saveUpload", () => {
  it("writes a part held in memory in one go, every chunk seen first", async () => {
    const parts = chunks(20, 64 * 1024);
    const seen: number[] = [];
    const file = path.join(dir, "small");
    const saved = saveUpload(Readable.from(parts), file, (c) => seen.push(c.length));
    await saved;
    expect(fs.readFileSync(file).equals(Buffer.concat(parts))).toBe(true);
    expect(seen).toEqual(parts.map((p) => p.length));
  });

  it("touches the disk only when a held part ends", async () => {
    const source = new Readable({ read() {} });
    const file = path.join(dir, "held");
    const saved = saveUpload(source, file, () => undefined);
    for (const c of chunks(8, 64 * 1024)) source.push(c);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fs.existsSync(file)).toBe(false);
    source.push(null);
    await saved;
    expect(fs.statSync(file).size).toBe(8 * 64 * 1024);
  });

  it("streams a part larger than the memory limit, bytes in order, with backpressure", async () => {
    const parts = chunks(200, 64 * 1024); // 12.5 MiB through a 1 MiB limit and a 16 KiB write buffer
    const file = path.join(dir, "large");
    const source = Readable.from(parts);
    let paused = 0;
    source.on("pause", () => (paused += 1));
    await saveUpload(source, file, () => undefined, 1024 * 1024);
    expect(fs.readFileSync(file).equals(Buffer.concat(parts))).toBe(true);
    expect(paused).toBeGreaterThan(0);
  });

  it("streams with one drain listener at a time (no listener-leak warning)", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      await saveUpload(Readable.from(chunks(64, 64 * 1024)), path.join(dir, "burst"), () => undefined, 3 * 1024 * 1024);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it("a write error while streaming rejects and drains the rest of the source, so the request can end", async () => {
    const source = Readable.from(chunks(100, 64 * 1024));
    const saved = saveUpload(source, "/dev/full", () => undefined, 1024 * 1024);
    await expect(saved).rejects.toThrow(/ENOSPC/);
    await new Promise<void>((resolve) => (source.readableEnded ? resolve() : source.once("end", () => resolve())));
    expect(source.readableEnded).toBe(true);
  });

  it("rejects when the file cannot be written, held or streamed", async () => {
    const missing = path.join(dir, "no-such-dir", "file");
    await expect(saveUpload(Readable.from(chunks(2, 10)), missing, () => undefined)).rejects.toThrow(/ENOENT/);
    await expect(saveUpload(Readable.from(chunks(4, 1024)), missing, () => undefined, 1500)).rejects.toThrow(/ENOENT/);
  });

  it("rejects when the source fails", async () => {
    const source = new Readable({ read() {} });
    const saved = saveUpload(source, path.join(dir, "broken"), () => undefined);
    source.push(Buffer.from("partial"));
    source.destroy(new Error("connection reset"));
    await expect(saved).rejects.toThrow("connection reset");
  });
});

describe("afterBytes (what is left after a partial write)", () => {
  const parts = [Buffer.from("abc"), Buffer.from("de"), Buffer.from("fgh")];
  it.each([
    [0, "abc|de|fgh"],
    [2, "c|de|fgh"],
    [3, "de|fgh"],
    [4, "e|fgh"],
    [7, "h"],
    [8, ""],
  ])("after %i bytes: %s", (bytes, left) => {
    expect(afterBytes(parts, bytes).map(String).join("|")).toBe(left);
  });
});
