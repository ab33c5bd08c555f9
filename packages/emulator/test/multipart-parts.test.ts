// The native multipart splitter (src/multipart-parts.ts) either gives exactly the parts busboy
// gives for the same body, or null (and busboy parses it). Checked against busboy itself.
import busboy from "busboy";
import { describe, expect, it } from "vitest";
import { boundaryOf, splitParts, type BodyPart } from "../src/multipart-parts.js";

const B = "lbx0123456789abcdef";
const CT = `multipart/form-data; boundary=${B}`;

interface Seen {
  name: string;
  filename: string | undefined;
  isFile: boolean;
  data: string;
}

/** What busboy makes of `body` (files as latin1 text so any bytes compare), or its error. */
function viaBusboy(body: Buffer, contentType = CT): Promise<Seen[] | Error> {
  return new Promise((resolve) => {
    const seen: Seen[] = [];
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": contentType } });
    } catch (error) {
      return resolve(error as Error);
    }
    const pending: Array<Promise<void>> = [];
    parser.on("field", (name, value) => seen.push({ name, filename: undefined, isFile: false, data: Buffer.from(value, "utf8").toString("latin1") }));
    parser.on("file", (name, stream, info) => {
      const entry: Seen = { name, filename: info.filename, isFile: true, data: "" };
      seen.push(entry);
      const chunks: Buffer[] = [];
      pending.push(new Promise((done) => stream.on("data", (c: Buffer) => chunks.push(c)).on("end", () => ((entry.data = Buffer.concat(chunks).toString("latin1")), done()))));
    });
    parser.on("error", (error: Error) => resolve(error));
    parser.on("close", () => void Promise.all(pending).then(() => resolve(seen)));
    parser.end(body);
  });
}

const seenOf = (parts: BodyPart[]): Seen[] => parts.map((p) => ({ name: p.name, filename: p.filename, isFile: p.isFile, data: p.data.toString("latin1") }));

