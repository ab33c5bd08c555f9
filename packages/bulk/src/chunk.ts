/**
 * Sizes of chunk files and tasks, and the byte arithmetic behind them. A chunk file is a JSON
 * array of row specs; a task (one manifest, one `upsertDataRows`) takes whole chunk files up to
 * `maxRowsPerTask` rows. The import pipeline (`import/span-builder.ts`) fills them.
 */

export interface ChunkLimits {
  /** Largest chunk file, in UTF-8 bytes. Default 1,000,000; the server takes up to 10,000,000 (the Python SDK's size). */
  readonly maxChunkBytes: number;
  /** Most rows in one chunk file. Default 10,000. */
  readonly maxChunkRows: number;
  /** Most rows in one task (one manifest). Default 25,000; the cloud allows 150,000. */
  readonly maxRowsPerTask: number;
  /**
   * Most rows in the first task. Default 2,500 (about one chunk file). The tasks after it may
   * hold as many rows as came before them, up to `maxRowsPerTask`: 2,500, 2,500, 5,000, 10,000,
   * 20,000, 25,000...; with `expectedTotal`, the last ones shrink the same way. See `taskRowsAt`.
   * Set it to `maxRowsPerTask` for tasks of one size.
   */
  readonly firstTaskRows: number;
}

/**
 * Default sizes, well inside the server's limits. Smaller than the limits on purpose, measured with
 * the benchmark: 1 MB chunk files keep the SDK's memory flat (each upload is one short-lived
 * buffer), and tasks of 25,000 rows let the server work on the first task while the SDK prepares
 * the next, instead of waiting for 150,000 rows to be uploaded; the first tasks are smaller still
 * (`firstTaskRows`), so the server starts after one chunk file.
 */
export const DEFAULT_CHUNK_LIMITS: ChunkLimits = {
  maxChunkBytes: 1_000_000,
  maxChunkRows: 10_000,
  maxRowsPerTask: 25_000,
  firstTaskRows: 2_500,
};

/** The server's limits: 10 MB chunk files (Python SDK) and 150,000 rows a task (Labelbox docs). */
export const SERVER_CHUNK_LIMITS: ChunkLimits = {
  maxChunkBytes: 10_000_000,
  maxChunkRows: 150_000,
  maxRowsPerTask: 150_000,
  firstTaskRows: 150_000,
};

/**
 * Most rows a task whose rows start at input row `start` may hold: `firstTaskRows` at first, then
 * as many as came before it, up to `maxRowsPerTask`; and, when the input's length is known
 * (`expectedTotal`), at most half of the rows left (but not under `firstTaskRows`), so the last
 * tasks are small too. The server starts after one chunk file instead of a task's worth of rows,
 * and the import does not end waiting for one large last task: measured at 100,000 rows, the
 * emulator sat idle for about the first quarter of the import while the SDK read, checked and
 * uploaded the first 25,000 rows, and the SDK sat idle for the last ~0.5 s while the emulator
 * worked through the last 25,000. It depends on the input position and the options only, never
 * on timing, so a resumed import cuts its tasks where the killed one did.
 */
export function taskRowsAt(start: number, limits: ChunkLimits, expectedTotal?: number): number {
  const rising = Math.min(limits.maxRowsPerTask, Math.max(limits.firstTaskRows, start));
  if (expectedTotal === undefined || !Number.isFinite(expectedTotal) || expectedTotal <= start) return rising;
  return Math.min(rising, Math.max(limits.firstTaskRows, Math.ceil((expectedTotal - start) / 2)));
}

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

/** The manifest file the server reads for one task: `{source, item_count, chunk_uris}`. */
export function manifestBody(itemCount: number, chunkUris: readonly string[]): string {
  return JSON.stringify({ source: "SDK", item_count: itemCount, chunk_uris: chunkUris });
}
