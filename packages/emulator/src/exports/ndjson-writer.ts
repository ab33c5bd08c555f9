// Writes an export file line by line and remembers where chunks start, so the streamable export
// can hand out byte ranges that end on line boundaries (`exportFileFromOffset`).
//
// Lines are written in blocks of about 1 MiB; chunk boundaries are placed between blocks, so
// byte lengths are measured once per block instead of once per line.
import fs from "node:fs";

/** Where the file's chunks start: `[byteOffset, lineNumber]` pairs, the first being [0, 0]. */
export interface ExportIndex {
  totalSize: number;
  totalLines: number;
  chunks: Array<[number, number]>;
}

const BLOCK_CHARS = 1 << 20;

export class NdjsonWriter {
  private readonly fd: number;
  private block = "";
  private blockLines = 0;
  private size = 0;
  private lines = 0;
  private chunkStart = 0;
  private readonly chunks: Array<[number, number]> = [[0, 0]];
  private readonly blockChars: number;

  constructor(
    path: string,
    private readonly chunkBytes: number,
  ) {
    this.fd = fs.openSync(path, "w");
    this.blockChars = Math.min(BLOCK_CHARS, chunkBytes);
  }

  /** Appends one line (a newline is added). */
  line(text: string): void {
    this.block += `${text}\n`;
    this.blockLines += 1;
    if (this.block.length >= this.blockChars) this.drain();
  }

  /** Flushes and closes the file; returns its index. */
  close(): ExportIndex {
    this.drain();
    fs.closeSync(this.fd);
    return { totalSize: this.size, totalLines: this.lines, chunks: this.size === 0 ? [] : this.chunks };
  }

  private drain(): void {
    if (this.blockLines === 0) return;
    if (this.size - this.chunkStart >= this.chunkBytes) {
      this.chunkStart = this.size;
      this.chunks.push([this.size, this.lines]);
    }
    const bytes = Buffer.from(this.block, "utf8");
    fs.writeSync(this.fd, bytes);
    this.size += bytes.length;
    this.lines += this.blockLines;
    this.block = "";
    this.blockLines = 0;
  }
}
