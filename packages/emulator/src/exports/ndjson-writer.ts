// Writes an export file line by line and remembers where chunks start, so the streamable export
// can hand out byte ranges that end on line boundaries (`exportFileFromOffset`).
//
// Lines are encoded straight into a reusable block buffer of about 1 MiB (one `write` per
// line); chunk boundaries are placed between blocks, so byte lengths are counted once per block.
// Concatenating the lines into one string and encoding that was measured slower: V8 had to
// flatten a rope of a million small strings (13% of an export's CPU in a profile).
import fs from "node:fs";

/** Where the file's chunks start: `[byteOffset, lineNumber]` pairs, the first being [0, 0]. */
export interface ExportIndex {
  totalSize: number;
  totalLines: number;
  chunks: Array<[number, number]>;
}

const BLOCK_BYTES = 1 << 20;
/** Worst case UTF-8 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

export class NdjsonWriter {
  private readonly fd: number;
  private readonly buffer: Buffer;
  private used = 0;
  private blockLines = 0;
  private size = 0;
  private lines = 0;
  private chunkStart = 0;
  private readonly chunks: Array<[number, number]> = [[0, 0]];
  private readonly blockBytes: number;

  constructor(
    path: string,
    private readonly chunkBytes: number,
  ) {
    this.fd = fs.openSync(path, "w");
    this.blockBytes = Math.max(1, Math.min(BLOCK_BYTES, chunkBytes));
    this.buffer = Buffer.allocUnsafe(this.blockBytes + BLOCK_BYTES);
  }

  /** Appends one line (a newline is added). */
  line(text: string): void {
    const worst = text.length * MAX_BYTES_PER_UNIT + 1;
    if (this.used + worst > this.buffer.length) {
      this.drain();
      if (worst > this.buffer.length) {
        // A line longer than the block: a block of its own.
        const bytes = Buffer.from(`${text}\n`, "utf8");
        this.writeBlock(bytes, bytes.length, 1);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, "utf8");
    this.buffer[this.used++] = 0x0a;
    this.blockLines += 1;
    if (this.used >= this.blockBytes) this.drain();
  }

  /**
   * Appends lines another thread already encoded: `bytes` holds exactly `count` lines (each ending
   * with a newline) whose UTF-16 lengths are `utf16Lengths`. Each line goes through the same
   * block logic as `line()` would put it, so the file and its chunk index are exactly what
   * writing the lines one by one here would give.
   */
  appendEncoded(bytes: Buffer, utf16Lengths: Uint32Array, count: number): void {
    let start = 0;
    for (let i = 0; i < count; i++) {
      const nl = bytes.indexOf(0x0a, start);
      if (nl < 0) throw new Error(`Encoded lines end after ${i} of ${count} lines`);
      this.encodedLine(bytes, start, nl + 1, utf16Lengths[i]!);
      start = nl + 1;
    }
    if (start !== bytes.length) throw new Error(`Encoded lines hold more than ${count} lines`);
  }

  /** `line()` for a line already encoded as `bytes[from, to)` (newline included) of `units` UTF-16 code units. */
  private encodedLine(bytes: Buffer, from: number, to: number, units: number): void {
    const worst = units * MAX_BYTES_PER_UNIT + 1;
    if (this.used + worst > this.buffer.length) {
      this.drain();
      if (worst > this.buffer.length) {
        this.writeBlock(bytes.subarray(from, to), to - from, 1);
        return;
      }
    }
    this.used += bytes.copy(this.buffer, this.used, from, to);
    this.blockLines += 1;
    if (this.used >= this.blockBytes) this.drain();
  }

  /** Flushes and closes the file; returns its index. */
  close(): ExportIndex {
    this.drain();
    fs.closeSync(this.fd);
    return { totalSize: this.size, totalLines: this.lines, chunks: this.size === 0 ? [] : this.chunks };
  }

  private drain(): void {
    if (this.blockLines === 0) return;
    this.writeBlock(this.buffer, this.used, this.blockLines);
    this.used = 0;
    this.blockLines = 0;
  }

  private writeBlock(bytes: Buffer, length: number, lines: number): void {
    if (this.size - this.chunkStart >= this.chunkBytes) {
      this.chunkStart = this.size;
      this.chunks.push([this.size, this.lines]);
    }
    let offset = 0;
    while (offset < length) offset += fs.writeSync(this.fd, bytes, offset, length - offset);
    this.size += length;
    this.lines += lines;
  }
}
