// Where import rows come from: a file or folder read by @lbx/bulk/node's `readRows`, or stdin
// (spooled to a temporary file first, so the same reader, row count and local-path resolution
// apply). A failed row is written to the failures file as the user wrote it: a second,
// forward-only read of the input fetches it when its outcome arrives (outcomes come in input
// order), so nothing is held in memory for rows that succeed, however large the input.
import { isUtf8 } from "node:buffer";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { ndjsonLines, type RowSource, UnreadableRow } from "@lbx/bulk";
import { countRows, type FileRow, formatOf, readRows, type ReadRowsOptions, type RowFileFormat } from "@lbx/bulk/node";
import { usageError } from "../errors.js";
import { withoutFailureInfo } from "./failures-file.js";
import { inputProblem } from "./input-problem.js";

/** One input row as read, with its text and line for NDJSON. */
export interface OriginalRow {
  /** The row as the reader gave it (local files opened), or the reason it could not be read. */
  readonly row: FileRow;
  /** The input line, for NDJSON (also when it is not valid JSON). */
  readonly text?: string;
  /** 1-based line in the input, for NDJSON. */
  readonly line?: number;
}

/** Reads the input forward only, handing out the rows asked for, in increasing index order. */
export interface RowCursor {
  /** Row `index`; undefined past the end or for an index already passed. */
  at(index: number): Promise<OriginalRow | undefined>;
  close(): Promise<void>;
}

export interface ImportSource {
  /** Absolute path of the file or folder read (a temporary copy for stdin). */
  readonly file: string;
  /** What to call the input in messages: the path as given, or "stdin". */
  readonly label: string;
  readonly format: RowFileFormat;
  /** Folder that relative row-data paths are resolved against. */
  readonly baseDir: string;
  /** Rows in the input (counted before the import, for the time-left estimate). */
  readonly total: number;
  /** False for stdin: it cannot be read again, so a killed run cannot be resumed. */
  readonly resumable: boolean;
  /** The rows to hand to the import, in order (`lbxFailure` of a failures file removed). */
  rows(): RowSource;
  /** Every row with its text and line, in order (for --dry-run). */
  scan(): AsyncGenerator<OriginalRow>;
  /** A second reader of the same input, for failed rows. */
  cursor(): RowCursor;
  /** Removes the temporary copy of stdin, if any. */
  close(): void;
}

export interface SourceOptions {
  readonly format?: RowFileFormat | undefined;
  /** Folders: use each file's relative path as its global key. */
  readonly keysFromPaths?: boolean | undefined;
  readonly cwd: string;
  readonly stdin: NodeJS.ReadableStream;
}

const FORMATS: readonly RowFileFormat[] = ["ndjson", "csv", "json", "folder"];

/** Opens `spec` (a path, or `-` for stdin) for import. */
export async function openSource(spec: string, options: SourceOptions): Promise<ImportSource> {
  if (options.format && !FORMATS.includes(options.format)) throw usageError(`--format must be one of ${FORMATS.join(", ")}`);
  let file: string;
  let temp: string | undefined;
  let format: RowFileFormat;
  if (spec === "-") {
    format = options.format ?? "ndjson";
    if (format === "folder") throw usageError("stdin cannot be a folder");
    temp = fs.mkdtempSync(path.join(os.tmpdir(), "lbx-stdin-"));
    file = path.join(temp, `stdin.${format}`);
    await pipeline(options.stdin, fs.createWriteStream(file));
  } else {
    file = path.resolve(options.cwd, spec);
    if (!fs.existsSync(file)) throw usageError(`No such file or folder: ${spec}`);
    try {
      format = options.format ?? (await formatOf(file));
    } catch (error) {
      throw usageError(`${(error as Error).message} (--format)`);
    }
  }
  // Relative row-data paths in stdin are relative to where the command runs.
  const read: ReadRowsOptions = {
    format,
    ...(temp ? { baseDir: options.cwd } : {}),
    ...(format === "folder" && options.keysFromPaths ? { globalKeyOf: (relative: string) => relative } : {}),
  };
  let total: number;
  try {
    total = await countRows(file, read);
  } catch (error) {
    throw usageError(`Cannot read ${inputProblem(error, { file, label: spec === "-" ? "stdin" : spec }, 0).message}`);
  }
  const scan = () => scanRows(file, format, read);
  return {
    file,
    label: spec === "-" ? "stdin" : spec,
    format,
    baseDir: temp ? options.cwd : format === "folder" ? file : path.dirname(file),
    total,
    resumable: temp === undefined,
    rows: () => withoutFailures(readRows(file, read)),
    scan,
    cursor: () => cursorOver(scan()),
    close() {
      if (temp) fs.rmSync(temp, { recursive: true, force: true });
    },
  };
}

async function* withoutFailures(rows: AsyncIterable<FileRow>): AsyncGenerator<FileRow> {
  for await (const row of rows) yield row instanceof UnreadableRow ? row : withoutFailureInfo(row);
}

/**
 * The reader's rows; for NDJSON with the input lines read alongside (one row per non-blank line,
 * as the reader splits them), so a row can be written back exactly as it was written.
 */
async function* scanRows(file: string, format: RowFileFormat, read: ReadRowsOptions): AsyncGenerator<OriginalRow> {
  const lines = format === "ndjson" ? ndjsonLines(atLineEnds(file)) : undefined;
  try {
    for await (const row of readRows(file, read)) {
      const line = lines ? (await lines.next()).value : undefined;
      yield line ? { row, text: line.text, line: line.line } : { row };
    }
  } finally {
    await lines?.return(undefined);
  }
}

/**
 * The bytes of `file` in pieces that end at line ends, for `ndjsonLines`. A piece holding bytes
 * that are not UTF-8 is handed over a line at a time: `ndjsonLines` then fails at that line only,
 * after the lines before it, which the row reader did read (handed the whole piece, it would fail
 * before them). A piece never cuts a character: a newline byte is never part of one.
 */
async function* atLineEnds(file: string): AsyncGenerator<Uint8Array> {
  // Reads since the last line end (a line may be longer than a read), joined once it ends.
  let pending: Buffer[] = [];
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const read = chunk as Buffer;
    const end = read.lastIndexOf(10) + 1;
    if (end === 0) {
      pending.push(read);
      continue;
    }
    const lines = pending.length > 0 ? Buffer.concat([...pending, read.subarray(0, end)]) : read.subarray(0, end);
    pending = end < read.length ? [read.subarray(end)] : [];
    if (isUtf8(lines)) {
      yield lines;
      continue;
    }
    for (let start = 0; start < lines.length; ) {
      const next = lines.indexOf(10, start) + 1;
      yield lines.subarray(start, next);
      start = next;
    }
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

function cursorOver(rows: AsyncGenerator<OriginalRow>): RowCursor {
  let next = 0;
  return {
    async at(index) {
      if (index < next) return undefined;
      for (;;) {
        const step = await rows.next();
        if (step.done) return undefined;
        if (next++ === index) return step.value;
      }
    },
    async close() {
      await rows.return(undefined);
    },
  };
}
