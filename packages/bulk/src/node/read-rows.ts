import { isAscii } from "node:buffer";
import { createReadStream } from "node:fs";
import { opendir, stat } from "node:fs/promises";
import path from "node:path";
import { fileFromPath } from "@lbx/core/node";
import type { DataRowInput } from "@lbx/core";
import { UnreadableRow } from "../input.js";
import { lineBatches } from "../ndjson.js";
import { CsvParser, type CsvRecord } from "./csv-parser.js";
import { rowFromCsv, type CsvColumns, csvColumns } from "./csv-rows.js";
import { JsonArraySplitter } from "./json-array.js";
import { localPathOf, withLocalFile } from "./local-files.js";

/** Input formats {@link readRows} understands. */
export type RowFileFormat = "ndjson" | "csv" | "json" | "folder";

export interface ReadRowsOptions {
  /** Default: from the path (a directory, or the extension: `.ndjson`/`.jsonl`, `.csv`, `.json`). */
  readonly format?: RowFileFormat;
  /** Folder that relative `rowData` paths are resolved against. Default: the input file's folder. */
  readonly baseDir?: string;
  /** Folders: a global key for each file from its relative path (`/`-separated), or none. */
  readonly globalKeyOf?: (relativePath: string) => string | undefined;
  /** Folders: also read sub-folders. Default true. */
  readonly recursive?: boolean;
}

/** Rows of a file or folder, or an {@link UnreadableRow} for each that could not be read. */
export type FileRow = DataRowInput | UnreadableRow;

// Small reads: each decoded piece is a short-lived young-generation string, not a large object
// that only a full collection frees (which would let memory pile up between full collections).
const READ_CHUNK = 64 * 1024;

/** The format of `file` by what it is: a directory, or its extension. */
export async function formatOf(file: string): Promise<RowFileFormat> {
  if ((await stat(file)).isDirectory()) return "folder";
  const ext = path.extname(file).toLowerCase();
  if (ext === ".ndjson" || ext === ".jsonl") return "ndjson";
  if (ext === ".csv") return "csv";
  if (ext === ".json") return "json";
  throw new TypeError(`Cannot tell the format of ${file} from its extension: use .ndjson, .jsonl, .csv or .json, or pass format`);
}

/**
 * Reads data rows from a file or a folder, lazily (memory holds one row, whatever the size):
 *
 * - **NDJSON** (`.ndjson`, `.jsonl`): one row object per line, as `importDataRows` takes them.
 * - **CSV** (`.csv`): a header row naming the columns `rowData`, `globalKey`, `externalId`,
 *   `mediaType`, `metadata.<field name>` (one column per metadata field), `attachment.<TYPE>` or
 *   `attachment.<TYPE>.<name>` (one attachment each), and optionally `metadataFields` /
 *   `attachments` holding JSON arrays. Empty cells are left out.
 * - **JSON** (`.json`): an array of row objects, read element by element.
 * - **A folder**: every file in it (sorted, sub-folders included, hidden files skipped) becomes a
 *   row whose `rowData` is the file, uploaded on import, and `externalId` its relative path.
 *
 * In files, a `rowData` that is a relative path (`./images/cat.png`), a `file:` URL or an
 * absolute path of an existing file is resolved against the file's folder and uploaded on import.
 * A row that cannot be read (bad JSON, a CSV record with the wrong number of cells, a missing
 * local file) comes out as an {@link UnreadableRow} in its place, so its index is kept and the
 * import reports it; a file that cannot be read at all (a bad CSV header or quoting, a JSON file
 * that is not one array, bytes in a CSV or JSON file that are not UTF-8) throws when the reader
 * reaches the problem.
 *
 * @example
 * const { summary } = await importDataRows(client, dataset.id, readRows("./rows.ndjson"), { collectOutcomes: false });
 */
export function readRows(file: string, options: ReadRowsOptions = {}): AsyncIterable<FileRow> {
  return {
    [Symbol.asyncIterator]() {
      // The format is found when reading starts; after that, calls go straight to the reader.
      let inner: AsyncIterator<FileRow> | undefined;
      const open = async () => (inner = (await rowsOf(file, options))[Symbol.asyncIterator]());
      return {
        next: () => (inner ? inner.next() : open().then((it) => it.next())),
        return: async (value?: unknown) => (inner?.return ? inner.return(value) : { done: true as const, value: undefined }),
      };
    },
  };
}

