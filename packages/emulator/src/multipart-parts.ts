// The parts of a multipart/form-data body held in memory, found with native searches. Chunk-file
// uploads are most of an import's requests (dozens of 1-10 MB bodies); busboy scans a body's
// bytes in JavaScript, 3.2-4.1 ms of CPU per 1 MB upload on this machine (measured), while
// `Buffer.indexOf` finds a boundary in a megabyte in ~0.02 ms. Only bodies in the plainest form
// are split here: anything else (a preamble, a quoted-string escape, `filename*=`, a non-ASCII
// header, a header other than Content-Disposition and Content-Type, no closing boundary) gives
// null, and the caller lets busboy parse the body, so busboy stays the judge of what it accepts.

/** One part: a field, or a file when it has a filename or is `application/octet-stream` (busboy's rule). */
export interface BodyPart {
  name: string;
  filename: string | undefined;
  isFile: boolean;
  /** The part's bytes: a view of the body. */
  data: Buffer;
}

const CRLF = Buffer.from("\r\n");
const HEADERS_END = Buffer.from("\r\n\r\n");
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const INVALID = "\u0000invalid";

/**
 * The boundary of a `multipart/form-data` content type, or null unless the whole value is in the
 * form busboy's parser accepts (`type/subtype`, then `; name=value` parameters with token or plain
 * quoted values) and the boundary is a plain one.
 */
export function boundaryOf(contentType: string): string | null {
  const m = /^multipart\/form-data((?:[ \t]*;[ \t]*[!#$%&'*+.^_`|~0-9A-Za-z-]+=(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+|"[^"\\]*"))*)[ \t]*$/i.exec(contentType.trim());
  if (!m) return null;
  let boundary: string | null = null;
  for (const param of m[1]!.matchAll(/;[ \t]*([^=]+)=("[^"]*"|[^; \t]+)/g)) {
    if (param[1]!.toLowerCase() !== "boundary") continue;
    if (boundary !== null) return null;
    boundary = param[2]!.startsWith('"') ? param[2]!.slice(1, -1) : param[2]!;
  }
  // RFC 2046: 1-70 characters of these, not ending in a space.
  return boundary !== null && /^[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]$/.test(boundary) ? boundary : null;
}

/** The parts of `body`, or null when it is not in the plain form this splitter takes (see above). */
export function splitParts(body: Buffer, boundary: string): BodyPart[] | null {
  const delimiter = Buffer.from(`--${boundary}`, "latin1");
  const next = Buffer.from(`\r\n--${boundary}`, "latin1");
  if (body.indexOf(delimiter) !== 0) return null;
  const parts: BodyPart[] = [];
  let at = delimiter.length;
  for (;;) {
    // After a delimiter: "--" closes the body (an epilogue after it is ignored), CRLF opens a part.
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts;
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a) return null;
    const headersStart = at + 2;
    const headersEnd = body.indexOf(HEADERS_END, headersStart);
    if (headersEnd < 0) return null;
    const headers = partHeaders(body, headersStart, headersEnd);
    if (!headers) return null;
    const dataStart = headersEnd + HEADERS_END.length;
    const dataEnd = body.indexOf(next, dataStart);
    if (dataEnd < 0) return null;
    const isFile = headers.filename !== undefined || headers.contentType === "application/octet-stream";
    parts.push({ name: headers.name, filename: headers.filename, isFile, data: body.subarray(dataStart, dataEnd) });
    at = dataEnd + next.length;
  }
}

/** Header blocks this long or longer are busboy's to judge (it refuses 16 KiB). */
const MAX_HEADER_BYTES = 8 * 1024;

/** Content-Disposition `form-data; name="..."[; filename="..."]` and an optional Content-Type, or null. */
function partHeaders(body: Buffer, start: number, end: number): { name: string; filename: string | undefined; contentType: string | undefined } | null {
  if (end - start >= MAX_HEADER_BYTES) return null;
  // Printable ASCII and tabs only, CR and LF only as line ends (checked per line below).
  for (let i = start; i < end; i++) {
    const c = body[i]!;
    if (c > 0x7e || (c < 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a)) return null;
  }
  let name: string | undefined;
  let filename: string | undefined;
  let contentType: string | undefined;
  let disposition = false;
  let from = start;
  while (from < end) {
    const lineEnd = indexOrEnd(body, CRLF, from, end);
    const line = body.toString("latin1", from, lineEnd);
    from = lineEnd + CRLF.length;
    if (line.includes("\r") || line.includes("\n")) return null;
    const colon = line.indexOf(":");
    if (colon <= 0 || !TOKEN.test(line.slice(0, colon))) return null;
    const header = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, "");
    if (header === "content-disposition" && !disposition) {
      disposition = true;
      const params = dispositionParams(value);
      if (!params) return null;
      ({ name, filename } = params);
    } else if (header === "content-type" && contentType === undefined) {
      // Exactly `type/subtype`, or not a media type at all: SDK 3.72+ sends `json_import.json`
      // here (spec §1.5). Parameters (a field's charset, say) are busboy's to read.
      const [main, sub, ...rest] = value.split("/");
      contentType = !rest.length && main && sub && TOKEN.test(main) && TOKEN.test(sub) ? value.toLowerCase() : INVALID;
    } else return null;
  }
  if (name === undefined) return null;
  // A file part's type changes nothing here; for a part without a filename it decides whether it
  // is a file (busboy's rule), so anything but a plain media type goes to busboy.
  if (contentType === INVALID) {
    if (filename === undefined) return null;
    contentType = undefined;
  }
  return { name, filename, contentType };
}

function indexOrEnd(body: Buffer, needle: Buffer, from: number, end: number): number {
  const i = body.indexOf(needle, from);
  return i < 0 || i > end ? end : i;
}

/**
 * `form-data; name="x"; filename="y"` with plain, non-empty quoted values (no `"` or `\` inside),
 * each once (busboy takes an empty name or filename as none).
 */
function dispositionParams(value: string): { name: string; filename: string | undefined } | null {
  const [type, ...params] = value.split(";");
  if (type!.replace(/[ \t]+$/, "").toLowerCase() !== "form-data") return null;
  const seen = new Map<string, string>();
  for (const param of params) {
    const m = /^[ \t]*([A-Za-z]+)="([^"\\]+)"[ \t]*$/.exec(param);
    if (!m) return null;
    const key = m[1]!.toLowerCase();
    if ((key !== "name" && key !== "filename") || seen.has(key)) return null;
    seen.set(key, m[2]!);
  }
  const name = seen.get("name");
  const filename = seen.get("filename");
  return name === undefined ? null : { name, filename: filename === undefined ? undefined : baseName(filename) };
}

/** The last path segment of a filename, as busboy keeps it (its default `preservePath: false`). */
function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const base = path.slice(cut + 1);
  return base === "." || base === ".." ? "" : base;
}
