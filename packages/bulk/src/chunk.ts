/**
 * Splits a stream of encoded rows into chunk files and tasks within the server's limits, keeping
 * input order and holding at most one chunk in memory. A chunk file is a JSON array of row specs;
 * a task (one manifest, one `upsertDataRows`) takes whole chunks up to `maxRowsPerTask` rows.
 */

/** One input row, already validated and serialized to its upsert spec JSON. */
export interface EncodedRow {
  /** The row's position in the caller's input, 0-based. Results are mapped back through it. */
  readonly index: number;
  /** `JSON.stringify(spec)`; the chunk file is `[` + specs joined by `,` + `]`. */
  readonly json: string;
}

export interface ChunkLimits {
  /** Largest chunk file, in UTF-8 bytes. Default 1,000,000; the server takes up to 10,000,000 (the Python SDK's size). */
  readonly maxChunkBytes: number;
  /** Most rows in one chunk file. Default 10,000. */
  readonly maxChunkRows: number;
  /** Most rows in one task (one manifest). Default 25,000; the cloud allows 150,000. */
  readonly maxRowsPerTask: number;
}

/**
 * Default sizes, well inside the server's limits. Smaller than the limits on purpose, measured with
 * the benchmark: 1 MB chunk files keep the SDK's memory flat (each upload is one short-lived
 * buffer), and tasks of 25,000 rows let the server work on the first task while the SDK prepares
 * the next, instead of waiting for 150,000 rows to be uploaded.
 */
export const DEFAULT_CHUNK_LIMITS: ChunkLimits = {
  maxChunkBytes: 1_000_000,
  maxChunkRows: 10_000,
  maxRowsPerTask: 25_000,
};

/** The server's limits: 10 MB chunk files (Python SDK) and 150,000 rows a task (Labelbox docs). */
export const SERVER_CHUNK_LIMITS: ChunkLimits = {
  maxChunkBytes: 10_000_000,
  maxChunkRows: 150_000,
  maxRowsPerTask: 150_000,
};

export interface Chunk {
  /** 0-based task this chunk belongs to; a chunk never spans two tasks. */
  readonly task: number;
  readonly rows: readonly EncodedRow[];
  /** The chunk file's text: a JSON array of the rows' specs. */
  readonly body: string;
  /** UTF-8 length of `body`. */
  readonly bytes: number;
}

const encoder = new TextEncoder();

const NON_ASCII = /[^\x00-\x7f]/;

/** UTF-8 byte length of a string, without allocating the encoded bytes. */
export function utf8Length(text: string): number {
  // Most rows are ASCII: one native regex scan instead of a JS loop over every character.
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes a chunk file holding only this row takes; a row above `maxChunkBytes` can never be sent. */
export function soloChunkBytes(row: EncodedRow): number {
  return utf8Length(row.json) + 2;
}

/**
 * Groups rows into chunks and tasks. Throws a `RangeError` naming the input index if a row alone
 * exceeds `maxChunkBytes`: validation must reject such rows (with their index) before chunking.
 */
export async function* chunkRows(
  rows: AsyncIterable<EncodedRow> | Iterable<EncodedRow>,
  limits: ChunkLimits = DEFAULT_CHUNK_LIMITS,
): AsyncGenerator<Chunk> {
  checkLimits(limits);
  let task = 0;
  let rowsInTask = 0;
  let pending: EncodedRow[] = [];
  let pendingBytes = 2; // "[" and "]"

  const flush = (): Chunk => {
    const chunk = { task, rows: pending, body: `[${pending.map((r) => r.json).join(",")}]`, bytes: pendingBytes };
    pending = [];
    pendingBytes = 2;
    return chunk;
  };

  for await (const row of rows) {
    const rowBytes = utf8Length(row.json);
    if (rowBytes + 2 > limits.maxChunkBytes) {
      throw new RangeError(
        `row ${row.index} is ${rowBytes + 2} bytes as a chunk file, above the ${limits.maxChunkBytes}-byte limit`,
      );
    }
    if (rowsInTask === limits.maxRowsPerTask) {
      if (pending.length) yield flush();
      task += 1;
      rowsInTask = 0;
    }
    const separator = pending.length ? 1 : 0;
    if (pending.length === limits.maxChunkRows || pendingBytes + separator + rowBytes > limits.maxChunkBytes) {
      yield flush();
    }
    pendingBytes += (pending.length ? 1 : 0) + rowBytes;
    pending.push(row);
    rowsInTask += 1;
  }
  if (pending.length) yield flush();
}

function checkLimits(limits: ChunkLimits): void {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  if (limits.maxChunkBytes < 3) throw new RangeError("maxChunkBytes must leave room for at least one row");
}

/** The manifest file the server reads for one task: `{source, item_count, chunk_uris}`. */
export function manifestBody(itemCount: number, chunkUris: readonly string[]): string {
  return JSON.stringify({ source: "SDK", item_count: itemCount, chunk_uris: chunkUris });
}

/** Encodes a chunk or manifest body for upload. */
export function toBytes(text: string): Uint8Array {
  return encoder.encode(text);
}