async function rowsOf(file: string, options: ReadRowsOptions): Promise<AsyncIterable<FileRow>> {
  const format = options.format ?? (await formatOf(file));
  const baseDir = options.baseDir ?? (format === "folder" ? file : path.dirname(path.resolve(file)));
  switch (format) {
    case "ndjson":
      return readNdjson(file, baseDir);
    case "csv":
      return resolveLocal(readCsv(file), baseDir);
    case "json":
      return resolveLocal(readJsonArray(file), baseDir);
    case "folder":
      return readFolder(file, options);
    default:
      throw new TypeError(`format must be ndjson, csv, json or folder, got ${JSON.stringify(format)}`);
  }
}

/**
 * How many rows {@link readRows} will yield, by reading the file once without parsing rows (an
 * NDJSON file is counted on its bytes, about 1 GB a second): pass it as `expectedTotal` for a
 * time-left estimate.
 */
export async function countRows(file: string, options: Pick<ReadRowsOptions, "format" | "recursive"> = {}): Promise<number> {
  const format = options.format ?? (await formatOf(file));
  let count = 0;
  if (format === "ndjson") {
    count = await countNdjsonLines(file);
  } else if (format === "csv") {
    const parser = new CsvParser();
    const add = (records: CsvRecord[]) => (count += records.filter((r) => r.cells.some((c) => c !== "")).length);
    for await (const text of utf8Text(file)) add(parser.push(text));
    add(parser.end());
    count = Math.max(0, count - 1);
  } else if (format === "json") {
    const splitter = new JsonArraySplitter();
    for await (const text of utf8Text(file)) count += splitter.push(text).length;
    splitter.end();
  } else {
    for await (const _ of walk(file, "", options.recursive ?? true)) count += 1;
  }
  return count;
}

// One generator from bytes to rows, reading a batch of lines per chunk: at a million rows, every
// async layer per row costs about a second.
/** Lines holding anything but white space, counted on the bytes (no decoding, no parsing). */
async function countNdjsonLines(file: string): Promise<number> {
  let count = 0;
  let content = false; // the current line has a non-space byte
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    let at = 0;
    while (at < bytes.length) {
      const newline = bytes.indexOf(10, at);
      const end = newline < 0 ? bytes.length : newline;
      for (let i = at; !content && i < end; i++) content = !isSpaceByte(bytes[i]!);
      if (newline < 0) break;
      if (content) count += 1;
      content = false;
      at = newline + 1;
    }
  }
  return content ? count + 1 : count;
}

function isSpaceByte(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0b || b === 0x0c;
}

async function* readNdjson(file: string, baseDir: string): AsyncGenerator<FileRow> {
  for await (const batch of lineBatches(createReadStream(file, { highWaterMark: READ_CHUNK }), {}, latin1IfAscii)) {
    for (const { text, line } of batch) {
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (error) {
        yield new UnreadableRow(`not valid JSON: ${(error as Error).message}`, `line ${line}`);
        continue;
      }
      yield mayNameLocalFile(row) ? await resolved(row, baseDir) : (row as DataRowInput);
    }
  }
}

/** ASCII bytes as text: a Latin-1 copy is the same string, and far cheaper than `TextDecoder` (ndjson.ts). */
function latin1IfAscii(bytes: Uint8Array): string | undefined {
  return isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1") : undefined;
}

/**
 * The text of a CSV or JSON file, a read at a time. Bytes that are not UTF-8 throw, naming the
 * file, line and byte offset: Node's `encoding: "utf8"` would turn them into U+FFFD and import
 * the mangled text (a Latin-1 `café` from a spreadsheet), where the NDJSON reader refuses them.
 * All-ASCII reads skip the decoder (a Latin-1 copy is the same string, see `latin1IfAscii`); the
 * others go through a fatal streaming decoder. Measured on the 100,000 bench rows as JSON (38 MB)
 * and CSV (17 MB): no slower than `encoding: "utf8"` for ASCII, faster for non-ASCII text.
 */
async function* utf8Text(file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }); // the BOM is the parsers' to drop
  let read = 0;
  // Whether the decoder may hold the first bytes of a character split between reads (ndjson.ts).
  let split = false;
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK })) {
    const bytes = chunk as Buffer;
    read += bytes.length;
    const ascii = split ? undefined : latin1IfAscii(bytes);
    if (ascii !== undefined) {
      yield ascii;
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw await notUtf8(file, read);
    }
    split = bytes[bytes.length - 1]! >= 0x80;
    yield text;
  }
  if (!split) return;
  try {
    decoder.decode(); // throws if the file ends in the middle of a character
  } catch {
    throw await notUtf8(file, read);
  }
}

/** The error for a file whose first `end` bytes are not all UTF-8: where the first bad byte is. */
async function notUtf8(file: string, end: number): Promise<TypeError> {
  const { offset, line } = await firstNonUtf8(file, end);
  return new TypeError(`${file}: line ${line} is not valid UTF-8 (byte offset ${offset}); save the file as UTF-8`);
}

