// GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec):
// an `operations` field, a `map` field, then file parts whose bytes go to disk (upload-sink.ts). The file part's filename and content type are ignored on purpose: SDK 3.72+ swaps them
// by mistake (filename "application/json", content type "json_import.json"), spec §1.5.
import busboy from "busboy";
import type { IncomingMessage } from "node:http";
import { EmulatorError } from "./errors.js";
import type { FileStore } from "./files.js";
import type { GraphQLRequestBody } from "./graphql/execute.js";
import { UploadedFile } from "./graphql/scalars.js";
import { boundaryOf, splitParts, type BodyPart } from "./multipart-parts.js";
import { saveUpload, UPLOAD_MEMORY_LIMIT, writeChunks } from "./upload-sink.js";

/** The parsed request: the operation with its Upload variables filled in, and the files written. */
export interface MultipartRequest {
  body: GraphQLRequestBody;
  uploads: UploadedFile[];
}

const HEAD_BYTES = 512;
/** busboy's limits on parts per request. */
const MAX_FILES = 20;
const MAX_FIELDS = 20;

/**
 * Bodies with a Content-Length up to this size are read whole and split natively
 * (multipart-parts.ts): every chunk file an SDK uploads. Larger or chunked ones are streamed.
 */
const BUFFERED_MAX_BYTES = UPLOAD_MEMORY_LIMIT + 64 * 1024;

/** Parses a multipart request; files beyond `maxFileBytes` abort it with HTTP 413. */
export async function parseMultipart(req: IncomingMessage, files: FileStore, maxFileBytes: number, maxFieldBytes: number): Promise<MultipartRequest> {
  const length = Number(req.headers["content-length"]);
  if (req.headers["content-length"] === undefined || !Number.isSafeInteger(length) || length < 0 || length > BUFFERED_MAX_BYTES) {
    return parseWithBusboy(req, req.headers, files, maxFileBytes, maxFieldBytes);
  }
  const body = await readWhole(req, length);
  const boundary = boundaryOf(req.headers["content-type"] ?? "");
  const parts = boundary === null ? null : splitParts(body, boundary);
  // Anything unusual, or over a limit: busboy decides, exactly as for a streamed body.
  if (!parts || !withinLimits(parts, maxFileBytes, maxFieldBytes)) return parseWithBusboy(body, req.headers, files, maxFileBytes, maxFieldBytes);
  return fromParts(parts, files);
}

/**
 * Whether the parts are within busboy's limits (else busboy parses the body, for its exact answer:
 * a part that reaches its size limit is flagged, and the request refused).
 */
function withinLimits(parts: BodyPart[], maxFileBytes: number, maxFieldBytes: number): boolean {
  let fields = 0;
  let fileCount = 0;
  for (const p of parts) {
    if (p.isFile ? ++fileCount > MAX_FILES || p.data.length >= maxFileBytes : ++fields > MAX_FIELDS || p.data.length >= maxFieldBytes) return false;
  }
  return true;
}

/** The request from split parts: fields decoded as UTF-8 (busboy's default), files written to the store. */
async function fromParts(parts: BodyPart[], files: FileStore): Promise<MultipartRequest> {
  const fields = new Map<string, string>();
  const written: Array<Promise<[string, UploadedFile]>> = [];
  const paths: string[] = [];
  for (const part of parts) {
    if (!part.isFile) {
      fields.set(part.name, part.data.toString("utf8"));
      continue;
    }
    const { id, relPath, absPath } = files.allocate();
    paths.push(absPath);
    const filename = part.filename && part.filename !== part.name ? part.filename : null;
    // The head is copied: a view would keep the whole request body alive with the upload.
    const head = Buffer.from(part.data.subarray(0, HEAD_BYTES));
    written.push(writeChunks(absPath, part.data.length ? [part.data] : []).then((): [string, UploadedFile] => [part.name, new UploadedFile(id, relPath, absPath, part.data.length, filename, head)]));
  }
  try {
    const uploads = await Promise.all(written);
    return { body: assemble(fields, new Map(uploads)), uploads: uploads.map(([, u]) => u) };
  } catch (error) {
    await Promise.allSettled(written);
    paths.forEach((p) => files.discard(p));
    throw error;
  }
}

/** The body of `req`, `length` bytes as its Content-Length says (Node's parser holds it to that). */
function readWhole(req: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.allocUnsafe(length);
    let at = 0;
    req.on("data", (chunk: Buffer) => {
      if (at + chunk.length <= length) chunk.copy(body, at);
      at += chunk.length;
    });
    req.on("end", () => (at === length ? resolve(body) : reject(new EmulatorError("MALFORMED_REQUEST", "Invalid multipart request", { httpStatus: 400 }))));
    req.on("error", () => reject(new EmulatorError("MALFORMED_REQUEST", "Invalid multipart request", { httpStatus: 400 })));
  });
}

