// lbx data-rows export --dataset DS [--output FILE | stdout] [--include-metadata] ...
import fs from "node:fs";
import path from "node:path";
import { exportDataRowBytes } from "@lbx/bulk";
import type { Command } from "commander";
import { action, examples, positiveInt, type Runtime } from "../../command-kit.js";
import type { CommandContext } from "../../context.js";
import { usageError } from "../../errors.js";
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
  const client = await ctx.client();
  const started = Date.now();
  const file = options.output && options.output !== "-" ? path.resolve(ctx.io.cwd, options.output) : null;
  const filter = {
    ...(options.ids ? { dataRowIds: await readValues(options.ids, "id", ctx.io.stdin) } : {}),
    ...(options.globalKeys ? { globalKeys: await readValues(options.globalKeys, "globalKey", ctx.io.stdin) } : {}),
  };
  const taskIds: string[] = [];
  const progress = createProgress(ctx, { label: "exporting", unit: "rows", ...(options.total != null && !options.ids && !options.globalKeys ? { total: options.total } : {}) });
  const partial = file ? `${file}.partial` : null;
  const fd = partial ? (fs.mkdirSync(path.dirname(partial), { recursive: true }), fs.openSync(partial, "w")) : null;
  const decoder = new TextDecoder();
  let rows = 0;
  let bytes = 0;
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
  } catch (error) {
    if (fd !== null) {
      fs.closeSync(fd);
      fs.rmSync(partial!, { force: true });
    }
    throw error;
  } finally {
    progress.stop();
  }
  if (fd !== null) {
    fs.closeSync(fd);
    fs.renameSync(partial!, file!);
  }
  return { datasetId, rows, bytes, file, taskIds, seconds: Math.round((Date.now() - started) / 100) / 10 };
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
