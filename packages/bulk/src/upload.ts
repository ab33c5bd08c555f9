import {
  AuthenticationError,
  AuthorizationError,
  isLbxError,
  LabelboxError,
  type LbxClient,
  NetworkError,
  RateLimitError,
  ServerError,
  UploadFileDocument,
} from "@lbx/core";
import { parseRetryAfter } from "@lbx/transport";

const encoder = new TextEncoder();

/**
 * Spare chunk buffers for one import. Every chunk needs one of about the same size; reusing them
 * instead of allocating a fresh megabyte per chunk keeps memory flat between garbage collections
 * (fresh buffers pile up until the engine notices them). A buffer comes back once its upload has
 * settled, retries included; `fetch` copies the body when the request starts, so nothing still
 * reads it then.
 */
export class BufferPool {
  private readonly spares: Uint8Array[] = [];

  /** `capacity`: the usual largest chunk, so one buffer fits every chunk. */
  constructor(
    private readonly capacity = 0,
    private readonly max = 4,
  ) {}

  take(size: number): Uint8Array {
    const i = this.spares.findIndex((b) => b.length >= size);
    if (i < 0) return new Uint8Array(Math.max(size, this.capacity));
    const [spare] = this.spares.splice(i, 1);
    return spare!;
  }

  give(buffer: Uint8Array): void {
    if (this.spares.length < this.max) this.spares.push(buffer);
  }
}

/** Bytes kept free in front of a chunk for its multipart head (about 400 bytes are used). */
const HEAD_ROOM = 1024;
/** Bytes kept free after a chunk for its multipart tail (about 40 are used). */
const TAIL_ROOM = 128;

/**
 * A chunk file assembled row by row straight into the bytes of its multipart upload: each row's
 * JSON is UTF-8-encoded into the buffer as soon as the row arrives, with room left in front for
 * the multipart head and after it for the tail, and the upload sends a view of that buffer. So a
 * row's string dies young: held until its chunk was full (a megabyte of strings), they outlived
 * the engine's young-generation collections and were copied twice, the largest single cost of
 * the SDK's import in profiles. And no other copy of the chunk exists: no joined string, no
 * `Blob`, no `FormData`.
 */
export class ChunkBody {
  private buffer: Uint8Array;
  /** Where each row's JSON ends in `buffer`; row r starts after row r-1's end and its comma. */
  private readonly ends: number[] = [];
  /** The end of the bytes written so far (the chunk's "[" and rows). */
  private end = HEAD_ROOM + 1;

  /** `pool`: where the buffer comes from; give it back with `release()` once the upload is over. */
  constructor(
    private readonly pool: BufferPool = new BufferPool(),
    capacity = 0,
  ) {
    this.buffer = pool.take(HEAD_ROOM + capacity + TAIL_ROOM);
    this.buffer[HEAD_ROOM] = 0x5b; // "["
  }

  get rows(): number {
    return this.ends.length;
  }

  /** UTF-8 length of the chunk file so far, "]" included. */
  get size(): number {
    return this.end - HEAD_ROOM + 1;
  }

  /** Adds one row's JSON, whose UTF-8 length the caller measured. */
  add(json: string, utf8Bytes: number): void {
    const comma = this.ends.length ? 1 : 0;
    this.reserve(comma + utf8Bytes);
    if (comma) this.buffer[this.end++] = 0x2c; // ","
    this.end += encoder.encodeInto(json, this.buffer.subarray(this.end)).written;
    this.ends.push(this.end);
  }

  /** Drops the rows `keep` says no to (by position, 0 = first row added), keeping the others in order. */
  keepOnly(keep: (row: number) => boolean): void {
    let to = HEAD_ROOM + 1;
    let kept = 0;
    for (let r = 0; r < this.ends.length; r++) {
      const from = r === 0 ? HEAD_ROOM + 1 : this.ends[r - 1]! + 1;
      const rowEnd = this.ends[r]!;
      if (!keep(r)) continue;
      if (kept) this.buffer[to++] = 0x2c;
      this.buffer.copyWithin(to, from, rowEnd);
      to += rowEnd - from;
      this.ends[kept++] = to;
    }
    this.ends.length = kept;
    this.end = to;
  }

  /** The chunk file text (for tests and small uploads). */
  text(): string {
    return `${new TextDecoder().decode(this.buffer.subarray(HEAD_ROOM, this.end))}]`;
  }

