// An import as the CLI runs it: @lbx/bulk's importDataRows over a source, with a file
// checkpoint, a progress display, and the failures file. Shared by `lbx import` and `lbx quickstart`.
import fs from "node:fs";
import path from "node:path";
import { type CheckpointStore, type DuplicatePolicy, importDataRows, type ImportSummary, InputReadError } from "@lbx/bulk";
import { fileCheckpoint } from "@lbx/bulk/node";
import { AbortError } from "@lbx/core";
import type { CommandContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import { CliError } from "../errors.js";
import { count } from "../output/format.js";
import { createProgress } from "../output/progress.js";
import { type FailedOutcome, FailuresFile, type LocalPaths } from "./failures-file.js";
import { type InputProblem, inputProblem } from "./input-problem.js";
import type { ImportSource } from "./source.js";

export interface RunImportOptions {
  readonly datasetId: string;
  readonly source: ImportSource;
  readonly onDuplicate: DuplicatePolicy;
  readonly concurrency?: number | undefined;
  readonly taskTimeoutSeconds?: number | undefined;
  readonly rowsPerTask?: number | undefined;
  /** Where the run's checkpoint lives; none for inputs that cannot be read twice (stdin). */
  readonly checkpointFile: string | undefined;
  /** Continue the run recorded in the checkpoint (else an existing checkpoint is an error unless `restart`). */
  readonly resume: boolean;
  readonly restart: boolean;
  readonly failuresFile: string;
  /** How to rerun this command, for the hint printed when a run is interrupted. */
  readonly rerun?: string;
}

export interface RunImportResult {
  readonly summary: ImportSummary;
  /** Absolute path, or null when no row failed (in this run or, resumed, an earlier one). */
  readonly failuresFile: string | null;
}

/**
 * The input could not be read to its end (bytes that are not UTF-8, syntax that breaks partway):
 * an unusable input file (exit 2). The rows read before the break were imported: `partial` is
 * their result, to be reported like any import's.
 */
export class ImportInputError extends CliError {
  constructor(
    readonly problem: InputProblem,
    readonly partial: RunImportResult,
    /** The command that continues the import once the file is mended (its checkpoint was kept). */
    readonly resume: string | undefined,
  ) {
    const { rowsRead } = problem;
    const done = rowsRead === 0 ? "Nothing was imported." : rowsRead === 1 ? "The row read before it was imported (see the summary)." : `The ${count(rowsRead)} rows read before it were imported (see the summary).`;
    const next = resume ? ` Mend the file, then continue with: ${resume} (rows already imported are not imported again).` : "";
    super(`${problem.message}; the file was read no further. ${done}${next}`, ExitCode.usage, "INPUT_READ_FAILED");
  }
}

/** How many failures are echoed on stderr; the failures file has them all. */
const SHOWN_FAILURES = 10;

export async function runImport(ctx: CommandContext, options: RunImportOptions): Promise<RunImportResult> {
  const { source, checkpointFile } = options;
  const client = await ctx.client();
  let resuming = false;
  if (checkpointFile && fs.existsSync(checkpointFile)) {
    if (options.restart) fs.rmSync(checkpointFile, { force: true });
    else if (!options.resume) {
      throw new CliError(
        `An earlier import of ${source.label} into this dataset did not finish (checkpoint ${checkpointFile}). Add --resume to continue it (no row is imported twice), or --restart to start over.`,
        ExitCode.usage,
        "UNFINISHED_IMPORT",
      );
    } else resuming = true;
  } else if (options.resume) {
    ctx.printer.warn(checkpointFile ? "nothing to resume (no checkpoint); importing from the start" : "stdin cannot be resumed; importing from the start");
  }
  const failures = new FailuresFile(path.resolve(options.failuresFile), resuming ? doneBefore(checkpointFile!) : undefined);
  const progress = createProgress(ctx, { label: "importing", unit: "rows", total: source.total });
  const paths = localPaths(source, failures.file);
  // Failed rows are fetched from a second read of the input, in order, off the import's path.
  const cursor = source.cursor();
  let written = Promise.resolve();
  let shown = 0;
  const recordFailure = async (outcome: FailedOutcome) => {
    const original = await cursor.at(outcome.index);
    failures.write(original, outcome, paths);
    if (shown < SHOWN_FAILURES) {
      shown += 1;
      const where = original?.line !== undefined ? `line ${original.line}` : `row ${outcome.index + 1}`;
      const detail = outcome.issues?.length ? outcome.issues.map((i) => `${i.path ? `${i.path}: ` : ""}${i.message}`).join("; ") : outcome.message;
      ctx.printer.warn(`${where}: ${outcome.code}: ${detail}`);
    }
  };
  try {
    let unreadable: InputReadError | undefined;
    const result = await settledOrAborted(ctx.signal, importDataRows(client, options.datasetId, source.rows(), {
      onDuplicate: options.onDuplicate,
      signal: ctx.signal,
      collectOutcomes: false,
      expectedTotal: source.total,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.taskTimeoutSeconds ? { taskTimeoutMs: options.taskTimeoutSeconds * 1000 } : {}),
      ...(options.rowsPerTask ? { limits: { maxRowsPerTask: options.rowsPerTask, maxChunkRows: options.rowsPerTask } } : {}),
      ...(checkpointFile ? { checkpoint: afterFailures(fileCheckpoint(checkpointFile), () => written) } : {}),
      onProgress: (p) =>
        progress.update({
          done: p.processed,
          failed: p.failed,
          perSecond: p.rowsPerSecond,
          ...(p.etaSeconds !== undefined ? { etaSeconds: p.etaSeconds } : {}),
          ...(p.total !== undefined ? { total: p.total } : {}),
          // Rows get their outcome only when their server task ends: until then, show what was sent.
          phase: `${count(p.uploaded)} sent${p.tasksStarted ? `, tasks ${p.tasksDone ?? 0}/${p.tasksStarted} done` : ""}`,
        }),
      // Failures only: asking for every outcome would make bulk read every success page too.
      onFailure: (outcome) => {
        written = written.then(() => recordFailure(outcome));
      },
    })).catch((error: unknown) => {
      if (!(error instanceof InputReadError)) throw error;
      // The rows read before the break were imported: report them, then the broken input.
      unreadable = error;
      return error.result;
    });
    await written;
    const failed = result.summary.failed;
    if (failed > shown && shown > 0) ctx.printer.warn(`... ${count(failed - shown)} more failed rows in ${failures.file}`);
    const done: RunImportResult = { summary: result.summary, failuresFile: failed > 0 && fs.existsSync(failures.file) ? failures.file : null };
    if (unreadable) {
      // bulk keeps the checkpoint when its input broke, so that a run on the mended file resumes.
      const resume = options.rerun && checkpointFile && fs.existsSync(checkpointFile) ? `${options.rerun} --resume` : undefined;
      throw new ImportInputError(inputProblem(unreadable.cause, source, unreadable.rowsRead), done, resume);
    }
    return done;
  } catch (error) {
    if (ctx.signal.aborted && checkpointFile && fs.existsSync(checkpointFile)) {
      ctx.printer.warn(`import interrupted; ${options.rerun ? `continue it with: ${options.rerun} --resume` : "run it again with --resume to continue"}`);
    }
    throw error;
  } finally {
    progress.stop();
    // Failures reported before an interruption still reach the file.
    await written.catch(() => undefined);
    await cursor.close();
    failures.close();
  }
}

