import { describe, expect, it } from "vitest";
import { CsvParser, CsvSyntaxError } from "../../src/node/csv-parser.js";
import { JsonArraySplitter } from "../../src/node/json-array.js";
import { csvColumns, rowFromCsv } from "../../src/node/csv-rows.js";
import { UnreadableRow } from "../../src/input.js";

function csv(text: string, cut = 0) {
  const p = new CsvParser();
  const parts = cut ? [text.slice(0, cut), text.slice(cut)] : [text];
  return [...parts.flatMap((t) => p.push(t)), ...p.end()];
}

describe("CsvParser", () => {
  it("parses quotes, doubled quotes, commas and line breaks inside quotes, CRLF, a BOM, and no final newline", () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n,,\nlast,1,2';
    const records = csv(text);
    expect(records.map((r) => r.cells)).toEqual([["a", "b", "c"], ["x, y", 'say "hi"', "two\nlines"], ["", "", ""], ["last", "1", "2"]]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 5]);
  });

  it("gives the same records however the text is cut into chunks", () => {
    const text = 'h1,h2\n"a""b",c\r\n"x\r\ny",z\n';
    const whole = csv(text).map((r) => r.cells);
    for (let cut = 1; cut < text.length; cut++) expect(csv(text, cut).map((r) => r.cells)).toEqual(whole);
  });

  it("rejects text after a closing quote and an unclosed quote, with the line", () => {
    expect(() => csv('a\n"x"y\n')).toThrow(CsvSyntaxError);
    expect(() => csv('a\n"x"y\n')).toThrow(/line 2/);
    expect(() => csv('a\nok\n"never closed\n')).toThrow(/line 3: a quoted field is never closed/);
  });
});

describe("CSV rows", () => {
  const columns = csvColumns(["rowData", "global_key", "metadata.tag", "attachment.RAW_TEXT.caption", "attachment.image_overlay", "metadataFields"], "rows.csv");

  it("maps columns to a data row, leaving out empty cells", () => {
    const row = rowFromCsv({ cells: ["https://x/1.jpg", "k1", "day", "hello", "https://x/m.png", '[{"name":"split","value":"train"}]'], line: 2 }, columns);
    expect(row).toEqual({
      rowData: "https://x/1.jpg",
      globalKey: "k1",
      metadataFields: [{ name: "split", value: "train" }, { name: "tag", value: "day" }],
      attachments: [{ type: "RAW_TEXT", value: "hello", name: "caption" }, { type: "IMAGE_OVERLAY", value: "https://x/m.png" }],
    });
    expect(rowFromCsv({ cells: ["https://x/2.jpg", "", "", "", "", ""], line: 3 }, columns)).toEqual({ rowData: "https://x/2.jpg" });
  });

  it("a record with the wrong number of cells, or a JSON cell that is not JSON, is an unreadable row at its line", () => {
    const short = rowFromCsv({ cells: ["https://x/1.jpg"], line: 7 }, columns) as UnreadableRow;
    expect(short).toBeInstanceOf(UnreadableRow);
    expect(short).toMatchObject({ location: "line 7", message: "has 1 cells, the header has 6" });
    const json = rowFromCsv({ cells: ["u", "", "", "", "", "[oops"], line: 9 }, columns) as UnreadableRow;
    expect(json.message).toMatch(/metadataFields cell is not valid JSON/);
  });

  it("refuses a header it cannot place, naming the column", () => {
    expect(() => csvColumns(["rowData", "colour"], "rows.csv")).toThrow(/rows.csv: column 2 \("colour"\) is not a data row field/);
    expect(() => csvColumns(["rowData", "rowdata"], "rows.csv")).toThrow(/repeats column 1/);
    expect(() => csvColumns(["globalKey"], "rows.csv")).toThrow(/no rowData column/);
  });
});

describe("JsonArraySplitter", () => {
  function split(text: string, cut = 0) {
    const s = new JsonArraySplitter();
    const parts = cut ? [text.slice(0, cut), text.slice(cut)] : [text];
    const out = parts.flatMap((t) => s.push(t));
    s.end();
    return out;
  }

  it("yields each element's text, strings with brackets, commas and escaped quotes included, however the text is cut", () => {
    const text = ' [ {"a": "x,]}\\"["} ,\n{"b": [1, {"c": 2}]}, "s", 3 ]\n';
    const whole = split(text);
    expect(whole.map((e) => JSON.parse(e.text))).toEqual([{ a: 'x,]}"[' }, { b: [1, { c: 2 }] }, "s", 3]);
    expect(whole.map((e) => e.line)).toEqual([1, 2, 2, 2]);
    for (let cut = 1; cut < text.length; cut++) expect(split(text, cut).map((e) => e.text)).toEqual(whole.map((e) => e.text));
  });

  it("accepts an empty array and rejects what is not one array", () => {
    expect(split("[]")).toEqual([]);
    expect(() => split('{"rows": []}')).toThrow(/expected a JSON array/);
    expect(() => split("[1,2")).toThrow(/never closed/);
    expect(() => split("[1,,2]")).toThrow(/element is missing/);
    expect(() => split("[1,]")).toThrow(/element is missing/);
    expect(() => split("[1] 2")).toThrow(/after the end/);
    expect(() => split("")).toThrow(/empty/);
  });
});
