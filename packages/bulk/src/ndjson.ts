/**
 * Streams NDJSON: bytes in, one parsed value per line out, with memory bounded by the longest
 * line. UTF-8 is decoded with `stream: true`, so a multi-byte character split across two network
 * chunks is never mangled (a bug the Python exporter had for CJK text).
 */

export interface NdjsonOptions {
  /** Refuse lines longer than this many characters instead of buffering without bound. */
  readonly maxLineLength?: number;
}

export class NdjsonParseError extends Error {
  constructor(
    message: string,
    /** 1-based line number in the stream. */
    readonly line: number,
  ) {
    super(message);
    this.name = "NdjsonParseError";
  }
}

/** Splits a byte stream into text lines (without their `\n` or `\r\n`), skipping blank lines. */
export async function* ndjsonLines(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  options: NdjsonOptions = {},
): AsyncGenerator<{ text: string; line: number }> {
  const maxLineLength = options.maxLineLength ?? 64 * 1024 * 1024;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let buffer = "";
  let line = 0;
  for await (const bytes of iterate(source)) {
    buffer += decoder.decode(bytes, { stream: true });
    // Scan with a moving start and cut the buffer once per network chunk, not once per line.
    let start = 0;
    let newline: number;
    while ((newline = buffer.indexOf("\n", start)) !== -1) {
      line += 1;
      const text = stripCr(buffer.slice(start, newline));
      start = newline + 1;
      if (text.trim()) yield { text, line };
    }
    buffer = buffer.slice(start);
    if (buffer.length > maxLineLength) {
      throw new NdjsonParseError(`line ${line + 1} is longer than ${maxLineLength} characters`, line + 1);
    }
  }
  buffer += decoder.decode();
  if (buffer.trim()) yield { text: stripCr(buffer), line: line + 1 };
}

/** Parses each NDJSON line; a line that is not JSON fails with its line number. */
export async function* parseNdjson<T = unknown>(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  options: NdjsonOptions = {},
): AsyncGenerator<T> {
  for await (const { text, line } of ndjsonLines(source, options)) {
    try {
      yield JSON.parse(text) as T;
    } catch (error) {
      throw new NdjsonParseError(`line ${line} is not valid JSON: ${(error as Error).message}`, line);
    }
  }
}

function stripCr(text: string): string {
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}

async function* iterate(source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array>;
    return;
  }
  // Older browsers' ReadableStream is not async-iterable.
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