  /** The whole request: `head`, the chunk file, `tail`, as a view of the chunk's buffer. */
  request(head: Uint8Array, tail: Uint8Array): Uint8Array {
    if (head.length > HEAD_ROOM || tail.length + 1 > TAIL_ROOM) {
      // Never with the heads `uploadJson` writes; correct anyway, at the price of a copy.
      const out = new Uint8Array(head.length + this.size + tail.length);
      out.set(head, 0);
      out.set(this.buffer.subarray(HEAD_ROOM, this.end), head.length);
      out[head.length + this.size - 1] = 0x5d;
      out.set(tail, head.length + this.size);
      return out;
    }
    this.buffer[this.end] = 0x5d; // "]"
    const start = HEAD_ROOM - head.length;
    this.buffer.set(head, start);
    this.buffer.set(tail, this.end + 1);
    return this.buffer.subarray(start, this.end + 1 + tail.length);
  }

  /** Gives the buffer back to its pool; the chunk must not be used after. */
  release(): void {
    this.pool.give(this.buffer);
  }

  /** Makes room for `bytes` more (a row larger than the pool's chunks: rare, so copied). */
  private reserve(bytes: number): void {
    const needed = this.end + bytes + 1 + TAIL_ROOM;
    if (needed <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
    grown.set(this.buffer.subarray(0, this.end));
    this.buffer = grown;
  }
}

/**
 * Uploads a chunk or manifest with the GraphQL multipart `UploadFile` mutation, exactly the parts
 * `uploadFile` of `@lbx/core` sends (operations, map, file), built as one byte array. Returns the
 * URL the server stored it at. Failures are the typed errors of `@lbx/core`: 5xx `ServerError`,
 * 429 `RateLimitError`, no response `NetworkError` (all worth retrying; uploads are idempotent).
 */
export async function uploadJson(client: LbxClient, file: ChunkBody | string, filename: string, signal?: AbortSignal): Promise<string> {
  const bytes = typeof file === "string" ? encoder.encode(file) : undefined;
  const size = bytes ? bytes.length : (file as ChunkBody).size;
  const boundary = `lbx${Math.random().toString(16).slice(2)}${Math.random().toString(16).slice(2)}`;
  const operations = JSON.stringify({ variables: { file: null, contentLength: size, sign: false }, query: UploadFileDocument });
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"1":["variables.file"]}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="1"; filename="${filename}"\r\nContent-Type: application/json\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  let body: Uint8Array;
  if (bytes) {
    body = new Uint8Array(head.length + bytes.length + tail.length);
    body.set(head, 0);
    body.set(bytes, head.length);
    body.set(tail, head.length + bytes.length);
  } else body = (file as ChunkBody).request(head, tail);

  let response: Response;
  try {
    response = await client.send({
      url: client.endpoint,
      method: "POST",
      headers: { accept: "application/json", "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      ...(signal ? { signal } : {}),
      operation: { name: "UploadFile", kind: "upload", idempotent: true },
      attempt: 1,
    });
  } catch (error) {
    throw isLbxError(error) ? error : new NetworkError(`No response for UploadFile: ${client.redact(String((error as Error | null)?.message ?? error))}`, { cause: error });
  }
  const text = await response.text();
  let parsed: { data?: { uploadFile?: { url?: string } | null } | null; errors?: Array<{ message?: string; extensions?: { code?: string } }>; message?: string } | undefined;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // Not JSON: classified below by status.
  }
  const url = parsed?.data?.uploadFile?.url;
  if (response.ok && url) return url;
  throw uploadError(response, parsed, client.redact);
}

function uploadError(
  response: Response,
  body: { errors?: Array<{ message?: string; extensions?: { code?: string } }>; message?: string } | undefined,
  redact: (text: string) => string,
): LabelboxError {
  const context = { operationName: "UploadFile", status: response.status, requestId: response.headers.get("x-request-id") ?? undefined };
  const first = body?.errors?.[0];
  const message = redact(`Failed to upload: ${first?.message ?? body?.message ?? `HTTP ${response.status}`}`);
  const code = first?.extensions?.code;
  if (response.status >= 500 || code === "INTERNAL_SERVER_ERROR") return new ServerError(message, context);
  if (response.status === 429) return new RateLimitError(message, parseRetryAfter(response.headers, Date.now())?.ms, context);
  if (response.status === 401 || code === "AUTHENTICATION_ERROR") return new AuthenticationError(message, context);
  if (response.status === 403 || code === "AUTHORIZATION_ERROR") return new AuthorizationError(message, context);
  if (!body) return new LabelboxError("BAD_RESPONSE", message, context);
  return new LabelboxError(code ?? "UPLOAD_FAILED", message, context);
}
