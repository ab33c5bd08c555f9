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
 * Spare upload buffers for one import. Every chunk upload needs one of about the same size;
 * reusing them instead of allocating a fresh megabyte per upload keeps memory flat between
 * garbage collections (fresh buffers pile up until the engine notices them). A buffer comes back
 * once the transport has settled the request, retries included; `fetch` copies the body when the
 * request starts, so nothing still reads it then.
 */
export class BufferPool {
  private readonly spares: Uint8Array[] = [];

  /** `capacity`: the usual largest request, so one buffer fits every chunk. */
  constructor(
    private readonly capacity = 0,
    private readonly max = 4,
  ) {}

  take(size: number): Uint8Array {
    const i = this.spares.findIndex((b) => b.buffer.byteLength >= size);
    if (i < 0) return new Uint8Array(new ArrayBuffer(Math.max(size, this.capacity)), 0, size);
    const [spare] = this.spares.splice(i, 1);
    return new Uint8Array(spare!.buffer, 0, size);
  }

  give(buffer: Uint8Array): void {
    if (this.spares.length < this.max) this.spares.push(buffer);
  }
}

/**
 * A chunk file being assembled straight into the bytes of its multipart upload: the row JSON is
 * UTF-8-encoded once, into one buffer sized in advance, instead of being joined into a string,
 * copied into a `Blob`, and copied again by `FormData` streaming. At a million rows that is the
 * difference between one and three copies of every chunk in memory.
 */
export class ChunkBody {
  private readonly parts: string[] = [];
  private bytes = 2; // "[" and "]"

  get rows(): number {
    return this.parts.length;
  }

  /** UTF-8 length of the chunk file so far. */
  get size(): number {
    return this.bytes;
  }

  /** Adds one row's JSON, whose UTF-8 length the caller measured. */
  add(json: string, utf8Bytes: number): void {
    this.bytes += (this.parts.length ? 1 : 0) + utf8Bytes;
    this.parts.push(json);
  }

  /** The chunk file text (for tests and small uploads). */
  text(): string {
    return `[${this.parts.join(",")}]`;
  }

  /** Writes the chunk file into `target` at `offset`; returns the offset after it. */
  writeInto(target: Uint8Array, offset: number): number {
    target[offset++] = 0x5b;
    this.parts.forEach((json, i) => {
      if (i) target[offset++] = 0x2c;
      offset += encoder.encodeInto(json, target.subarray(offset)).written;
    });
    target[offset++] = 0x5d;
    return offset;
  }
}

/**
 * Uploads a chunk or manifest with the GraphQL multipart `UploadFile` mutation, exactly the parts
 * `uploadFile` of `@lbx/core` sends (operations, map, file), built as one byte array. Returns the
 * URL the server stored it at. Failures are the typed errors of `@lbx/core`: 5xx `ServerError`,
 * 429 `RateLimitError`, no response `NetworkError` (all worth retrying; uploads are idempotent).
 */
export async function uploadJson(client: LbxClient, file: ChunkBody | string, filename: string, signal?: AbortSignal, pool?: BufferPool): Promise<string> {
  const size = typeof file === "string" ? encoder.encode(file).length : file.size;
  const boundary = `lbx${Math.random().toString(16).slice(2)}${Math.random().toString(16).slice(2)}`;
  const operations = JSON.stringify({ variables: { file: null, contentLength: size, sign: false }, query: UploadFileDocument });
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"1":["variables.file"]}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="1"; filename="${filename}"\r\nContent-Type: application/json\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const length = head.length + size + tail.length;
  const body = pool ? pool.take(length) : new Uint8Array(length);
  body.set(head, 0);
  const end = typeof file === "string" ? head.length + encoder.encodeInto(file, body.subarray(head.length)).written : file.writeInto(body, head.length);
  body.set(tail, end);

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
  } finally {
    pool?.give(body);
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