/**
 * The 0-based offset of the first character in the first `end` bytes of `file` that is not
 * UTF-8 (a stray byte, a broken or overlong sequence, a surrogate, or one cut off at `end`), and
 * its 1-based line. A byte at a time, but only once, on the way to an error.
 */
async function firstNonUtf8(file: string, end: number): Promise<{ offset: number; line: number }> {
  let at = 0;
  let line = 1;
  let start = 0; // offset of the character being read
  let need = 0; // its continuation bytes still to come, each in lo..hi
  let lo = 0x80;
  let hi = 0xbf;
  for await (const chunk of createReadStream(file, { end: end - 1, highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++, at++) {
      const b = bytes[i]!;
      if (need > 0) {
        if (b < lo || b > hi) return { offset: start, line };
        need -= 1;
        lo = 0x80;
        hi = 0xbf;
      } else if (b < 0x80) {
        if (b === 10) line += 1;
      } else {
        start = at;
        if (b >= 0xc2 && b <= 0xdf) need = 1;
        else if (b >= 0xe0 && b <= 0xef) [need, lo, hi] = [2, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
        else if (b >= 0xf0 && b <= 0xf4) [need, lo, hi] = [3, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
        else return { offset: start, line };
      }
    }
  }
  return { offset: need > 0 ? start : at, line };
}

async function* readJsonArray(file: string): AsyncGenerator<unknown> {
  const splitter = new JsonArraySplitter();
  for await (const text of utf8Text(file)) {
    for (const element of splitter.push(text)) {
      try {
        yield JSON.parse(element.text);
      } catch (error) {
        yield new UnreadableRow(`array element ${element.index} is not valid JSON: ${(error as Error).message}`, `line ${element.line}`);
      }
    }
  }
  splitter.end();
}

async function* readCsv(file: string): AsyncGenerator<unknown> {
  const parser = new CsvParser();
  let columns: CsvColumns | undefined;
  function* rows(records: CsvRecord[]): Generator<unknown> {
    for (const record of records) {
      if (!columns) {
        columns = csvColumns(record.cells, file);
        continue;
      }
      if (record.cells.every((c) => c === "")) continue; // blank line
      yield rowFromCsv(record, columns);
    }
  }
  for await (const text of utf8Text(file)) yield* rows(parser.push(text));
  yield* rows(parser.end());
  if (!columns) throw new TypeError(`${file} is empty: a CSV import needs a header row (rowData, globalKey, ...)`);
}

/** Resolves local-path row data against the input's folder (see `withLocalFile`). */
async function* resolveLocal(rows: AsyncGenerator<unknown>, baseDir: string): AsyncGenerator<FileRow> {
  for await (const row of rows) {
    if (row instanceof UnreadableRow) yield row;
    else yield mayNameLocalFile(row) ? await resolved(row, baseDir) : (row as DataRowInput);
  }
}

/** A cheap first look: only string row data that is not a URL can name a local file. */
function mayNameLocalFile(row: unknown): boolean {
  const data = (row as { rowData?: unknown } | null)?.rowData;
  return typeof data === "string" && !data.startsWith("http") && localPathOf(data, "/") !== undefined;
}

async function resolved(row: unknown, baseDir: string): Promise<FileRow> {
  const result = await withLocalFile(row, baseDir);
  return "error" in result ? new UnreadableRow(result.error, "rowData") : (result.row as DataRowInput);
}

async function* readFolder(dir: string, options: ReadRowsOptions): AsyncGenerator<FileRow> {
  for await (const relative of walk(dir, "", options.recursive ?? true)) {
    const full = path.join(dir, ...relative.split("/"));
    try {
      const globalKey = options.globalKeyOf?.(relative);
      yield { rowData: await fileFromPath(full), externalId: relative, ...(globalKey !== undefined ? { globalKey } : {}) };
    } catch (error) {
      yield new UnreadableRow(`cannot read the file: ${(error as Error).message}`, relative);
    }
  }
}

/** Files under `dir`, as `/`-separated paths relative to the top folder, sorted by name, hidden ones skipped. */
async function* walk(root: string, relative: string, recursive: boolean): AsyncGenerator<string> {
  const entries: Array<{ name: string; dir: boolean }> = [];
  for await (const entry of await opendir(path.join(root, ...relative.split("/").filter(Boolean)))) {
    if (entry.name.startsWith(".")) continue;
    if (entry.isDirectory()) entries.push({ name: entry.name, dir: true });
    else if (entry.isFile() || entry.isSymbolicLink()) entries.push({ name: entry.name, dir: false });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (!entry.dir) yield rel;
    else if (recursive) yield* walk(root, rel, recursive);
  }
}
