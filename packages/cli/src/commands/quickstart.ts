// lbx quickstart: the README's first command. A real import of the bundled example into an
// embedded emulator (no server, no account): create a dataset, import every row (local images
// uploaded), wait for the tasks, look a row up by global key, export the dataset to NDJSON, and
// print what happened.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getAttachments, getDataRowByGlobalKey } from "@lbx/core";
import type { Command } from "commander";
import { action, examples, type Runtime } from "../command-kit.js";
import { ExitCode } from "../exit-codes.js";
import { CliError, usageError } from "../errors.js";
import { defaultCheckpointFile } from "../import/checkpoint-location.js";
import { runImport } from "../import/run-import.js";
import { openSource } from "../import/source.js";
import { count, duration, plural } from "../output/format.js";
import { renderRecord } from "../output/record.js";
import { exportToTarget } from "./data-rows/export.js";
import { datasetForImport } from "./data-rows/import.js";

interface QuickstartOptions {
  rows?: string;
  out?: string;
  lookup: string;
  keep?: boolean;
}

const EXAMPLE = path.join("examples", "quickstart", "rows.ndjson");

/** `examples/quickstart/rows.ndjson` in the working directory or the nearest folder above it that has one. */
function findExample(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, EXAMPLE);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function registerQuickstart(program: Command, runtime: Runtime): void {
  examples(
    program
      .command("quickstart")
      .alias("demo")
      .description("import the example rows into an embedded emulator, look one up, export them all, and print a summary")
      .option("--rows <file>", `rows to import (default: the repository's ${EXAMPLE})`)
      .option("--out <file>", "where the export goes (default: out/export.ndjson beside the rows)")
      .option("--lookup <globalKey>", "global key to look up after the import", "quickstart-00000")
      .option("--keep", "keep the emulator's data folder (else a temporary one, removed at the end)")
      .action(
        action<QuickstartOptions>(runtime, async (ctx, options) => {
          const started = Date.now();
          const rows = options.rows ? path.resolve(ctx.io.cwd, options.rows) : findExample(ctx.io.cwd);
          if (!rows || !fs.existsSync(rows)) throw usageError(options.rows ? `No such file: ${options.rows}` : `No ${EXAMPLE} in ${ctx.io.cwd} or above it; pass --rows FILE`);
          const out = options.out ? path.resolve(ctx.io.cwd, options.out) : path.join(path.dirname(rows), "out", "export.ndjson");
          // --data names a folder the user keeps (a rerun updates its rows); otherwise a fresh one.
          const dataDir = ctx.globals.data ? path.resolve(ctx.io.cwd, ctx.globals.data) : fs.mkdtempSync(path.join(os.tmpdir(), "lbx-quickstart-"));
          const keep = options.keep === true || ctx.globals.data !== undefined;
          ctx.useEmbedded(dataDir);
          const p = ctx.printer;
          try {
            const client = await ctx.client();
            const emulator = (await ctx.embedded())!;
            p.status(`1/5 Started an embedded emulator at ${emulator.url} (data in ${dataDir}).`);
            const { dataset, created } = await datasetForImport(ctx, client, "Quickstart", true, false);
            p.status(`2/5 ${created ? "Created" : "Using"} dataset ${dataset.name} (${dataset.id}).`);

            const source = await openSource(rows, { cwd: ctx.io.cwd, stdin: ctx.io.stdin });
            let imported;
            try {
              p.status(`3/5 Importing ${plural(source.total, "row")} from ${path.relative(ctx.io.cwd, rows) || rows} and waiting for the server tasks...`);
              imported = await runImport(ctx, {
                datasetId: dataset.id,
                source,
                onDuplicate: "update",
                checkpointFile: defaultCheckpointFile({ HOME: dataDir }, source.file, dataset.id),
                resume: false,
                restart: true,
                failuresFile: path.join(path.dirname(out), "failures.ndjson"),
              });
            } finally {
              source.close();
            }
            const { summary } = imported;
            p.status(`    ${count(summary.created + summary.updated)} imported, ${count(summary.failed)} failed, in ${plural(summary.taskIds.length, "task")} (${duration(summary.seconds)}).`);

            const row = await getDataRowByGlobalKey(client, options.lookup, { signal: ctx.signal });
            const attachments = await getAttachments(client, row.id, { signal: ctx.signal }).toArray();
            p.status(`4/5 Looked up ${options.lookup}: data row ${row.id}.`);

            const exported = await exportToTarget(ctx, dataset.id, { output: out, includeMetadata: true, includeAttachments: true, total: summary.total });
            p.status(`5/5 Exported ${plural(exported.rows, "row")} to ${exported.file}.`);
            // Rows whose data is now a file URL of the emulator: the local images, uploaded.
            const uploaded = countUploaded(exported.file!, emulator.url.replace(/\/graphql$/, "/"));
            const expected = summary.created + summary.updated;
            if (exported.rows !== expected) throw new CliError(`The export has ${exported.rows} rows; the import reported ${expected}`, ExitCode.failure, "EXPORT_MISMATCH");

            const seconds = Math.round((Date.now() - started) / 100) / 10;
            const result = {
              datasetId: dataset.id,
              imported: expected,
              created: summary.created,
              updated: summary.updated,
              failed: summary.failed,
              uploadedFiles: uploaded,
              tasks: summary.taskIds.length,
              lookup: { globalKey: options.lookup, dataRowId: row.id, rowData: row.rowData, metadataFields: row.metadataFields.length, attachments: attachments.length },
              exportFile: exported.file,
              exportedRows: exported.rows,
              failuresFile: imported.failuresFile,
              dataDir: keep ? dataDir : null,
              seconds,
            };
            p.result(result, () =>
              [
                "",
                p.out.bold("Quick start: done."),
                renderRecord(
                  [
                    ["rows imported", `${count(expected)} (${count(summary.created)} created, ${count(summary.updated)} updated; ${count(uploaded)} local images uploaded)`],
                    ["rows failed", summary.failed ? `${count(summary.failed)}, see ${imported.failuresFile}` : "0"],
                    ["looked up", `${options.lookup} -> ${row.id} (${plural(row.metadataFields.length, "metadata field")}, ${plural(attachments.length, "attachment")})`],
                    ["time", `${duration(seconds)} in all (import ${duration(summary.seconds)}, export ${duration(exported.seconds)})`],
                    ["export", `${exported.file} (${plural(exported.rows, "row")})`],
                    ["emulator data", keep ? `${dataDir}  (explore: lbx --local --data ${dataDir} datasets list)` : "removed (pass --keep to explore it)"],
                  ],
                  p.out,
                ),
              ].join("\n"),
            );
            return summary.failed > 0 ? ExitCode.partial : ExitCode.ok;
          } finally {
            await ctx.close();
            if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
          }
        }),
      ),
    "lbx quickstart",
    "lbx quickstart --keep --json",
    "lbx quickstart --rows my-rows.ndjson --out my-export.ndjson --lookup my-key-1",
  );
}

function countUploaded(file: string, filesBase: string): number {
  let n = 0;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (line && (JSON.parse(line) as { data_row: { row_data: string } }).data_row.row_data.startsWith(filesBase)) n += 1;
  }
  return n;
}
