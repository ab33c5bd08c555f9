// The failures file: one NDJSON line per failed input row, the row as it was read plus an
// `lbxFailure` member saying why. Feeding the file back to `lbx import` retries exactly those rows
// (the reader drops `lbxFailure`, see `withoutFailureInfo`).
import fs from "node:fs";
import path from "node:path";
import { type RowOutcome, UnreadableRow } from "@lbx/bulk";
import type { OriginalRow } from "./source.js";

/** The member added to each failed row. */
export const FAILURE_FIELD = "lbxFailure";

export type FailedOutcome = Extract<RowOutcome, { status: "failed" }>;

/** How local file paths are written back (see `FailuresFile.write`). */
export interface LocalPaths {
  /** A path as written in the input (e.g. `./images/a.png`), rewritten for the failures file's folder. */
  rebase(rowData: string): string;
  /** A file the reader opened from a row without text (CSV, JSON, folders). */
  ofFile(file: Blob, row: Record<string, unknown>): string;
}

/** Why a row failed, as written into its failures-file line. */
export interface FailureInfo {
  /** 0-based position of the row in the input of the run that failed it. */
  readonly index: number;
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
  /** 1-based input line (NDJSON). */
  readonly line?: number;
  /** The input line as written, when it was not a JSON object (so there is no row to write back). */
  readonly input?: string;
  /** Where an unreadable row was (e.g. `line 7`, or the file of a folder). */
  readonly location?: string;
}

/**
 * Appends failed rows to a file, creating it on the first failure (a run with no failure leaves
 * no file behind). Writes are synchronous: a killed import loses no failure it already reported.
 */
export class FailuresFile {
  #fd: number | undefined;
  #count = 0;
  readonly #earlier: number = 0;

  /**
   * @param file where to write
   * @param keepBelow a resumed run: keep the failures an earlier run wrote for rows before this
   *   index (the ones the checkpoint records as reported) and drop the rest, which this run
   *   reports again. Undefined: a fresh run, an old file is replaced.
   */
  constructor(
    readonly file: string,
    keepBelow: number | undefined,
  ) {
    if (keepBelow === undefined || !fs.existsSync(file)) {
      fs.rmSync(file, { force: true });
      return;
    }
    const kept = fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "" && indexOf(line) < keepBelow);
    this.#earlier = kept.length;
    if (kept.length === 0) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, `${kept.join("\n")}\n`);
  }

  /** Failed rows an earlier run wrote and this one kept. */
  get earlier(): number {
    return this.#earlier;
  }

  /** Failed rows written by this run. */
  get count(): number {
    return this.#count;
  }

  /**
   * @param original the row as the input had it (see `ImportSource.take`)
   * @param paths for rows with a local file: how to write its path so that it still names the
   *   file when read from the failures file's folder
   */
  write(original: OriginalRow | undefined, outcome: FailedOutcome, paths?: LocalPaths): void {
    const written = originalObject(original);
    const info: FailureInfo = {
      index: outcome.index,
      code: outcome.code,
      message: outcome.message,
      ...(outcome.issues?.length ? { issues: outcome.issues } : {}),
      ...(original?.line !== undefined ? { line: original.line } : {}),
      ...(written === undefined && original?.text !== undefined ? { input: original.text } : {}),
      ...(original?.row instanceof UnreadableRow ? { location: original.row.location } : {}),
    };
    let body = written ?? {};
    const rowData = body["rowData"];
    const read = (original?.row as { rowData?: unknown } | undefined)?.rowData;
    const wasLocal = typeof Blob !== "undefined" && read instanceof Blob;
    if (wasLocal && typeof rowData === "string" && paths) body = { ...body, rowData: paths.rebase(rowData) };
    else if (typeof Blob !== "undefined" && rowData instanceof Blob) body = { ...body, rowData: paths ? paths.ofFile(rowData, body) : (rowData as File).name };
    this.#fd ??= open(this.file);
    fs.writeSync(this.#fd, `${JSON.stringify({ ...body, [FAILURE_FIELD]: info })}\n`);
    this.#count += 1;
  }

  close(): void {
    if (this.#fd !== undefined) fs.closeSync(this.#fd);
    this.#fd = undefined;
  }
}

// The input index a failures-file line records; lines that are not ours sort last (dropped).
function indexOf(line: string): number {
  try {
    const index = (JSON.parse(line) as Record<string, { index?: unknown }>)[FAILURE_FIELD]?.index;
    return typeof index === "number" ? index : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function open(file: string): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return fs.openSync(file, "a");
}

/**
 * The row as it can be written back: the input line's object when there is one (local paths as
 * written), else the row object as read; undefined for a row that was not an object at all. A
 * row's own `lbxFailure` from an earlier round is replaced by the new one.
 */
function originalObject(original: OriginalRow | undefined): Record<string, unknown> | undefined {
  let value: unknown = original?.row instanceof UnreadableRow ? undefined : original?.row;
  if (original?.text !== undefined) {
    try {
      value = JSON.parse(original.text);
    } catch {
      value = undefined;
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const { [FAILURE_FIELD]: _old, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** A row read from a failures file, without the failure it records. Other rows pass unchanged. */
export function withoutFailureInfo<T>(row: T): T {
  if (row === null || typeof row !== "object" || !(FAILURE_FIELD in row)) return row;
  const { [FAILURE_FIELD]: _old, ...rest } = row as Record<string, unknown>;
  return rest as T;
}