/** Parses a multipart body with busboy, streamed from the request or from bytes already read. */
function parseWithBusboy(source: IncomingMessage | Buffer, headers: IncomingMessage["headers"], files: FileStore, maxFileBytes: number, maxFieldBytes: number): Promise<MultipartRequest> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers, limits: { fileSize: maxFileBytes, fieldSize: maxFieldBytes, files: MAX_FILES, fields: MAX_FIELDS } });
    } catch {
      reject(new EmulatorError("MALFORMED_REQUEST", "Invalid multipart request", { httpStatus: 400 }));
      return;
    }
    const fields = new Map<string, string>();
    const written: Array<Promise<[string, UploadedFile]>> = [];
    const paths: string[] = [];
    let failure: EmulatorError | null = null;
    const fail = (error: EmulatorError): void => {
      failure ??= error;
    };

    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) fail(new EmulatorError("PAYLOAD_TOO_LARGE", `Multipart field "${name}" is larger than ${maxFieldBytes} bytes`, { httpStatus: 413 }));
      fields.set(name, value);
    });
    parser.on("file", (name, stream, info) => {
      const { id, relPath, absPath } = files.allocate();
      paths.push(absPath);
      let size = 0;
      const head: Buffer[] = [];
      let headBytes = 0;
      const saved = saveUpload(stream, absPath, (chunk) => {
        size += chunk.length;
        if (headBytes < HEAD_BYTES) {
          head.push(chunk.subarray(0, HEAD_BYTES - headBytes));
          headBytes += Math.min(chunk.length, HEAD_BYTES - headBytes);
        }
      });
      stream.on("limit", () => fail(new EmulatorError("PAYLOAD_TOO_LARGE", `Uploaded file is larger than ${maxFileBytes} bytes`, { httpStatus: 413 })));
      const filename = info.filename && info.filename !== name ? info.filename : null;
      const done = saved.then((): [string, UploadedFile] => [name, new UploadedFile(id, relPath, absPath, size, filename, Buffer.concat(head))]);
      done.catch(() => undefined); // handled with the others when the request ends; never unhandled before
      written.push(done);
    });
    parser.on("error", () => fail(new EmulatorError("MALFORMED_REQUEST", "Invalid multipart request", { httpStatus: 400 })));
    parser.on("close", () => {
      void Promise.all(written).then(
        (uploads) => {
          const cleanup = (): void => paths.forEach((p) => files.discard(p));
          if (failure) return (cleanup(), reject(failure));
          try {
            resolve({ body: assemble(fields, new Map(uploads)), uploads: uploads.map(([, u]) => u) });
          } catch (error) {
            cleanup();
            reject(error);
          }
        },
        (error: unknown) => {
          paths.forEach((p) => files.discard(p));
          // A malformed body also breaks off its file part: the 400 for the body, not that error (a 500).
          reject(failure ?? error);
        },
      );
    });
    if (Buffer.isBuffer(source)) return void parser.end(source);
    // A client that goes away mid-body: busboy ends the part it was writing with an error (its
    // file is then discarded), reports the body as malformed and closes, so the request settles.
    source.on("error", () => parser.destroy());
    source.pipe(parser);
  });
}

/** Puts each file into the operations object at the paths the `map` field names. */
function assemble(fields: Map<string, string>, uploads: Map<string, UploadedFile>): GraphQLRequestBody {
  const bad = (message: string): EmulatorError => new EmulatorError("MALFORMED_REQUEST", message, { httpStatus: 400 });
  const operationsText = fields.get("operations");
  if (operationsText === undefined) throw bad('Multipart request has no "operations" field');
  let operations: unknown;
  let map: unknown;
  try {
    operations = JSON.parse(operationsText);
    map = JSON.parse(fields.get("map") ?? "{}");
  } catch {
    throw bad('The "operations" and "map" fields of a multipart request must be JSON');
  }
  if (!operations || typeof operations !== "object" || Array.isArray(operations)) throw bad('"operations" must be one GraphQL request object');
  if (!map || typeof map !== "object" || Array.isArray(map)) throw bad('"map" must be an object');
  for (const [key, targets] of Object.entries(map as Record<string, unknown>)) {
    const upload = uploads.get(key);
    if (!upload) throw bad(`"map" names file part "${key}", which the request does not contain`);
    if (!Array.isArray(targets)) throw bad(`"map"["${key}"] must be a list of paths`);
    for (const target of targets) {
      if (typeof target !== "string") throw bad(`"map"["${key}"] must be a list of paths`);
      setPath(operations as Record<string, unknown>, target.split("."), upload, bad);
    }
  }
  return operations as GraphQLRequestBody;
}

function setPath(root: Record<string, unknown>, path: string[], value: unknown, bad: (m: string) => EmulatorError): void {
  let node: Record<string, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const next = node[path[i]!];
    if (!next || typeof next !== "object") throw bad(`"map" path ${path.join(".")} does not exist in "operations"`);
    node = next as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}