/**
 * A checkpoint store that saves only after every failure reported so far is in the failures file:
 * the checkpoint then never records a row as done whose failure a kill could still lose.
 */
function afterFailures(store: CheckpointStore, pending: () => Promise<void>): CheckpointStore {
  return {
    load: () => store.load(),
    clear: () => store.clear(),
    save: async (state) => {
      await pending();
      await store.save(state);
    },
  };
}

/** How long an aborted import may take to stop by itself before the CLI stops waiting. */
const ABORT_GRACE_MS = 3_000;

/**
 * The import's result, or, once `signal` aborts, its own rejection if it comes within a grace
 * period, else an AbortError. Stopping without the library's cooperation is safe: the checkpoint
 * is written atomically before every step, exactly as when the process is killed.
 */
function settledOrAborted<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      timer = setTimeout(() => reject(new AbortError("The import was interrupted")), ABORT_GRACE_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

// Rows a checkpoint already reported (bulk's checkpoint records `doneBefore`); read only to keep
// the failures window small on resume, so an unreadable value simply means "remember everything".
function doneBefore(file: string): number {
  try {
    const value = (JSON.parse(fs.readFileSync(file, "utf8")) as { doneBefore?: unknown }).doneBefore;
    return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}

/**
 * Local file paths in failed rows, written so that importing the failures file finds the same
 * files: relative to the failures file's folder. A folder row's file is the folder joined with
 * its relative path (the reader puts that in externalId); for CSV and JSON rows the reader kept
 * only the file's name.
 */
function localPaths(source: ImportSource, failuresFile: string): LocalPaths {
  const from = path.dirname(failuresFile);
  const relative = (absolute: string) => {
    const r = path.relative(from, absolute);
    return r.startsWith("..") || path.isAbsolute(r) ? r : `./${r}`;
  };
  return {
    rebase: (rowData) => (rowData.startsWith("file:") || path.isAbsolute(rowData) ? rowData : relative(path.resolve(source.baseDir, rowData))),
    ofFile: (file, row) => (source.format === "folder" && typeof row["externalId"] === "string" ? relative(path.join(source.file, row["externalId"])) : (file as File).name),
  };
}
