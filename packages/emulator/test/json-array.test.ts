// The chunk-file scanner must accept exactly what JSON.parse accepts and find the same elements:
// chunk files come from any client, and a chunk that is not valid JSON must fail as a whole.
import { describe, expect, it } from "vitest";
import { arrayElementBounds } from "../src/ingest/json-array.js";
import { parseChunk } from "../src/ingest/spec-entry.js";

function elements(text: string): unknown[] | null {
  const bytes = Buffer.from(text, "utf8");
  const bounds = arrayElementBounds(bytes);
  if (!bounds) return null;
  const out: unknown[] = [];
  for (let i = 0; i < bounds.length; i += 2) out.push(JSON.parse(bytes.toString("utf8", bounds[i], bounds[i + 1])));
  return out;
}

/** What JSON.parse makes of `text`: the array, or null when it throws or is not an array. */
function reference(text: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

const FRAGMENTS = [
  "true", "false", "null", "tru", "nul", "fals", '"a"', '"\\u00e9"', '"\\u00G9"', '"\\x"', '"\\/"', '"\\"', '"é ☔ 😀"', '"\u0001"', '"\u2028"',
  "0", "-0", "01", "1.", ".5", "1e5", "1E+5", "1e", "-", "1.5e-3", "-12.25E2", "[]", "{}", '{"k":1}', '{"k" : [1, {"j": null}]}', "[1,]",
  "[,1]", '{"k"}', '{"k":}', '{"k":1,}', "[[[[1]]]]", "[1 2]", '{"a" 1}', "{1:2}", " ", "\n", "\t", "\r", "\u00a0", "\ufeff", ",", ":", "[", "]", "{", "}",
];

describe("arrayElementBounds", () => {
  it("agrees with JSON.parse on well-formed and malformed arrays (deterministic fuzz)", () => {
    let seed = 12345;
    const next = (m: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % m;
    };
    let arrays = 0;
    for (let round = 0; round < 40_000; round++) {
      const parts: string[] = [];
      const count = next(6);
      for (let k = 0; k < count; k++) parts.push(FRAGMENTS[next(FRAGMENTS.length)]!);
      const texts = [`${next(3) ? "" : " "}[${parts.join(next(4) ? "," : " , ")}]${next(3) ? "" : "\n"}`, `[${parts.join("")}`, parts.join("")];
      for (const text of texts) {
        const expected = reference(text);
        expect(elements(text), JSON.stringify(text)).toEqual(expected);
        if (expected) arrays += 1;
      }
    }
    expect(arrays).toBeGreaterThan(10_000); // the fuzz reaches valid arrays, not only errors
  });

  it("handles edge cases: empty arrays, deep nesting, trailing text, a BOM, non-ASCII", () => {
    const deep = `[${"[".repeat(20_000)}${"]".repeat(20_000)}]`;
    for (const text of ["[]", " [ ] ", "[1] x", "[1]]", "{}", '"[1]"', "\ufeff[1]", '["😀", "\\ud83d"]', deep, "", "[", '[{"a":1,"a":2}]']) {
      const bounds = arrayElementBounds(Buffer.from(text, "utf8"));
      expect(bounds !== null, JSON.stringify(text.slice(0, 20))).toBe(reference(text) !== null);
    }
    expect(elements('[ {"a": "é"} ,\n[1, 2] , "x"]')).toEqual([{ a: "é" }, [1, 2], "x"]);
  });
});

describe("parseChunk", () => {
  it("parses specs one at a time, ASCII and UTF-8 alike", () => {
    for (const text of ['[{"id": null, "payload": {"row_data": "a"}}, {"payload": {"row_data": "b"}}]', '[{"payload": {"row_data": "ä ☔"}}, 2]']) {
      const specs = parseChunk(Buffer.from(text, "utf8"));
      expect(Array.from({ length: specs.length }, (_, i) => specs.at(i))).toEqual(JSON.parse(text));
    }
  });

  it("rejects a chunk that is not valid JSON or not an array, as a whole", () => {
    expect(() => parseChunk(Buffer.from('[{"payload": {}}, {"payload": tru}]'))).toThrow("is not valid JSON");
    expect(() => parseChunk(Buffer.from('{"payload": {}}'))).toThrow("is not a JSON array of specs");
    expect(() => parseChunk(Buffer.from("\ufeff[]"))).toThrow("is not valid JSON");
  });
});