function body(...parts: string[]): Buffer {
  return Buffer.from(`${parts.map((p) => `--${B}\r\n${p}`).join("\r\n")}\r\n--${B}--\r\n`, "latin1");
}
const field = (name: string, value: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;
const file = (name: string, filename: string, data: string, type = "application/json") => `Content-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${data}`;

const operations = '{"query":"mutation UploadFile($file: Upload!) { uploadFile(file: $file) {url} }","variables":{"file":null}}';

describe("splitParts", () => {
  const agreeing: Array<[string, Buffer]> = [
    ["an SDK's chunk upload", body(field("operations", operations), field("map", '{"1":["variables.file"]}'), file("1", "json_import.json", '[{"id":1}]'))],
    ["file bytes with CR, LF, dashes and the boundary's text not after CRLF--", body(file("1", "x.bin", `\r\n-- ${B} --${B}\r\r\n\n\u00ff\u0000`, "application/octet-stream"))],
    ["the Python SDK's swapped filename and type (3.72+)", body(file("1", "application/json", "{}", "json_import.json"))],
    ["a file part with a type busboy reads as text/plain", body(file("1", "a.json", "{}", "a/b/c"))],
    ["filenames with paths, '.' and '..'", body(file("a", "dir/sub/x.json", "1"), file("b", "../..", "2"), file("c", "dir/.", "3"))],
    ["an octet-stream part without a filename is a file", body(`Content-Disposition: form-data; name="blob"\r\nContent-Type: application/octet-stream\r\n\r\nraw`)],
    ["empty values and an empty file", body(field("a", ""), file("f", "e.txt", "", "text/plain"))],
    ["UTF-8 in a field value", body(field("v", Buffer.from("ünïcödé 漢字", "utf8").toString("latin1")))],
    ["header names in any case, a Content-Type with parameters", body(`content-disposition: form-data; name="x"; filename="a.json"\r\nCONTENT-TYPE: Application/JSON; charset=utf-8\r\n\r\n[]`)],
    ["an epilogue after the closing boundary", Buffer.concat([body(field("a", "1")), Buffer.from("trailing words\r\n")])],
  ];
  for (const [what, bytes] of agreeing) {
    it(`gives busboy's parts: ${what}`, async () => {
      const parts = splitParts(bytes, B);
      expect(parts).not.toBeNull();
      expect(seenOf(parts!)).toEqual(await viaBusboy(bytes));
    });
  }

  const declined: Array<[string, Buffer]> = [
    ["a preamble", Buffer.concat([Buffer.from("preamble\r\n"), body(field("a", "1"))])],
    ["no closing boundary", Buffer.from(`--${B}\r\n${field("a", "1")}\r\n`, "latin1")],
    ["a boundary followed by neither -- nor CRLF", Buffer.from(`--${B}\r\n${field("a", "1")}\r\n--${B}x\r\n`, "latin1")],
    ["filename*= (RFC 5987)", body(`Content-Disposition: form-data; name="f"; filename*=UTF-8''%C3%BC.json\r\n\r\n{}`)],
    ["an escaped quote in a quoted value", body(`Content-Disposition: form-data; name="f"; filename="a\\"b.json"\r\n\r\n{}`)],
    ["a semicolon in a quoted value", body(`Content-Disposition: form-data; name="f"; filename="a;b.json"\r\n\r\n{}`)],
    ["an unquoted name", body(`Content-Disposition: form-data; name=f\r\n\r\n{}`)],
    ["non-ASCII bytes in a header", body(`Content-Disposition: form-data; name="f"; filename="\u00fc.json"\r\n\r\n{}`)],
    ["another header", body(`Content-Disposition: form-data; name="f"\r\nContent-Transfer-Encoding: binary\r\n\r\n{}`)],
    ["a part without a name", body(`Content-Disposition: form-data; filename="a.json"\r\n\r\n{}`)],
    ["not form-data", body(`Content-Disposition: attachment; name="f"\r\n\r\n{}`)],
    ["an invalid type on a part without a filename", body(`Content-Disposition: form-data; name="f"\r\nContent-Type: nonsense\r\n\r\n{}`)],
    // Cases a review found accepted where busboy answers differently:
    ["an empty filename (busboy: no filename, so a field)", body(`Content-Disposition: form-data; name="1"; filename=""\r\nContent-Type: application/json\r\n\r\n{}`)],
    ["an empty name", body(`Content-Disposition: form-data; name=""\r\n\r\nx`)],
    ["a field with a charset (busboy decodes with it)", body(`Content-Disposition: form-data; name="f"\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n\u00e9`)],
    ["octet-stream with a stray semicolon on a part without a filename", body(`Content-Disposition: form-data; name="f"\r\nContent-Type: application/octet-stream;\r\n\r\nx`)],
    ["a control byte in a header", body(`Content-Disposition: form-data; name="a\u0001b"\r\n\r\nx`)],
    ["a bare LF in a header", body(`Content-Disposition: form-data; name="a\nb"\r\n\r\nx`)],
    ["a bare CR before a line end", body(`Content-Disposition: form-data; name="a"\r\r\n\r\nx`)],
    ["a header block of 8 KiB or more", body(`Content-Disposition: form-data; name="${"n".repeat(8200)}"\r\n\r\nx`)],
  ];
  for (const [what, bytes] of declined) {
    it(`declines (busboy decides): ${what}`, () => {
      expect(splitParts(bytes, B)).toBeNull();
    });
  }

  it("a 1 MB file part comes out as a view of the body, byte for byte", () => {
    const data = Buffer.from(new Uint8Array(1_000_000).map((_, i) => (i * 31 + 7) % 256));
    const bytes = Buffer.concat([Buffer.from(`--${B}\r\n${field("operations", operations)}\r\n--${B}\r\n${file("1", "json_import.json", "")}`, "latin1"), data, Buffer.from(`\r\n--${B}--\r\n`)]);
    // Make sure no "\r\n--boundary" occurs inside the data by chance.
    expect(data.indexOf(Buffer.from(`\r\n--${B}`))).toBe(-1);
    const parts = splitParts(bytes, B)!;
    expect(parts.map((p) => p.name)).toEqual(["operations", "1"]);
    expect(parts[1]!.data.equals(data)).toBe(true);
    expect(parts[1]!.data.buffer).toBe(bytes.buffer);
  });
});

describe("boundaryOf", () => {
  it("reads a plain or quoted boundary; declines none, two, or unusual ones", () => {
    expect(boundaryOf(CT)).toBe(B);
    expect(boundaryOf(`Multipart/Form-Data; charset=utf-8; boundary="${B}"`)).toBe(B);
    expect(boundaryOf("multipart/form-data")).toBeNull();
    expect(boundaryOf("multipart/form-data; boundary=a; boundary=b")).toBeNull();
    expect(boundaryOf("multipart/mixed; boundary=a")).toBeNull();
    expect(boundaryOf('multipart/form-data; boundary="a\\"b"')).toBeNull();
    expect(boundaryOf(`multipart/form-data; boundary=${"x".repeat(71)}`)).toBeNull();
    // What busboy refuses as a malformed content type, this declines too.
    for (const bad of ["boundary=a:b", "boundary= x", "boundary =x", "boundary=x; foo=", "boundary=x; f(o)=1", "boundary=x;", "boundary=(x)"]) {
      expect([bad, boundaryOf(`multipart/form-data; ${bad}`)]).toEqual([bad, null]);
    }
  });
});
