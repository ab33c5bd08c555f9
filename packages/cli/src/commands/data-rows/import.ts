// lbx data-rows import <file | folder | -> --dataset DS [--create] [--on-duplicate ...] [--dry-run]
// [--resume | --restart] [--concurrency N] [--failures FILE]
import path from "node:path";
import type { DuplicatePolicy } from "@lbx/bulk";
import type { RowFileFormat } from "@lbx/bulk/node";
import { createDataset, type DatasetRecord, type LbxClient } from "@lbx/core";
import { type Command, Option } from "commander";
import { action, examples, positiveInt, type Runtime } from "../../command-kit.js";
import type { CommandContext } from "../../context.js";
import { ExitCode } from "../../exit-codes.js";
import { CliError, usageError } from "../../errors.js";
import { defaultCheckpointFile } from "../../import/checkpoint-location.js";
import { dryRun, type DryRunResult } from "../../import/dry-run.js";
import type { InputProblem } from "../../import/input-problem.js";
import { ImportInputError, runImport, type RunImportResult } from "../../import/run-import.js";
import { openSource } from "../../import/source.js";
import { count, duration, plural } from "../../output/format.js";
import type { Redactor } from "../../output/redact.js";
import { findDatasetsByName, resolveDataset } from "../../resolve/dataset.js";

export interface ImportCommandOptions {
  dataset: string;
  create?: boolean;
  onDuplicate: DuplicatePolicy;
  dryRun?: boolean;
  resume?: boolean;
  restart?: boolean;
  concurrency?: number;
  failures?: string;
  checkpoint?: string;
  format?: RowFileFormat;
  keysFromPaths?: boolean;
  taskTimeout?: number;
  rowsPerTask?: number;
}

/** `--dataset` by id or name; with --create, a name that matches nothing becomes a new dataset. */
export async function datasetForImport(ctx: CommandContext, client: LbxClient, ref: string, create: boolean, announce = true): Promise<{ dataset: DatasetRecord; created: boolean }> {
  if (create && (await findDatasetsByName(client, ref, ctx.signal)).length === 0) {
    const dataset = await createDataset(client, { name: ref, iamIntegration: null }, { signal: ctx.signal });
    if (announce) ctx.printer.status(`Created dataset ${dataset.name} (${dataset.id}).`);
    return { dataset, created: true };
  }
  return { dataset: await resolveDataset(client, ref, ctx.signal), created: false };
}

/** The default failures file: `<input name>.failures.ndjson` in the working directory. */
function defaultFailuresFile(cwd: string, input: string): string {
  const base = input === "-" ? "lbx-import" : path.basename(input.replace(/[/\\]+$/, "")).replace(/\.(ndjson|jsonl|json|csv)$/i, "");
  return path.join(cwd, `${base || "lbx-import"}.failures.ndjson`);
}

/**
 * The command that continues this import: the same input and dataset, and the options a
 * checkpoint must agree with (bulk refuses a resume with another --on-duplicate or task size).
 */
