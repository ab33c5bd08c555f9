import { describe, expect, it } from "vitest";
import { type AsciiText, lineBatches, NdjsonParseError, ndjsonLines, parseNdjson } from "../../src/ndjson.js";

const bytes = (text: string) => new TextEncoder().encode(text);

async function* pieces(...parts: Uint8Array[]) {
  for (const p of parts) yield p;
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("parseNdjson", () => {
  it("parses one value per line, skipping blank lines and CRLF endings", async () => {
    const rows = await all(parseNdjson(pieces(bytes('{"a":1}\r\n\n{"a":2}\n  \n{"a":3}'))));
    expect(rows).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
  });

  it("joins lines split across network chunks, including inside a multi-byte character", async () => {
    const whole = bytes('{"name":"日本語"}\n{"name":"😀"}\n');
    const cuts = [1, 11, 12, 13, 22, whole.length];
    const parts: Uint8Array[] = [];
    let start = 0;
    for (const end of cuts) {
      parts.push(whole.slice(start, end));
      start = end;
    }
    expect(await all(parseNdjson(pieces(...parts)))).toEqual([{ name: "日本語" }, { name: "😀" }]);
  });

  it("reads a WHATWG ReadableStream", async () => {
    const stream = new Response('{"x":1}\n{"x":2}\n').body!;
    expect(await all(parseNdjson(stream))).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it("reports the line number of a line that is not JSON", async () => {
    const error = await all(parseNdjson(pieces(bytes('{"ok":1}\n\n{"broken"\n')))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NdjsonParseError);
    expect((error as NdjsonParseError).line).toBe(3);
  });

  it("refuses invalid UTF-8 instead of replacing characters silently", async () => {
    await expect(all(parseNdjson(pieces(new Uint8Array([0x7b, 0xff, 0x7d, 0x0a]))))).rejects.toThrow();
  });

  it("accepts a real U+FFFD in the text, even split between chunks, and still refuses invalid bytes next to one", async () => {
    const whole = bytes('{"a":"x\uFFFDy"}\n{"b":"\uFFFD"}\n');
    for (let cut = 1; cut < whole.length; cut++) {
      const rows = await all(parseNdjson(pieces(whole.slice(0, cut), whole.slice(cut))));
      expect(rows).toEqual([{ a: "x\uFFFDy" }, { b: "\uFFFD" }]);
    }
    const bad = new Uint8Array([...bytes('{"a":"\uFFFD'), 0xc3, ...bytes('"}\n')]);
    const error = (await all(parseNdjson(pieces(bad))).catch((e: unknown) => e)) as NdjsonParseError;
    expect(error).toBeInstanceOf(NdjsonParseError);
    expect(error.message).toMatch(/line 1 is not valid UTF-8/);
  });

  it("refuses input that ends in the middle of a character, and names the line of a bad byte", async () => {
    await expect(all(parseNdjson(pieces(bytes('{"a":1}\n{"a":"'), new Uint8Array([0xe6, 0x97]))))).rejects.toThrow(/middle of a UTF-8 character/);
    const error = (await all(parseNdjson(pieces(bytes('{"a":1}\n{"a":2}\n{"a":"'), new Uint8Array([0xff]), bytes('"}\n')))).catch((e: unknown) => e)) as NdjsonParseError;
    expect(error.line).toBe(3);
  });

  it("hands on every whole line before a bad byte, then fails at its line", async () => {
    const seen: unknown[] = [];
    const input = pieces(bytes('\uFEFF{"a":1}\n{"a":2}\n{"a":"'), new Uint8Array([0xff]), bytes('"}\n{"a":4}\n'));
    const error = await (async () => {
      for await (const row of parseNdjson(input)) seen.push(row);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ line: 3 });
    expect(seen).toEqual([{ a: 1 }, { a: 2 }]);
    // The bad byte in the same read as the lines before it.
    const one: unknown[] = [];
    const single = new Uint8Array([...bytes('{"a":1}\n{"a":2}\n{"a":"'), 0xff, ...bytes('"}\n')]);
    await expect(
      (async () => {
        for await (const row of parseNdjson(pieces(single))) one.push(row);
      })(),
    ).rejects.toMatchObject({ line: 3 });
    expect(one).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("bounds memory: a line longer than maxLineLength fails instead of buffering forever", async () => {
    async function* endless() {
      for (let i = 0; i < 100; i++) yield bytes("x".repeat(1_000));
    }
    await expect(all(ndjsonLines(endless(), { maxLineLength: 10_000 }))).rejects.toThrow(/longer than 10000/);
  });
});

describe("lineBatches with an ASCII fast path (Node's file reader)", () => {
  // What node/read-rows.ts does with isAscii and a Latin-1 copy, in plain JS.
  const asciiText: AsciiText = (b) => (b.every((x) => x < 0x80) ? String.fromCharCode(...b) : undefined);
  const outcome = async (parts: Uint8Array[], fast?: AsciiText) => {
    try {
      const lines: string[] = [];
      for await (const batch of lineBatches(pieces(...parts), {}, fast)) for (const l of batch) lines.push(`${l.line}:${l.text}`);
      return lines;
    } catch (error) {
      return `error: ${(error as Error).message}`;
    }
  };
  const cuts = (whole: Uint8Array, a: number, b: number) => [whole.slice(0, a), whole.slice(a, b), whole.slice(b)];

  it("gives the same lines, or the same error, as the decoder alone, wherever the reads are cut", async () => {
    const inputs = [
      bytes('{"a":"plain"}\n{"b":"ascii only"}\n'),
      bytes('{"a":"x"}\n{"name":"日本語 😀 é"}\n{"c":"y"}\n'),
      bytes('\uFEFF{"bom":"at the start"}\n{"zw":"a\uFEFFb"}\n'),
      bytes('{"real":"\uFFFD"}\n{"z":1}\n'),
      new Uint8Array([...bytes('{"a":1}\n{"b":"'), 0xe6, 0x97, ...bytes('"}\n{"c":3}\n')]), // a cut-off character: invalid
      new Uint8Array([...bytes('{"a":1}\n{"b":2}\n{"c":"'), 0xff, ...bytes('"}\n')]),
    ];
    for (const whole of inputs) {
      for (let a = 0; a <= whole.length; a++) {
        for (let b = a; b <= whole.length; b += 3) {
          const parts = cuts(whole, a, b);
          expect(await outcome(parts, asciiText)).toEqual(await outcome(parts));
        }
      }
    }
  });

  it("drops a byte-order mark only at the start: a U+FEFF after all-ASCII reads stays in its line", async () => {
    const lines = await outcome([bytes('{"a":1}\n'), bytes('\uFEFF{"b":2}\n')], asciiText);
    expect(lines).toEqual(['1:{"a":1}', '2:\uFEFF{"b":2}']);
    expect(await outcome([bytes('\uFEFF{"a":1}\n')], asciiText)).toEqual(['1:{"a":1}']);
    expect(await outcome([new Uint8Array([0xef]), new Uint8Array([0xbb, 0xbf]), bytes('{"a":1}\n')], asciiText)).toEqual(['1:{"a":1}']);
  });

  it("uses the fast path for all-ASCII reads, and never right after a read that ends inside a character", async () => {
    const seen: number[] = [];
    const counting: AsciiText = (b) => (seen.push(b.length), asciiText(b));
    const euro = bytes("€"); // 3 bytes
    const lines = await outcome([bytes('{"a":"'), euro.slice(0, 1), new Uint8Array(0), euro.slice(1), bytes('"}\n'), bytes('{"b":2}\n')], counting);
    expect(lines).toEqual(['1:{"a":"€"}', '2:{"b":2}']);
    // Reads after one whose last byte is not ASCII go to the decoder without asking (an empty read
    // changes nothing); the first read after one that ends in ASCII is asked again.
    expect(seen).toEqual([6, 1, 8]);
  });
});
