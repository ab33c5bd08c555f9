import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, readRows } from "../../src/node.js";

// CSV and JSON files used to be decoded leniently: bytes that are not UTF-8 (a Latin-1 `café`
// saved by a spreadsheet) became U+FFFD and were imported. They must be refused, as NDJSON is.

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-utf8-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, ...parts: Array<string | number[]>): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p)))));
  return file;
}

/** The rows `readRows` yields before it throws, and what it throws. */
async function read(file: string): Promise<{ rows: unknown[]; error: unknown }> {
  const rows: unknown[] = [];
  try {
    for await (const row of readRows(file)) rows.push(row);
  } catch (error) {
    return { rows, error };
  }
  return { rows, error: undefined };
}

const LATIN1_E_ACUTE = [0xe9];

describe("a CSV or JSON file that is not UTF-8", () => {
  it("is refused by countRows and readRows, naming the file, the line and the byte offset, before any row", async () => {
    const csvStart = "rowData,externalId\nhttps://a/1.jpg,caf";
    const jsonStart = '[\n{"rowData":"https://a/1.jpg","externalId":"caf';
    const csv = write("latin1.csv", csvStart, LATIN1_E_ACUTE, "\nhttps://a/2.jpg,ok\n");
    const json = write("latin1.json", jsonStart, LATIN1_E_ACUTE, '"},\n{"rowData":"https://a/2.jpg"}\n]');
    for (const [file, offset] of [
      [csv, csvStart.length],
      [json, jsonStart.length],
    ] as const) {
      const message = `${file}: line 2 is not valid UTF-8 (byte offset ${offset}); save the file as UTF-8`;
      await expect(countRows(file)).rejects.toThrow(message);
      const { rows, error } = await read(file);
      expect((error as Error)?.message).toBe(message);
      expect(rows).toEqual([]);
    }
  });

  it("points at the first bad character: a stray or missing continuation byte, an overlong form, a surrogate, past U+10FFFF, cut off at the end", async () => {
    const cases: Array<[number[], number]> = [
      [[0x80], 0], // a continuation byte with no lead
      [[0xe6, 0x41], 0], // a 3-byte lead followed by ASCII
      [[0xc0, 0xaf], 0], // overlong "/"
      [[0xe0, 0x80, 0xaf], 0], // overlong "/" in 3 bytes
      [[0xed, 0xa0, 0x80], 0], // a UTF-16 surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
      [[0xff], 0],
      [[0xc3, 0xa9, 0xe6, 0x97, 0xa5, 0xe6, 0x97], 5], // "é日" then a character cut off at the end
    ];
    for (const [bytes, at] of cases) {
      const file = write("bad.csv", "rowData\nx", bytes);
      await expect(countRows(file), JSON.stringify(bytes)).rejects.toThrow(`line 2 is not valid UTF-8 (byte offset ${9 + at})`);
    }
  });

  it("in a later 64 KiB read: the rows before it come out (multi-byte characters across reads intact), then the error", async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => ({ rowData: `https://x.test/${i}.jpg`, externalId: i % 3 ? `plain-${i}` : `日本語-😀-é-${i}` }));
    const text = `\uFEFF[\n${rows.map((r) => JSON.stringify(r)).join(",\n")},\n`;
    const file = write("late.json", text, '{"rowData":"https://x.test/bad.jpg","externalId":"caf', LATIN1_E_ACUTE, '"}\n]');
    const offset = Buffer.byteLength(text) + '{"rowData":"https://x.test/bad.jpg","externalId":"caf'.length;
    expect(offset).toBeGreaterThan(4 * 64 * 1024);
    await expect(countRows(file)).rejects.toThrow(`line 4002 is not valid UTF-8 (byte offset ${offset})`);
    const read_ = await read(file);
    expect((read_.error as Error)?.message).toMatch(/line 4002 is not valid UTF-8/);
    // Whole reads before the bad one were yielded, each row exactly as written.
    expect(read_.rows.length).toBeGreaterThan(3000);
    expect(read_.rows).toEqual(rows.slice(0, read_.rows.length));
  });

  it("is refused exactly when TextDecoder's fatal mode refuses it, at the end of its longest valid start", async () => {
    // A seeded walk over bytes that make and break sequences, mixed with whole characters.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = [[0x61], [0x0a], [0x2c], [0x80], [0x8f], [0x90], [0x9f], [0xa0], [0xbf], [0xc0], [0xc2], [0xdf], [0xe0], [0xed], [0xef], [0xf0], [0xf4], [0xf5], [0xff], [0xc3, 0xa9], [0xe6, 0x97, 0xa5], [0xf0, 0x9f, 0x98, 0x80]];
    const fatal = new TextDecoder("utf-8", { fatal: true });
    const valid = (bytes: Uint8Array) => {
      try {
        fatal.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    let refused = 0;
    for (let n = 0; n < 300; n++) {
      const body = Array.from({ length: 1 + Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]!).flat();
      const file = write("random.csv", "rowData\n", body);
      const bytes = new Uint8Array(fs.readFileSync(file));
      const outcome = await countRows(file).then(
        () => "accepted",
        (error: Error) => error.message,
      );
      if (valid(bytes)) {
        expect(outcome, JSON.stringify(body)).toBe("accepted");
        continue;
      }
      refused += 1;
      let good = bytes.length;
      while (!valid(bytes.subarray(0, good))) good -= 1;
      const line = 1 + bytes.subarray(0, good).filter((b) => b === 0x0a).length;
      expect(outcome, JSON.stringify(body)).toBe(`${file}: line ${line} is not valid UTF-8 (byte offset ${good}); save the file as UTF-8`);
    }
    expect(refused).toBeGreaterThan(100);
  });
});