function rerunCommand(spec: string, datasetId: string, options: ImportCommandOptions): string {
  const words = ["lbx", "import", spec, "--dataset", datasetId];
  if (options.onDuplicate !== "fail") words.push("--on-duplicate", options.onDuplicate);
  if (options.rowsPerTask) words.push("--rows-per-task", String(options.rowsPerTask));
  if (options.checkpoint) words.push("--checkpoint", options.checkpoint);
  if (options.format) words.push("--format", options.format);
  if (options.keysFromPaths) words.push("--keys-from-paths");
  if (options.failures) words.push("--failures", options.failures);
  // Quoted for a POSIX shell where needed, so the line can be pasted as it is.
  return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`)).join(" ");
}

/**
 * The `error` member of a `--json` result whose input broke partway: as main.ts reports errors
 * (the message redacted as a diagnostic, though it goes to stdout), plus where.
 */
function inputErrorJson(error: CliError, problem: InputProblem, redactor: Redactor) {
  const { file, line, rowsRead } = problem;
  return { code: error.code, message: redactor.redact(error.message), exitCode: error.exitCode, file, ...(line !== undefined ? { line } : {}), rowsRead };
}

function renderDryRun(result: DryRunResult, label: string): string {
  const lines = result.problems.map((p) => `${p.line !== undefined ? `line ${p.line}` : `row ${p.index + 1}`}: ${p.code}: ${p.message}`);
  const keys = result.existingGlobalKeys ? ` ${plural(result.existingGlobalKeys, "global key")} already exist.` : "";
  lines.push(`Checked ${plural(result.total, "row")} of ${label}: ${count(result.valid)} valid, ${count(result.invalid)} with problems.${keys} Nothing was imported (--dry-run).`);
  return lines.join("\n");
}

export function registerImport(parent: Command, runtime: Runtime, shortcut = false): void {
  examples(
    parent
      .command("import")
      .description(
        `import data rows from an NDJSON, CSV or JSON file, a folder of local files (each uploaded), or stdin (-); one outcome per row, failed rows go to a failures file${shortcut ? " (short for lbx data-rows import)" : ""}`,
      )
      .argument("<source>", "file, folder, or - for stdin")
      .requiredOption("--dataset <dataset>", "dataset id or name")
      .option("--create", "create the dataset (by name) when it does not exist")
      .addOption(new Option("--on-duplicate <policy>", "a row whose global key already exists: fail it, skip it, or update the existing row").choices(["fail", "skip", "update"]).default("fail"))
      .option("--dry-run", "validate only: read every row and report every problem, send nothing")
      .option("--resume", "continue an interrupted import of the same source into the same dataset (no row is imported twice)")
      .option("--restart", "discard an interrupted import's checkpoint and start over")
      .option("--concurrency <n>", "server tasks in flight at once (default 4)", positiveInt("--concurrency"))
      .option("--failures <file>", "where failed rows go, one JSON line each with its reason (default ./<source>.failures.ndjson)")
      .option("--checkpoint <file>", "where progress is recorded for --resume (default under ~/.lbx/checkpoints)")
      .addOption(new Option("--format <format>", "input format (default: from the extension; ndjson for stdin)").choices(["ndjson", "csv", "json", "folder"]))
      .option("--keys-from-paths", "folders: use each file's relative path as its global key")
      .option("--task-timeout <seconds>", "deadline for each server task (default 1800)", positiveInt("--task-timeout"))
      .option("--rows-per-task <n>", "rows per server task (default 25,000, after smaller first tasks; at most 150,000; smaller tasks finish, and checkpoint, sooner)", positiveInt("--rows-per-task"))
      .action(
        action<ImportCommandOptions>(runtime, async (ctx, options, [input]) => {
          const spec = input as string;
          if (options.resume && options.restart) throw usageError("--resume and --restart cannot be combined");
          if (options.dryRun && (options.resume || options.restart)) throw usageError("--dry-run sends nothing, so there is nothing to resume or restart");
          const failuresFile = path.resolve(ctx.io.cwd, options.failures ?? defaultFailuresFile(ctx.io.cwd, spec));
          if (spec !== "-" && failuresFile === path.resolve(ctx.io.cwd, spec)) throw usageError("--failures must not be the input file");
          const client = await ctx.client();
          const source = await openSource(spec, { format: options.format, keysFromPaths: options.keysFromPaths, cwd: ctx.io.cwd, stdin: ctx.io.stdin });
          try {
            if (options.dryRun) {
              const dataset = await resolveDataset(client, options.dataset, ctx.signal).catch((error: unknown) => {
                // A dataset --create would make is no problem for a dry run.
                if (options.create && error instanceof CliError && error.exitCode === ExitCode.notFound) return undefined;
                throw error;
              });
              const { inputProblem, ...result } = await dryRun(client, source, options.onDuplicate, ctx.signal);
              // A file that breaks partway is an unusable input file, as for a real import (exit 2).
              const unreadable = inputProblem && new CliError(`${inputProblem.message}; the file was read no further (${plural(inputProblem.rowsRead, "row")} checked).`, ExitCode.usage, "INPUT_READ_FAILED");
              ctx.printer.result({ ...result, datasetId: dataset?.id ?? null, ...(unreadable ? { error: inputErrorJson(unreadable, inputProblem, ctx.io.redactor) } : {}) }, () => renderDryRun(result, source.label));
              if (unreadable) {
                ctx.printer.error(unreadable.message);
                return unreadable.exitCode;
              }
              return result.invalid > 0 ? ExitCode.partial : ExitCode.ok;
            }
            const { dataset } = await datasetForImport(ctx, client, options.dataset, options.create === true);
            if (!source.resumable && options.checkpoint) throw usageError("stdin cannot be read twice, so its import cannot be resumed: --checkpoint needs a file");
            const checkpointFile = source.resumable ? path.resolve(ctx.io.cwd, options.checkpoint ?? defaultCheckpointFile(ctx.io.env, source.file, dataset.id)) : undefined;
            ctx.printer.status(`Importing ${plural(source.total, "row")} from ${source.label} into ${dataset.name} (${dataset.id}).`);
            let run: RunImportResult;
            let unreadable: ImportInputError | undefined;
            try {
              run = await runImport(ctx, {
                datasetId: dataset.id,
                source,
                onDuplicate: options.onDuplicate,
                concurrency: options.concurrency,
                taskTimeoutSeconds: options.taskTimeout,
                rowsPerTask: options.rowsPerTask,
                checkpointFile,
                resume: options.resume === true,
                restart: options.restart === true,
                failuresFile,
                rerun: rerunCommand(spec, dataset.id, options),
              });
            } catch (error) {
              if (!(error instanceof ImportInputError)) throw error;
              // The input broke partway: what was imported before is still this run's result.
              unreadable = error;
              run = error.partial;
            }
            const { summary, failuresFile: written } = run;
            const value = { datasetId: dataset.id, datasetName: dataset.name, summary, failuresFile: written, ...(unreadable ? { error: inputErrorJson(unreadable, unreadable.problem, ctx.io.redactor) } : {}) };
            ctx.printer.result(value, () => {
              const done = summary.created + summary.updated;
              const lines = [
                `Imported ${count(done)} of ${plural(summary.total, "row")} into ${dataset.name} in ${duration(summary.seconds)}: ${count(summary.created)} created, ${count(summary.updated)} updated, ${count(summary.skipped)} skipped, ${count(summary.failed)} failed.`,
              ];
              if (summary.resumedAt) lines.push(`Resumed after row ${count(summary.resumedAt)}; the counts include the earlier run.`);
              if (written) lines.push(`Failed rows: ${written}\nFix them and import that file again: lbx import ${path.relative(ctx.io.cwd, written) || written} --dataset ${dataset.id}`);
              return lines.join("\n");
            });
            if (unreadable) {
              ctx.printer.error(unreadable.message);
              return unreadable.exitCode;
            }
            return summary.failed > 0 ? ExitCode.partial : ExitCode.ok;
          } finally {
            source.close();
          }
        }),
      ),
    "lbx import rows.ndjson --dataset Cats --create",
    "lbx data-rows import rows.csv --dataset ckxyz0123456789abcdefghij --on-duplicate update --concurrency 8",
    "lbx import ./photos --dataset Cats --keys-from-paths          # a folder: every file is uploaded",
    "lbx import rows.ndjson --dataset Cats --dry-run                # report every problem, send nothing",
    "lbx import rows.ndjson --dataset Cats --resume                 # after an interrupted run",
    "lbx import rows.failures.ndjson --dataset Cats                 # retry exactly the rows that failed",
    "cat rows.ndjson | lbx import - --dataset Cats --json",
  );
}
