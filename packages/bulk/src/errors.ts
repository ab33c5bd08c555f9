import { LabelboxError } from "@lbx/core";
import type { ImportResult } from "./types.js";

/**
 * A checkpoint cannot be used for this import: it was written for another dataset, other options,
 * or different input rows (the rows already imported do not read the same), or it is not an lbx
 * import checkpoint at all. Nothing was sent. Start with a fresh checkpoint, or pass the same
 * input and options as the interrupted run.
 */
export class CheckpointMismatchError extends LabelboxError {
  static override readonly errorName: string = "CheckpointMismatchError";
  declare readonly code: "CHECKPOINT_MISMATCH";
  constructor(message: string) {
    super("CHECKPOINT_MISMATCH", message);
  }
}

/**
 * The input rows could not be read to their end: the source threw (a CSV or JSON file whose syntax
 * breaks somewhere, an iterable that failed; `cause` is what it threw). Nothing was dropped: every
 * row read before that (`rowsRead` rows) was imported, and `result` holds their outcomes and
 * summary as an import of those rows alone would report them. With a checkpoint, mend the input and
 * run the import again with the same checkpoint: it resumes after the rows already imported.
 */
export class InputReadError extends LabelboxError {
  static override readonly errorName: string = "InputReadError";
  declare readonly code: "INPUT_READ_FAILED";
  declare readonly rowsRead: number;
  declare readonly result: ImportResult;
  constructor(cause: unknown, rowsRead: number, result: ImportResult) {
    const why = cause instanceof Error ? cause.message : String(cause);
    const where = rowsRead === 0 ? "at its first row" : `past row ${rowsRead - 1} (rows 0-${rowsRead - 1} were read and imported: see result)`;
    super("INPUT_READ_FAILED", `The input could not be read ${where}: ${why}`, { cause });
    this.rowsRead = rowsRead;
    this.result = result;
  }
}
