// lbx data-rows export --dataset DS [--output FILE | stdout] [--include-metadata] ...
import fs from "node:fs";
import path from "node:path";
import { exportDataRowBytes } from "@lbx/bulk";
import type { Command } from "commander";
import { action, examples, positiveInt, type Runtime } from "../../command-kit.js";
import type { CommandContext } from "../../context.js";
import { CliError, usageError } from "../../errors.js";
import { ExitCode } from "../../exit-codes.js";
import { writeAll } from "../../io.js";
import { readValues } from "../../input/values-file.js";
import { count, duration, plural } from "../../output/format.js";
import { createProgress } from "../../output/progress.js";
import { resolveDataset } from "../../resolve/dataset.js";

export interface ExportCommandOptions {
  dataset: string;
  output?: string;
  includeMetadata?: boolean;
  includeAttachments?: boolean;
  includeDetails?: boolean;
  globalKeys?: string;
  ids?: string;
  timeout?: number;
}

export interface ExportResult {
  readonly datasetId: string;
  readonly rows: number;
  readonly bytes: number;
  /** Absolute path, or null when written to stdout. */
  readonly file: string | null;
  readonly taskIds: string[];
  readonly seconds: number;
}

/**
 * Streams a dataset's export to a file (written as FILE.partial, renamed when complete, so a
 * file at FILE is always a whole export) or to stdout. Shared with `lbx quickstart`.
 */
export async function exportToTarget(ctx: CommandContext, datasetId: string, options: Omit<ExportCommandOptions, "dataset"> & { total?: number | null }): Promise<ExportResult> {
  const file = options.output && options.output !== "-" ? path.resolve(ctx.io.cwd, options.output) : null;
  // Before anything is asked of the server: a target that cannot be written would only fail
  // after the whole export was downloaded.
  if (file) checkOutputFile(file, options.output!);
  const client = await ctx.client();
  const started = Date.now();
  const filter = {
    ...(options.ids ? { dataRowIds: await readValues(options.ids, "id", ctx.io.stdin) } : {}),
    ...(options.globalKeys ? { globalKeys: await readValues(options.globalKeys, "globalKey", ctx.io.stdin) } : {}),
  };
  const taskIds: string[] = [];
  const progress = createProgress(ctx, { label: "exporting", unit: "rows", ...(options.total != null && !options.ids && !options.globalKeys ? { total: options.total } : {}) });
  const partial = file ? `${file}.partial` : null;
  let fd = partial ? openPartial(partial, options.output!) : null;
  const decoder = new TextDecoder();
  let rows = 0;
  let bytes = 0;
  // Set once FILE holds the whole export; until then, whatever ends the export removes FILE.partial.
  let complete = false;
  try {
    progress.update({ phase: "waiting for the export task" });
    for await (const chunk of exportDataRowBytes(client, datasetId, {
      signal: ctx.signal,
      includeMetadata: options.includeMetadata === true,
      includeAttachments: options.includeAttachments === true,
      includeDataRowDetails: options.includeDetails === true,
      ...(options.timeout ? { timeoutSeconds: options.timeout } : {}),
      ...filter,
      onTask: (id) => taskIds.push(id),
    })) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) rows += 1;
      let text = decoder.decode(chunk, { stream: true });
      // Pieces end at line boundaries; the last line of an export may lack its newline.
      if (text !== "" && !text.endsWith("\n") && chunk[chunk.length - 1] !== 10) {
        rows += 1;
        text += "\n";
      }
      if (fd !== null) fs.writeSync(fd, text);
      else await writeAll(ctx.io.stdoutStream, text);
      progress.update({ done: rows, phase: "downloading" });
    }
    if (fd !== null) {
      fs.closeSync(fd);
      fd = null;
      try {
        fs.renameSync(partial!, file!);
      } catch (error) {
        // Only if FILE changed during the export (checkOutputFile looked before it started).
        throw new CliError(`Cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; nothing was written`, ExitCode.failure, "OUTPUT_FAILED");
      }
    }
    complete = true;
  } finally {
    progress.stop();
    if (!complete && partial) {
      try {
        if (fd !== null) fs.closeSync(fd);
      } catch {
        // The export already failed; removing the partial file matters more than this error.
      }
      fs.rmSync(partial, { force: true });
    }
  }
  return { datasetId, rows, bytes, file, taskIds, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

/**
 * Refuses an output path that cannot become a file, as a usage error (exit 2): an existing folder,
 * or a path through a file (`rows.ndjson/x.ndjson`). A missing parent folder is fine: it is created.
 */
function checkOutputFile(file: string, given: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") throw usageError(`Cannot write ${given}: a part of that path is a file, not a folder`);
    if (code !== "ENOENT") throw usageError(`Cannot write ${given}: ${code ?? (error as Error).message}`);
  }
  if (stat?.isDirectory()) throw usageError(`${given} is a folder: give --output a file name, e.g. ${path.join(given, "export.ndjson")}`);
}

/** Creates FILE.partial (and its folder); a path the user cannot write to is a usage error. */
function openPartial(partial: string, given: string): number {
  try {
    fs.mkdirSync(path.dirname(partial), { recursive: true });
    return fs.openSync(partial, "w");
  } catch (error) {
    throw usageError(`Cannot write ${given}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export function registerExport(parent: Command, runtime: Runtime, shortcut = false): void {
  examples(
    parent
      .command("export")
      .description(`export a dataset's data rows as NDJSON (Labelbox export format), to a file or stdout${shortcut ? " (short for lbx data-rows export)" : ""}`)
      .requiredOption("--dataset <dataset>", "dataset id or name")
      .option("-o, --output <file>", "write to FILE (default: stdout)")
      .option("--include-metadata", "include metadata fields")
      .option("--include-attachments", "include attachments")
      .option("--include-details", "include dataset and timestamps of each row")
      .option("--global-keys <file>", "only the rows with the global keys in FILE (one per line, - = stdin)")
      .option("--ids <file>", "only the rows with the ids in FILE (one per line, - = stdin)")
      .option("--timeout <seconds>", "deadline for each export task (default 7200)", positiveInt("--timeout"))
      .action(
        action<ExportCommandOptions>(runtime, async (ctx, options) => {
          if (options.ids && options.globalKeys) throw usageError("Give --ids or --global-keys, not both");
          const toStdout = !options.output || options.output === "-";
          if (toStdout && ctx.printer.json) throw usageError("With --json, stdout holds the result summary: give --output FILE for the rows");
          const client = await ctx.client();
          const dataset = await resolveDataset(client, options.dataset, ctx.signal);
          const result = await exportToTarget(ctx, dataset.id, { ...options, total: dataset.rowCount });
          if (toStdout) {
            ctx.printer.status(`Exported ${plural(result.rows, "row")} of ${dataset.name} in ${duration(result.seconds)}.`);
            return;
          }
          ctx.printer.result(result, () => `Exported ${plural(result.rows, "row")} of ${dataset.name} (${count(result.bytes)} bytes) to ${result.file} in ${duration(result.seconds)}.`);
        }),
      ),
    "lbx export --dataset Cats --output cats.ndjson --include-metadata --include-attachments",
    "lbx data-rows export --dataset Cats | jq -r .data_row.global_key",
    "lbx export --dataset Cats --global-keys keys.txt --output some.ndjson --json",
  );
}
