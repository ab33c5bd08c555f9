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
  for await (const batch of ndjsonLineBatches(source, options)) yield* batch;
}

/**
 * {@link ndjsonLines}, a network read at a time: one array of lines per chunk of bytes, so a
 * reader of millions of lines pays for one promise per chunk instead of one per line.
 */
export function ndjsonLineBatches(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  options: NdjsonOptions = {},
): AsyncGenerator<Array<{ text: string; line: number }>> {
  return lineBatches(source, options);
}

/**
 * The text of bytes that are all ASCII, or undefined when they are not. A runtime that can tell
 * and decode faster than `TextDecoder` provides one: Node's `TextDecoder` took 32-123 ms for the
 * 38 MB of a 100,000-row benchmark file, `isAscii` plus a Latin-1 copy ~6 ms (measured, 2 cores).
 */
export type AsciiText = (bytes: Uint8Array) => string | undefined;

/** {@link ndjsonLineBatches}, decoding all-ASCII reads with `asciiText` when given (see node/read-rows.ts). */
export async function* lineBatches(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  options: NdjsonOptions = {},
  asciiText?: AsciiText,
): AsyncGenerator<Array<{ text: string; line: number }>> {
  const maxLineLength = options.maxLineLength ?? 64 * 1024 * 1024;
  // The lenient decoder is several times faster than a fatal one; invalid bytes still fail, via
  // `LenientUtf8Check`, instead of being silently replaced.
  // A byte-order mark is dropped at the start of the input only (below): left to the decoder, one
  // that first decodes in the middle of the input (after all-ASCII reads) would drop it there.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const check = new LenientUtf8Check();
  let buffer = "";
  let line = 0;
  let atStart = true;
  // Whether the decoder may hold the first bytes of a character split between reads: only after
  // a read whose last byte is not ASCII. Until then, an all-ASCII read is its own text.
  let split = false;
  for await (const bytes of iterate(source)) {
    let text = split ? undefined : asciiText?.(bytes);
    if (text === undefined) {
      text = decoder.decode(bytes, { stream: true });
      if (!check.chunk(bytes, text)) {
        const seen = buffer + (atStart && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        const bad = seen.indexOf("\uFFFD");
        const at = line + countLines(seen.slice(0, bad));
        // The whole lines before the bad one hold no replaced byte: hand them on first, so a reader
        // stops exactly at the bad line (an import then has every row before it, and resumes there).
        const { batch } = wholeLines(seen.slice(0, seen.lastIndexOf("\n", bad) + 1), line);
        if (batch.length) yield batch;
        throw new NdjsonParseError(`line ${at} is not valid UTF-8`, at);
      }
      if (bytes.length > 0) split = bytes[bytes.length - 1]! >= 0x80; // an empty read changes nothing
    } else check.ascii(bytes);
    if (atStart && text.length > 0) {
      atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    buffer += text;
    const whole = wholeLines(buffer, line);
    line = whole.line;
    buffer = buffer.slice(whole.end);
    if (whole.batch.length) yield whole.batch;
    if (buffer.length > maxLineLength) {
      throw new NdjsonParseError(`line ${line + 1} is longer than ${maxLineLength} characters`, line + 1);
    }
  }
  const rest = decoder.decode();
  if (rest.includes("\uFFFD")) throw new NdjsonParseError(`line ${line + 1}: the input ends in the middle of a UTF-8 character`, line + 1);
  buffer += rest;
  if (!isBlank(buffer)) yield [{ text: stripCr(buffer), line: line + 1 }];
}

/**
 * The non-blank whole lines of `text` (numbered after `line`), the last line number used, and where
 * the unfinished rest starts. Scans with a moving start, so the caller cuts its buffer once per
 * network chunk, not once per line.
 */
function wholeLines(text: string, line: number): { batch: Array<{ text: string; line: number }>; line: number; end: number } {
  const batch: Array<{ text: string; line: number }> = [];
  let start = 0;
  let newline: number;
  while ((newline = text.indexOf("\n", start)) !== -1) {
    line += 1;
    const lineText = stripCr(text.slice(start, newline));
    start = newline + 1;
    if (!isBlank(lineText)) batch.push({ text: lineText, line });
  }
  return { batch, line, end: start };
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n += 1;
  return n;
}

/**
 * Tells whether a lenient streaming decode replaced invalid bytes. Every U+FFFD it outputs is
 * either a real U+FFFD in the input (bytes EF BF BD) or a replacement; so, per chunk, more U+FFFD
 * in the text than EF BF BD sequences completed in the bytes means invalid input. Only chunks
 * whose text holds a U+FFFD are counted; the last two bytes are kept for sequences split
 * between chunks.
 */
export class LenientUtf8Check {
  private tail = new Uint8Array(0);

  /** An all-ASCII read that did not go through the decoder: it only moves the tail along. */
  ascii(bytes: Uint8Array): void {
    this.tail = bytes.slice(Math.max(0, bytes.length - 2));
  }

  chunk(bytes: Uint8Array, text: string): boolean {
    const joined = this.tail.length ? concat(this.tail, bytes) : bytes;
    this.tail = joined.slice(Math.max(0, joined.length - 2));
    if (!text.includes("\uFFFD")) return true;
    let decoded = 0;
    for (let i = text.indexOf("\uFFFD"); i >= 0; i = text.indexOf("\uFFFD", i + 1)) decoded += 1;
    let real = 0;
    // Sequences wholly inside the previous tail were counted with the previous chunk.
    const first = Math.max(0, joined.length - bytes.length - 2);
    for (let i = joined.indexOf(0xef, first); i >= 0 && i + 2 < joined.length; i = joined.indexOf(0xef, i + 1)) {
      if (joined[i + 1] === 0xbf && joined[i + 2] === 0xbd && i + 2 >= joined.length - bytes.length) real += 1;
    }
    return decoded <= real;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// Lines usually start with "{": only then is it worth looking for non-blank text.
function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  return text.length === 0 || (first <= 32 && text.trim() === "");
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
